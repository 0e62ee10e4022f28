package io.github.quantfolio.indicators.internal;

import java.util.Objects;

/**
 * Argument and input checks of the indicators module. Every message starts with the indicator it
 * is about ({@code what}: a function name such as {@code "atr"}, or a streaming indicator's name
 * such as {@code "Atr(14)"}), then names the argument, the index (batch) or bar (streaming) and
 * the offending value, e.g. {@code "rsi: expected n >= 1, but found 0"},
 * {@code "atr: close[17] is Infinity; ..."}, {@code "atr: high 9.5 < low 10.0 at index 17; ..."}.
 */
public final class Args {

  private Args() {
  }

  /** Requires a look-back period {@code value >= 1}. */
  public static int period(int value, String what, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(
          what + ": expected " + name + " >= 1, but found " + value);
    }
    return value;
  }

  /**
   * Requires a finite multiplier {@code >= 0} (a number of standard deviations or ATRs): a
   * negative one would put the "upper" band below the "lower" one; 0 gives bands on the middle
   * line, a legitimate degenerate case (e.g. the end of a parameter sweep).
   */
  public static double multiplier(double value, String what, String name) {
    if (!(value >= 0 && value <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException(
          what + ": expected finite " + name + " >= 0, but found " + value);
    }
    return value;
  }

  /** Requires a finite value (a level); any sign. */
  public static double finite(double value, String what, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          what + ": expected finite " + name + ", but found " + value);
    }
    return value;
  }

  /** Throws {@link NullPointerException} naming the indicator and {@code name} if {@code o} is null. */
  public static <T> T notNull(T o, String what, String name) {
    return Objects.requireNonNull(o, () -> what + ": argument '" + name + "' must not be null");
  }

  /** Requires two non-null inputs of equal length. */
  public static void sameLength(String what, double[] a, String aName, double[] b, String bName) {
    notNull(a, what, aName);
    notNull(b, what, bName);
    if (a.length != b.length) {
      throw new IllegalArgumentException(what + ": " + aName + " has " + a.length + " values but "
          + bName + " has " + b.length + "; the inputs must have the same length");
    }
  }

  /** Requires three non-null inputs of equal length. */
  public static void sameLength(String what, double[] a, String aName, double[] b, String bName,
      double[] c, String cName) {
    sameLength(what, a, aName, b, bName);
    sameLength(what, a, aName, c, cName);
  }

  /** Requires four non-null inputs of equal length. */
  public static void sameLength(String what, double[] a, String aName, double[] b, String bName,
      double[] c, String cName, double[] d, String dName) {
    sameLength(what, a, aName, b, bName, c, cName);
    sameLength(what, a, aName, d, dName);
  }

  /**
   * Returns {@code out}, or a new array of {@code length} if it is null. A given array must have
   * the input's length and must not be one of the inputs (the kernels read inputs after writing
   * earlier outputs).
   */
  public static double[] output(String what, double[] out, String name, int length,
      double[]... inputs) {
    if (out == null) {
      return new double[length];
    }
    if (out.length != length) {
      throw new IllegalArgumentException(what + ": " + name + " has " + out.length
          + " values but the input has " + length + "; an output array must have the input's length");
    }
    for (double[] in : inputs) {
      if (in == out) {
        throw new IllegalArgumentException(what + ": " + name
            + " must not be an input array: outputs are written while inputs are read");
      }
    }
    return out;
  }

  /** Requires volumes {@code >= 0} (NaN for missing). */
  public static void volumes(String what, double[] volume) {
    for (int i = 0; i < volume.length; i++) {
      if (volume[i] < 0) {
        throw new IllegalArgumentException(what + ": volume[" + i + "] is " + volume[i]
            + "; volumes must be >= 0 (NaN for missing)");
      }
    }
  }

  /**
   * True unless {@code v} is finite: the kernels' single test per input value. NaN (a missing
   * value) ends a segment; infinity is an error (see {@link #requireMissing}).
   */
  public static boolean bad(double v) {
    return !(Math.abs(v) <= Double.MAX_VALUE);
  }

  /**
   * True unless {@code -MAX <= low <= close <= high <= MAX}: the test per bar of the kernels that
   * read high, low and close. A bar failing it is missing (a NaN), or an error that
   * {@link #requireBar} reports (an infinity, or values in the wrong order).
   */
  public static boolean badBar(double high, double low, double close) {
    return !(-Double.MAX_VALUE <= low & low <= close & close <= high & high <= Double.MAX_VALUE);
  }

  /** {@link #badBar} for the kernels that read only high and low: {@code -MAX <= low <= high <= MAX}. */
  public static boolean badRange(double high, double low) {
    return !(-Double.MAX_VALUE <= low & low <= high & high <= Double.MAX_VALUE);
  }

  /**
   * 0 if {@code d >= 0}, -Infinity if {@code d < 0}, NaN for NaN: added to a value, makes it
   * non-finite where a bar breaks its order ({@code d = h - l}), so that a vectorized kernel's
   * existing non-finite test finds such bars too. Plain arithmetic (vectorizable, no
   * {@code Math.min}): {@code d - |d|} is 0 or exactly {@code 2d}, and {@code 2d} times
   * {@code 2^3069} overflows for every negative double, even the smallest subnormal
   * ({@code 2^-1074}).
   */
  public static double poison(double d) {
    return (d - Math.abs(d)) * 0x1p1023 * 0x1p1023 * 0x1p1023;
  }

  /**
   * {@link #poison} of the bar order {@code low <= close <= high}: 0, or -Infinity/NaN where
   * {@code c - l} or {@code h - c} is negative or NaN ({@code 2a + 2b} of two non-positive
   * exact terms cannot cancel to 0).
   */
  public static double poison(double h, double l, double c) {
    double a = c - l;
    double b = h - c;
    return ((a - Math.abs(a)) + (b - Math.abs(b))) * 0x1p1023 * 0x1p1023 * 0x1p1023;
  }

  /**
   * Called where a kernel stopped at {@code a[i]}: returns normally if it is NaN or finite (the
   * stop was caused by another input), throws if it is infinite.
   */
  public static void requireMissing(String what, double[] a, String name, int i) {
    double v = a[i];
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + ": " + name + "[" + i + "] is " + v
          + "; indicator inputs must be finite, or NaN for a missing value");
    }
  }

  /** Streaming form of {@link #requireMissing}: throws if {@code v} is infinite. */
  public static void notInfinite(String what, double v, String name, long bar) {
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + ": " + name + " is " + v + " at bar " + bar
          + "; indicator inputs must be finite, or NaN for a missing value");
    }
  }

  /**
   * Throws if a bar of finite values breaks {@code low <= close <= high} (the rule of
   * {@code Bars}); {@code close} NaN means the indicator reads no close. Returns normally for a
   * bar holding a NaN (missing). {@code where} is {@code "index 17"} or {@code "bar 17"}.
   */
  public static void requireBar(String what, double high, double low, double close,
      String where) {
    if (!(high == high && low == low)) {
      return;
    }
    if (high < low) {
      throw new IllegalArgumentException(what + ": high " + high + " < low " + low + " at " + where
          + "; a bar needs low <= " + (close == close ? "close <= " : "") + "high");
    }
    if (close < low) {
      throw new IllegalArgumentException(what + ": close " + close + " < low " + low + " at "
          + where + "; a bar needs low <= close <= high");
    }
    if (close > high) {
      throw new IllegalArgumentException(what + ": close " + close + " > high " + high + " at "
          + where + "; a bar needs low <= close <= high");
    }
  }

  /**
   * The exception for a result that exceeds the range of {@code double} although every input is
   * finite, e.g. {@code "dema: the value overflows the range of double at index 17 (x = 1.0E308);
   * ..."}.
   *
   * @param what the indicator
   * @param quantity what overflows, e.g. "the value" or "the true range"
   * @param unit "index" (batch) or "bar" (streaming)
   * @param pos the index or bar
   * @param inputs the inputs there, e.g. {@code "x = 1.0E308"}
   */
  public static ArithmeticException overflow(String what, String quantity, String unit, long pos,
      String inputs) {
    return new ArithmeticException(what + ": " + quantity + " overflows the range of double at "
        + unit + " " + pos + " (" + inputs + "); the inputs are too large in magnitude for this "
        + "indicator");
  }

  /**
   * The error for a product of nonzero inputs that falls below the normal range of double (about
   * 2.2e-308), where it keeps fewer digits or becomes 0 (which would read as "no money flow"):
   * names the indicator, the quantity, the bar and the inputs.
   */
  public static ArithmeticException underflow(String what, String quantity, String unit, long pos,
      String inputs) {
    return new ArithmeticException(what + ": " + quantity + " underflows the range of double at "
        + unit + " " + pos + " (" + inputs + "); the inputs are too small in magnitude for this "
        + "indicator");
  }

  /**
   * Whether the product {@code p = a b} of finite a and b lost digits to underflow: it is below
   * the normal range of double although neither factor is 0.
   */
  public static boolean underflowed(double p, double a, double b) {
    return !(Math.abs(p) >= Double.MIN_NORMAL) && a != 0 && b != 0;
  }
}
