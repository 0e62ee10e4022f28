package io.github.quantfolio.risk.internal;

/**
 * The history of a return series: the periods from its first to its last valid (non-NaN) return,
 * both included. NaN before the first return (an asset not yet listed) and after the last (an
 * asset delisted, data not yet in) lie outside what was observed; NaN inside are gaps, periods
 * that passed without a return. Elapsed time, and with it every annualisation by compounding, is
 * counted over the history, so a late listing does not dilute a growth rate with years in which
 * the asset did not exist.
 *
 * @param first position of the first valid return, -1 if there is none
 * @param last position of the last valid return, -1 if there is none
 */
public record History(int first, int last) {

  /** The history of {@code r}. */
  public static History of(double[] r) {
    int first = 0;
    while (first < r.length && r[first] != r[first]) {
      first++;
    }
    if (first == r.length) {
      return new History(-1, -1);
    }
    int last = r.length - 1;
    while (r[last] != r[last]) {
      last--;
    }
    return new History(first, last);
  }

  /** The history of the periods where both {@code r} and {@code b} (same length) are valid. */
  public static History ofPairs(double[] r, double[] b) {
    int first = 0;
    while (first < r.length && (r[first] != r[first] || b[first] != b[first])) {
      first++;
    }
    if (first == r.length) {
      return new History(-1, -1);
    }
    int last = r.length - 1;
    while (r[last] != r[last] || b[last] != b[last]) {
      last--;
    }
    return new History(first, last);
  }

  /** The number of periods from the first to the last valid return; 0 without one. */
  public int periods() {
    return first < 0 ? 0 : last - first + 1;
  }

  /**
   * Whether the history spans at least one year of {@code periodsPerYear} periods: the minimum
   * for any figure annualised by compounding (returns of shorter periods must not be annualised,
   * as the GIPS standards require).
   */
  public boolean coversYear(double periodsPerYear) {
    return periods() >= periodsPerYear;
  }
}
