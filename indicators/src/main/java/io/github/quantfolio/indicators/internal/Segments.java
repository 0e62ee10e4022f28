package io.github.quantfolio.indicators.internal;

import java.util.Arrays;

/**
 * The NaN policy's plumbing. A batch kernel processes one <em>segment</em> (a maximal run of bars
 * whose inputs are all finite) as if it were a whole series, and returns the index where it met a
 * non-finite input (or the length). The caller then checks that value is NaN, not infinite, sets
 * the outputs at that index to NaN and restarts the kernel after it.
 */
public final class Segments {

  private Segments() {
  }

  /** Sets {@code out[from, to)} to NaN (no-op for a null array). */
  public static void nan(double[] out, int from, int to) {
    if (out != null && from < to) {
      Arrays.fill(out, from, to, Double.NaN);
    }
  }

  /**
   * At a kernel's stop index: throws if any input there is infinite (naming it), else sets every
   * non-null output at {@code i} to NaN.
   */
  public static void missing(int i, double[] a, String an, double[] b, String bn, double[] c,
      String cn, double[] d, String dn, double[] o1, double[] o2, double[] o3) {
    Args.requireMissing(a, an, i);
    if (b != null) {
      Args.requireMissing(b, bn, i);
    }
    if (c != null) {
      Args.requireMissing(c, cn, i);
    }
    if (d != null) {
      Args.requireMissing(d, dn, i);
    }
    o1[i] = Double.NaN;
    if (o2 != null) {
      o2[i] = Double.NaN;
    }
    if (o3 != null) {
      o3[i] = Double.NaN;
    }
  }

  /** Single input, single output form of {@link #missing}. */
  public static void missing(int i, double[] x, String name, double[] out) {
    Args.requireMissing(x, name, i);
    out[i] = Double.NaN;
  }
}
