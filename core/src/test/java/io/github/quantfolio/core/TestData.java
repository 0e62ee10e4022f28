package io.github.quantfolio.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Small hand-made frames shared by core tests. */
final class TestData {

  static final double NaN = Double.NaN;

  private TestData() {
  }

  static TimeIndex days(String... isoDates) {
    LocalDate[] d = new LocalDate[isoDates.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = LocalDate.parse(isoDates[i]);
    }
    return TimeIndex.ofDates(d);
  }

  /**
   * Five business days 2024-01-08 (Mon) .. 2024-01-12 (Fri); AAA complete, BBB lists on day 2,
   * CCC has a gap on day 4.
   */
  static PriceFrame ragged() {
    return PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2024, 1, 8), 5),
        List.of("AAA", "BBB", "CCC"),
        new double[][] {
          {100, 102, 99, 101, 105},
          {NaN, 50, 51, 49, 50},
          {10, 11, 12, NaN, 12}
        });
  }

  static PriceFrame csv(String text) {
    return PriceFrame.readCsv(new StringReader(text), "test.csv");
  }

  /** Asserts that {@code code} throws {@code type} whose message contains every fragment. */
  static <T extends Throwable> T assertThrowsWith(Class<T> type, Executable code,
      String... fragments) {
    T e = assertThrows(type, code);
    for (String f : fragments) {
      assertTrue(e.getMessage() != null && e.getMessage().contains(f),
          () -> "message '" + e.getMessage() + "' lacks '" + f + "'");
    }
    return e;
  }
}
