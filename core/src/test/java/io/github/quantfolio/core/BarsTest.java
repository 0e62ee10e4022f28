package io.github.quantfolio.core;

import static io.github.quantfolio.core.TestData.NaN;
import static io.github.quantfolio.core.TestData.assertThrowsWith;
import static io.github.quantfolio.core.TestData.days;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarsTest {

  @TempDir
  Path dir;

  private static Bars week() {
    // Thu 11, Fri 12, Mon 15 (missing bar), Tue 16 January 2024.
    return Bars.of("XYZ", days("2024-01-11", "2024-01-12", "2024-01-15", "2024-01-16"),
        new double[] {10, 11, NaN, 12}, new double[] {11, 12.5, NaN, 13},
        new double[] {9.5, 10.5, NaN, 11}, new double[] {10.8, 12, NaN, 12.2},
        new double[] {100, 200, NaN, 300});
  }

  @Test
  void resampleAggregatesOhlcvPerPeriodSkippingMissingBars() {
    Bars w = week().resample(Frequency.WEEKLY);
    // Week of the 8th: bars of 11th and 12th. Week of the 15th: only the 16th trades.
    assertEquals(days("2024-01-12", "2024-01-16"), w.index());
    assertArrayEquals(new double[] {10, 12}, w.open(), 0.0);
    assertArrayEquals(new double[] {12.5, 13}, w.high(), 0.0);
    assertArrayEquals(new double[] {9.5, 11}, w.low(), 0.0);
    assertArrayEquals(new double[] {12, 12.2}, w.close(), 0.0);
    assertArrayEquals(new double[] {300, 300}, w.volume(), 0.0);
    assertEquals(Frequency.WEEKLY, w.frequency());
  }

  @Test
  void intradayBarsResampleToLargerBars() {
    long t0 = Instant.parse("2024-01-02T14:30:00Z").toEpochMilli();
    TimeIndex idx = TimeIndex.ofEpochMillis(new long[] {t0, t0 + 60_000, t0 + 120_000, t0 + 300_000});
    Bars m = Bars.of("X", idx, new double[] {1, 2, 3, 4}, new double[] {2, 3, 4, 5},
        new double[] {1, 1, 2, 3}, new double[] {2, 3, 4, 5}, new double[] {1, 1, 1, 1});
    Bars five = m.resample(Frequency.MINUTE_5);
    assertEquals(2, five.size());
    assertArrayEquals(new double[] {1, 4}, five.open(), 0.0);
    assertArrayEquals(new double[] {4, 5}, five.high(), 0.0);
    assertArrayEquals(new double[] {4, 5}, five.close(), 0.0);
    assertArrayEquals(new double[] {3, 1}, five.volume(), 0.0);
  }

  @Test
  void rejectsInconsistentBarsNamingSymbolAndDate() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> Bars.of("XYZ", days("2024-01-02"), new double[] {10}, new double[] {9},
            new double[] {8}, new double[] {9.5}, null),
        "'XYZ' on 2024-01-02", "high=9.0");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Bars.of("XYZ", days("2024-01-02"), new double[] {10}, new double[] {11},
            new double[] {9}, new double[] {10}, new double[] {-5}),
        "'XYZ' on 2024-01-02", "volume", "-5.0");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Bars.of("XYZ", days("2024-01-02", "2024-01-03"), new double[] {10}, new double[] {11},
            new double[] {9}, new double[] {10}, null),
        "'open' has 1 values", "2 timestamps");
  }

  @Test
  void csvRoundTripIsBitExact() {
    Path f = dir.resolve("XYZ.csv");
    week().writeCsv(f);
    assertEquals(week(), Bars.readCsv(f));
  }

  @Test
  void closesAsPriceFrame() {
    PriceFrame p = week().toPriceFrame();
    assertEquals("XYZ", p.assets().get(0));
    assertArrayEquals(week().close(), p.column("XYZ"), 0.0);
  }

  @Test
  void betweenNamesTheBarsNotAPriceFrame() {
    Bars b = Bars.of("A01", days("2024-01-02", "2024-01-03"), new double[] {1, 2},
        new double[] {1, 2}, new double[] {1, 2}, new double[] {1, 2}, new double[] {5, 6});
    // used to say "this PriceFrame covers ..." (the bars were converted to find the rows)
    assertThrowsWith(IllegalArgumentException.class,
        () -> b.between(java.time.LocalDate.of(1990, 1, 1), java.time.LocalDate.of(1990, 2, 1)),
        "No bars in 1990-01-01 .. 1990-02-01; Bars 'A01' covers 2024-01-02 .. 2024-01-03");
    assertArrayEquals(new double[] {2},
        b.between(java.time.LocalDate.of(2024, 1, 3), java.time.LocalDate.of(2024, 1, 9)).close(),
        0.0);
  }

  @Test
  void closeAtAnIndexReadsTheColumnWithoutCopying() {
    Bars b = MarketSimulator.builder().assets(2).sectors(1).days(30).build().simulate()
        .bars("A01");
    double[] c = b.close();
    for (int i = 0; i < b.size(); i++) {
      assertEquals(c[i], b.close(i));
    }
    org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
        () -> b.close(b.size()));
    org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
        () -> b.close(-1));
  }
}
