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
   * At a kernel's stop index: throws if an input there is infinite (naming it), else sets every
   * non-null output at {@code i} to NaN.
   */
  public static void missing(String what, int i, double[] a, String an, double[] b, String bn,
      double[] o1, double[] o2, double[] o3) {
    Args.requireMissing(what, a, an, i);
    if (b != null) {
      Args.requireMissing(what, b, bn, i);
    }
    nanAt(i, o1, o2, o3);
  }

  /**
   * At a bar kernel's stop index: throws if an input there is infinite (naming it) or the bar's
   * finite values break {@code low <= close <= high} ({@code c} null: {@code low <= high}), else
   * sets every non-null output at {@code i} to NaN (a missing bar). {@code v} (volume) may be null.
   */
  public static void missingBar(String what, int i, double[] h, double[] l, double[] c,
      double[] v, double[] o1, double[] o2, double[] o3) {
    Args.requireMissing(what, h, "high", i);
    Args.requireMissing(what, l, "low", i);
    if (c != null) {
      Args.requireMissing(what, c, "close", i);
    }
    if (v != null) {
      Args.requireMissing(what, v, "volume", i);
    }
    Args.requireBar(what, h[i], l[i], c == null ? Double.NaN : c[i], "index " + i);
    nanAt(i, o1, o2, o3);
  }

  /**
   * Checks every bar of a function that reads bars without a kernel of its own: throws for an
   * infinite value or a bar breaking {@code low <= close <= high}, as {@link #missingBar}.
   */
  public static void checkBars(String what, double[] h, double[] l, double[] c) {
    for (int i = 0; i < c.length; i++) {
      if (Args.badBar(h[i], l[i], c[i])) {
        Args.requireMissing(what, h, "high", i);
        Args.requireMissing(what, l, "low", i);
        Args.requireMissing(what, c, "close", i);
        Args.requireBar(what, h[i], l[i], c[i], "index " + i);
      }
    }
  }

  /** Throws for an infinite value of {@code x}, as {@link #missing} would in a kernel. */
  public static void checkSeries(String what, double[] x, String name) {
    for (int i = 0; i < x.length; i++) {
      if (Double.isInfinite(x[i])) {
        Args.requireMissing(what, x, name, i);
      }
    }
  }

  private static void nanAt(int i, double[] o1, double[] o2, double[] o3) {
    o1[i] = Double.NaN;
    if (o2 != null) {
      o2[i] = Double.NaN;
    }
    if (o3 != null) {
      o3[i] = Double.NaN;
    }
  }

  /** Single input, single output form of {@link #missing}. */
  public static void missing(String what, int i, double[] x, String name, double[] out) {
    Args.requireMissing(what, x, name, i);
    out[i] = Double.NaN;
  }
}
