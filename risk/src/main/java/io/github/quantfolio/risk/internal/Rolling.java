package io.github.quantfolio.risk.internal;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Full-length rolling statistics: NaN during the warm-up and for windows in which a period is
 * marked missing; each window is computed afresh from its own values (two-pass statistics, no
 * drift from running sums).
 */
public final class Rolling {

  private Rolling() {
  }

  /** A statistic of the window {@code [from, to)}. */
  @FunctionalInterface
  public interface WindowStatistic {
    /** The statistic of periods {@code from .. to - 1}. */
    double of(int from, int to);
  }

  /**
   * Element {@code t} is {@code statistic.of(t - window + 1, t + 1)}, or NaN for
   * {@code t < window - 1} and for windows holding a period for which {@code missing} holds.
   */
  public static double[] of(int length, int window, IntPredicate missing,
      WindowStatistic statistic) {
    double[] out = new double[length];
    Arrays.fill(out, Double.NaN);
    int lastMissing = -1;
    for (int t = 0; t < length; t++) {
      if (missing.test(t)) {
        lastMissing = t;
      }
      if (t >= window - 1 && lastMissing <= t - window) {
        out[t] = statistic.of(t - window + 1, t + 1);
      }
    }
    return out;
  }

  /** Requires {@code window >= 2}. */
  public static void checkWindow(int window) {
    if (window < 2) {
      throw new IllegalArgumentException("Expected window >= 2, but found " + window);
    }
  }
}
