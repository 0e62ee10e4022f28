package io.github.quantfolio.trading;

import static io.github.quantfolio.trading.Tolerance.EXACT;
import static io.github.quantfolio.trading.Tolerance.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.indicators.Regime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Feature values checked by hand on a tiny series, the names and codes, time look-ups, the
 * close-only variant, the batch method and validation. Look-ahead properties are in
 * {@link FeatureLookAheadProperties}.
 */
class FeatureBuilderTest {

  static final LocalDate START = LocalDate.of(2024, 1, 1); // a Monday

  /** Small windows so that a 5-bar look-back holds every feature but the regime. */
  static final FeatureBuilder TINY = FeatureBuilder.defaults().without(FeatureBuilder.REGIME)
      .withReturnWindows(1, 3).withRsi(3).withMacd(2, 3, 2).withBollinger(3, 2).withAtr(3)
      .withVolumeWindow(3).withVolatilityWindow(2).withLookback(5);

  /**
   * Eight daily bars; bars 3..7 are the 5-bar window of bar 7. Bars 0..2 differ wildly from the
   * window so that reading them would show. Open = close.
   */
  static Bars tiny() {
    double[] c = {20, 21, 19, 10, 11, 10, 12, 13};
    double[] h = {21, 22, 20, 10.5, 11.5, 11, 12.5, 13.5};
    double[] l = {19, 20, 18, 9.5, 10, 9.5, 10, 12};
    double[] v = {5000, 9000, 7000, 100, 200, 300, 100, 300};
    return Bars.of("T", TimeIndex.businessDays(START, 8), c, h, l, c, v);
  }

  @Test
  void handCheckedValuesUseOnlyTheWindow() {
    Features f = TINY.features(tiny(), 7);
    assertEquals(List.of("ret1", "ret3", "rsi", "macdHist", "bollingerPctB", "atrFraction",
        "volumeZ", "realizedVol"), f.names());
    // window closes 10, 11, 10, 12, 13 (bars 3..7)
    assertNear(13.0 / 12 - 1, f.get("ret1"), EXACT, "ret1 = 13/12 - 1");
    assertNear(13.0 / 11 - 1, f.get("ret3"), EXACT, "ret3 = 13/11 - 1");
    // RSI(3): changes +1, -1, +2, +1. Seed (Wilder, TA-Lib) at window bar 3: G = (1 + 0 + 2) / 3
    // = 1, L = (0 + 1 + 0) / 3 = 1/3; bar 4: G = (1 x 2 + 1) / 3 = 1, L = (1/3 x 2 + 0) / 3 = 2/9;
    // RSI = 100 G / (G + L) = 100 / (11/9) = 900/11.
    assertNear(900.0 / 11, f.get("rsi"), EXACT, "RSI(3)");
    // MACD(2, 3, 2), TA-Lib seeds at window bar 2: slow = mean(10, 11, 10) = 31/3, fast =
    // mean(11, 10) = 21/2; k_fast = 2/3, k_slow = 1/2. Bar 3 (12): fast 23/2, slow 67/6, line
    // 1/3; bar 4 (13): fast 25/2, slow 145/12, line 5/12; line at bar 2 = 21/2 - 31/3 = 1/6.
    // Signal seeded at bar 3 with mean(1/6, 1/3) = 1/4; bar 4: 1/4 + 2/3 (5/12 - 1/4) = 13/36.
    // Histogram 5/12 - 13/36 = 1/18; divided by the close 13: 1/234.
    assertNear(1.0 / 234, f.get("macdHist"), EXACT, "MACD histogram / close");
    // Bollinger(3, 2) of 10, 12, 13: mean 35/3, population variance 14/9, sd sqrt(14)/3;
    // %B = (13 - 35/3 + 2 sd) / (4 sd) = 1/2 + 1/sqrt(14).
    assertNear(0.5 + 1 / Math.sqrt(14), f.get("bollingerPctB"), EXACT, "%B");
    // True ranges of window bars 1..4: max(h - l, |h - c_prev|, |l - c_prev|) = 1.5, 1.5, 2.5,
    // 1.5. ATR(3) seed = 5.5/3 at bar 3; bar 4: (5.5/3 x 2 + 1.5) / 3 = 31/18; / 13 = 31/234.
    assertNear(31.0 / 234, f.get("atrFraction"), EXACT, "ATR / close");
    // volumes 300, 100, 300: mean 700/3, deviations 200/3, -400/3, 200/3, population variance
    // 80000/9; z = (200/3) / sqrt(80000/9) = 1/sqrt(2).
    assertNear(1 / Math.sqrt(2), f.get("volumeZ"), EXACT, "volume z-score");
    // log returns ln(12/10), ln(13/12); population sd of two values = half their distance.
    assertNear((Math.log(1.2) - Math.log(13.0 / 12)) / 2, f.get("realizedVol"), EXACT,
        "realised volatility");
  }

  @Test
  void warmUpIsNaNUntilTheWindowIsFull() {
    Bars b = tiny();
    for (int t = 0; t < 4; t++) {
      for (double v : TINY.features(b, t).values()) {
        assertTrue(Double.isNaN(v), "bar " + t + " has fewer than 5 bars: " + v);
      }
    }
    for (double v : TINY.features(b, 4).values()) {
      assertFalse(Double.isNaN(v), "bar 4 has a full window");
    }
  }

  @Test
  void aMissingAsOfBarGivesNaN() {
    double n = Double.NaN;
    double[] c = {10, 11, 10, 12, 13, n, 12.5};
    double[] h = {10.5, 11.5, 11, 12.5, 13.5, n, 13};
    double[] l = {9.5, 10, 9.5, 10, 12, n, 11};
    Bars b = Bars.of("G", TimeIndex.businessDays(START, 7), c, h, l, c,
        new double[] {1, 2, 3, 4, 5, 0, 6});
    for (double v : TINY.features(b, 5).values()) {
      assertTrue(Double.isNaN(v));
    }
    // bar 6: ret1 reads the missing close; ret3 = 12.5 / 12 - 1 does not
    Features f = TINY.features(b, 6);
    assertTrue(Double.isNaN(f.get("ret1")));
    assertNear(12.5 / 12 - 1, f.get("ret3"), EXACT, "ret3 across the gap");
    assertTrue(Double.isNaN(f.get("rsi")), "RSI restarts after the gap");
  }

  @Test
  void defaultNamesAndRegimeCodes() {
    FeatureBuilder d = FeatureBuilder.defaults();
    assertEquals(List.of("ret1", "ret5", "ret20", "ret60", "rsi", "macdHist", "bollingerPctB",
        "atrFraction", "volumeZ", "realizedVol", "regime"), d.names());
    assertEquals(List.of("ret1", "ret5", "ret20", "ret60", "rsi", "macdHist", "bollingerPctB",
        "realizedVol"), d.closeOnlyNames());
    assertEquals(250, d.lookback());
    assertEquals(-1, FeatureBuilder.regimeCode(Regime.TRENDING_DOWN));
    assertEquals(0, FeatureBuilder.regimeCode(Regime.RANGING));
    assertEquals(1, FeatureBuilder.regimeCode(Regime.TRENDING_UP));
    assertEquals(2, FeatureBuilder.regimeCode(Regime.HIGH_VOLATILITY));
    assertTrue(Double.isNaN(FeatureBuilder.regimeCode(Regime.UNKNOWN)));
  }

  static SimulatedMarket market() {
    return MarketSimulator.builder().seed(11).assets(4).sectors(2).days(400)
        .lateListingShare(0.25).build().simulate();
  }

  @Test
  void defaultFeaturesOnASimulatedMarket() {
    SimulatedMarket m = market();
    Bars b = m.bars("A01");
    FeatureBuilder d = FeatureBuilder.defaults();
    Features first = d.features(b, 249);
    for (double v : first.values()) {
      assertTrue(Double.isFinite(v), "complete at bar 249: " + first);
    }
    assertTrue(Double.isNaN(d.features(b, 248).get("rsi")), "NaN at bar 248");
    // The regime is the detector's label on the last lookback() + 1 bars of the window.
    int m1 = d.regimeDetector().lookback() + 1;
    Set<Double> codes = new HashSet<>();
    for (int t = 249; t < b.size(); t += 7) {
      double code = d.features(b, t).get("regime");
      Regime r = d.regimeDetector().classify(b.slice(t - m1 + 1, t + 1))[m1 - 1];
      assertEquals(FeatureBuilder.regimeCode(r), code, "bar " + t);
      codes.add(code);
    }
    assertTrue(codes.size() >= 2, "the regime varies: " + codes);
  }

  @Test
  void batchEqualsOneByOne() {
    Bars b = market().bars("A04"); // a late listing: leading missing bars
    FeatureBuilder d = FeatureBuilder.defaults();
    List<Features> all = d.featureSeries(b);
    assertEquals(b.size(), all.size());
    for (int t = 0; t < b.size(); t++) {
      assertEquals(d.features(b, t), all.get(t), "bar " + t);
    }
    Bars t2 = tiny();
    List<Features> tinyAll = TINY.featureSeries(t2);
    for (int t = 0; t < t2.size(); t++) {
      assertEquals(TINY.features(t2, t), tinyAll.get(t), "tiny bar " + t);
    }
  }

  @Test
  void asOfLinesUpWithTheIndex() {
    Bars b = tiny();
    Features f = TINY.features(b, 7);
    // 8 business days from Monday 2024-01-01: bar 7 is Wednesday 2024-01-10, start of day UTC.
    assertEquals(Instant.parse("2024-01-10T00:00:00Z"), f.asOf());
    assertEquals(b.index().instant(7), f.asOf());
    assertEquals(f, TINY.features(b, LocalDate.of(2024, 1, 10)));
    assertEquals(f, TINY.features(b, f.asOf()));
    PriceFrame p = b.toPriceFrame();
    assertEquals(TINY.features(p, "T", 7), TINY.features(p, "T", LocalDate.of(2024, 1, 10)));
    assertEquals(TINY.features(p, "T", 7), TINY.features(p, "T", f.asOf()));
  }

  @Test
  void intradayLookups() {
    Instant t0 = Instant.parse("2024-03-04T14:30:00Z");
    Instant[] times = new Instant[10];
    for (int i = 0; i < 10; i++) {
      // five bars on 2024-03-04, five on 2024-03-05
      times[i] = t0.plusSeconds(3600L * (i % 5) + 86_400L * (i / 5));
    }
    Bars d = tiny();
    double[] c = new double[10];
    double[] h = new double[10];
    double[] l = new double[10];
    double[] v = new double[10];
    for (int i = 0; i < 10; i++) {
      c[i] = d.close()[i % 8];
      h[i] = d.high()[i % 8];
      l[i] = d.low()[i % 8];
      v[i] = d.volume()[i % 8];
    }
    Bars b = Bars.of("I", TimeIndex.ofInstants(times), c, h, l, c, v);
    assertEquals(TINY.features(b, 6), TINY.features(b, times[6]));
    // a date picks the day's last bar: bar 4 on 2024-03-04, bar 9 on 2024-03-05
    assertEquals(TINY.features(b, 4), TINY.features(b, LocalDate.of(2024, 3, 4)));
    assertEquals(TINY.features(b, 9), TINY.features(b, LocalDate.of(2024, 3, 5)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TINY.features(b, LocalDate.of(2024, 3, 6)));
    assertTrue(e.getMessage().contains("2024-03-06") && e.getMessage().contains("'I'"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TINY.features(b, times[2].plusSeconds(1)));
    assertTrue(e.getMessage().contains("2024-03-04T16:30:01Z"), e.getMessage());
  }

  @Test
  void closeOnlyVariantMatchesTheBarsFeatures() {
    SimulatedMarket m = market();
    Bars b = m.bars("A02");
    PriceFrame p = m.prices();
    FeatureBuilder d = FeatureBuilder.defaults();
    for (int t = 240; t < b.size(); t += 13) {
      Features full = d.features(b, t);
      Features closes = d.features(p, "A02", t);
      assertEquals(d.closeOnlyNames(), closes.names());
      assertEquals(full.asOf(), closes.asOf());
      assertEquals("A02", closes.symbol());
      for (String n : closes.names()) {
        assertEquals(full.get(n), closes.get(n), n + " at bar " + t);
      }
    }
  }

  @Test
  void badAsOfNamesSymbolDateAndValue() {
    Bars b = tiny();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TINY.features(b, 8));
    assertTrue(e.getMessage().contains("'T'") && e.getMessage().contains("8")
        && e.getMessage().contains("2024-01-01 .. 2024-01-10"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TINY.features(b, -1));
    e = assertThrows(IllegalArgumentException.class,
        () -> TINY.features(b, LocalDate.of(2024, 1, 6))); // a Saturday
    assertTrue(e.getMessage().contains("2024-01-06") && e.getMessage().contains("'T'"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TINY.features(b, Instant.parse("2024-01-10T15:00:00Z")));
    assertTrue(e.getMessage().contains("2024-01-10T15:00:00Z")
        && e.getMessage().contains("start of its UTC day"), e.getMessage());
    PriceFrame p = b.toPriceFrame();
    e = assertThrows(IllegalArgumentException.class, () -> TINY.features(p, "T", 99));
    assertTrue(e.getMessage().contains("prices of 'T'") && e.getMessage().contains("99"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TINY.features(p, "NOPE", 7));
    assertThrows(NullPointerException.class, () -> TINY.features((Bars) null, 1));
  }

  @Test
  void badParameters() {
    FeatureBuilder d = FeatureBuilder.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.withLookback(100));
    assertTrue(e.getMessage().contains("'regime'") && e.getMessage().contains("146"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.without("regime").withLookback(60));
    assertTrue(e.getMessage().contains("'ret60'") && e.getMessage().contains("61"),
        e.getMessage());
    assertEquals(61, d.without("regime").withLookback(61).lookback());
    assertThrows(IllegalArgumentException.class, () -> d.without("nope"));
    assertThrows(IllegalArgumentException.class, () -> d.withReturnWindows(1, 1));
    assertThrows(IllegalArgumentException.class, () -> d.withReturnWindows(0));
    assertThrows(IllegalArgumentException.class, () -> d.withReturnWindows());
    assertThrows(IllegalArgumentException.class, () -> d.withMacd(26, 12, 9));
    assertThrows(IllegalArgumentException.class, () -> d.withBollinger(20, -1));
    assertThrows(IllegalArgumentException.class, () -> d.withRsi(0));
    assertThrows(IllegalArgumentException.class, () -> d.without(d.names().toArray(new String[0])));
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> d.without("ret1", "ret5", "ret20", "ret60", "rsi", "macdHist", "bollingerPctB",
            "realizedVol").closeOnlyNames());
    assertTrue(s.getMessage().contains("close-only"), s.getMessage());
    assertEquals(d.without("volumeZ", "ret5"), d.without("ret5").without("volumeZ"),
        "omitted names are kept sorted");
  }
}
