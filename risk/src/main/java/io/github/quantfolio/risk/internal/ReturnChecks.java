package io.github.quantfolio.risk.internal;

import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.internal.Checks;

/**
 * The validity rule of a per-period simple return series: every value is NaN (missing) or a
 * finite number {@code >= -1}. A simple return below -1 (-100 %) would mean losing more than
 * everything, which compounding turns into negative wealth and a drawdown below -100 %.
 */
public final class ReturnChecks {

  private ReturnChecks() {
  }

  /** True if {@code v} breaks the rule (NaN passes: it marks a missing period). */
  public static boolean invalid(double v) {
    return v < -1 || v == Double.POSITIVE_INFINITY;
  }

  /**
   * Checks {@code r} (not null, every value valid) and returns it.
   *
   * @param name the argument's name for messages
   * @param index timestamps of the values, for messages (may be null)
   */
  public static double[] simple(double[] r, String name, TimeIndex index) {
    Checks.notNull(r, name);
    for (int i = 0; i < r.length; i++) {
      if (invalid(r[i])) {
        throw rejection(r[i], i, name, index);
      }
    }
    return r;
  }

  /** Checks {@code r} without timestamps; see {@link #simple(double[], String, TimeIndex)}. */
  public static double[] simple(double[] r, String name) {
    return simple(r, name, null);
  }

  /** The rejection of the invalid value {@code v} at position {@code i} of {@code name}. */
  public static IllegalArgumentException rejection(double v, int i, String name,
      TimeIndex index) {
    String where = index == null ? "Return at position " + i + " of '" + name + "'"
        : "Return of '" + name + "' on " + index.label(i) + " (position " + i + ")";
    if (Double.isInfinite(v)) {
      return new IllegalArgumentException(where + " is " + v
          + "; returns must be finite (NaN for missing)");
    }
    return new IllegalArgumentException(where + " is " + v
        + ", below -1 (-100 %): a simple return cannot lose more than everything");
  }
}
