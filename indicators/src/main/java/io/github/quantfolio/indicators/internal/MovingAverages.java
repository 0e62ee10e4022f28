package io.github.quantfolio.indicators.internal;

import static io.github.quantfolio.indicators.internal.Args.bad;
import static io.github.quantfolio.indicators.internal.Segments.nan;

/**
 * Batch kernels of the moving averages (SMA, EMA, WMA, DEMA, TEMA) and MACD. Arguments are
 * validated by the caller; every kernel is one pass over its input, restarting after each NaN
 * (see {@link Segments}).
 */
public final class MovingAverages {

  private MovingAverages() {
  }

  // ---------------------------------------------------------------------------------------- SMA

  /**
   * Simple moving average: a running sum {@code s += x_t - x_(t-n)}, re-anchored every n bars to
   * the exact sum of the last n values (accumulated alongside, on a separate dependency chain), the
   * same operations as {@link RunningSum}. Re-anchoring bounds the life of rounding error to n
   * bars: TA-Lib's running sum keeps forever the error made while a huge value was in the window.
   * It also makes a block of n bars depend only on its values and the previous block's sum, so a
   * long segment is run as four quarters advanced together ({@link #smaQuarters}).
   */
  public static void sma(String what, double[] x, int n, double[] out) {
    double inv = 1.0 / n;
    for (int s = 0; s < x.length; ) {
      int stop = smaSegment(what, x, s, n, inv, out);
      if (stop >= x.length) {
        return;
      }
      Segments.missing(what, stop, x, "x", out);
      s = stop + 1;
    }
  }

  private static int smaSegment(String what, double[] x, int s, int n, double inv,
      double[] out) {
    int len = x.length;
    int firstOut = s + n - 1;
    double sum = 0;
    int i = s;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
        nan(out, s, i);
        return i;
      }
      sum += v;
    }
    if (i <= firstOut) {
      nan(out, s, len);
      return len;
    }
    nan(out, s, firstOut);
    out[firstOut] = sum * inv;
    if (bad(sum)) {
      fixOverflow(what, x, n, firstOut, firstOut + 1, out);
    }
    return smaQuarters(what, x, s + n, n, inv, sum, out);
  }

  /**
   * Replaces each non-finite output in {@code [from, to)} (finite inputs whose sum overflowed) by
   * the exact mean of its window ({@link Scaled#mean}), as the streaming twin does.
   */
  private static void fixOverflow(String what, double[] x, int n, int from, int to,
      double[] out) {
    for (int k = from; k < to; k++) {
      if (bad(out[k])) {
        double m = Scaled.mean(x, k - n + 1, n);
        if (bad(m)) {
          throw Args.overflow(what, "the mean", "index", k, "x = " + x[k]);
        }
        out[k] = m;
      }
    }
  }

  /**
   * Segments at least this long run as four quarters (16 MB per array, beyond a typical L3 cache:
   * memory-bound). In cache one stream is faster (measured here: 0.96 against 1.15 ms at 1M bars;
   * at 10M bars 12.2 to 13.6 ms against 15.7 to 17.2).
   */
  private static final int SMA_QUARTERS_FROM = 1 << 21;

  /**
   * The SMA's blocks from {@code b} (a block boundary; {@code sum} is the previous block's exact
   * sum) to the end. On a long segment the full blocks are cut into four quarters advanced
   * together, one bar of each per step: four independent chains and four memory streams. Each
   * quarter starts from the exact sum of the block before it, the value a single pass reaches
   * there, so the results are those of one pass. A non-finite block sum in any quarter hands the
   * rest to {@link #smaBlocks} from where the first quarter stands (it recomputes the others and
   * finds the bad value); so does a running sum that overflowed.
   */
  private static int smaQuarters(String what, double[] x, int b, int n, double inv, double sum,
      double[] out) {
    int len = x.length;
    int quarter = (len - b) / n / 4; // blocks per quarter
    if (len - b < SMA_QUARTERS_FROM) {
      return smaBlocks(what, x, b, n, inv, sum, out);
    }
    int b1 = b + quarter * n;
    int b2 = b1 + quarter * n;
    int b3 = b2 + quarter * n;
    double s0 = sum;
    double s1 = blockSum(x, b1 - n, n);
    double s2 = blockSum(x, b2 - n, n);
    double s3 = blockSum(x, b3 - n, n);
    for (int blk = 0; blk < quarter; blk++, b += n, b1 += n, b2 += n, b3 += n) {
      double anchor = s0;
      double q0 = 0;
      double q1 = 0;
      double q2 = 0;
      double q3 = 0;
      for (int j = 0; j < n - 1; j++) {
        double v0 = x[b + j];
        double v1 = x[b1 + j];
        double v2 = x[b2 + j];
        double v3 = x[b3 + j];
        s0 += v0 - x[b + j - n];
        s1 += v1 - x[b1 + j - n];
        s2 += v2 - x[b2 + j - n];
        s3 += v3 - x[b3 + j - n];
        q0 += v0;
        q1 += v1;
        q2 += v2;
        q3 += v3;
        out[b + j] = s0 * inv;
        out[b1 + j] = s1 * inv;
        out[b2 + j] = s2 * inv;
        out[b3 + j] = s3 * inv;
      }
      q0 += x[b + n - 1];
      q1 += x[b1 + n - 1];
      q2 += x[b2 + n - 1];
      q3 += x[b3 + n - 1];
      if (bad(((q0 + q1) + (q2 + q3)) + ((s0 + s1) + (s2 + s3)))) {
        return smaBlocks(what, x, b, n, inv, anchor, out);
      }
      s0 = q0;
      s1 = q1;
      s2 = q2;
      s3 = q3;
      out[b + n - 1] = s0 * inv;
      out[b1 + n - 1] = s1 * inv;
      out[b2 + n - 1] = s2 * inv;
      out[b3 + n - 1] = s3 * inv;
    }
    return smaBlocks(what, x, b3, n, inv, s3, out);
  }

  /** {@code x[from] + ... + x[from + n - 1]}, from 0 forward (RunningSum's exact block sum). */
  private static double blockSum(double[] x, int from, int n) {
    double q = 0;
    for (int k = from; k < from + n; k++) {
      q += x[k];
    }
    return q;
  }

  /** The SMA's blocks from {@code b} to the end, one at a time (see {@link #smaQuarters}). */
  private static int smaBlocks(String what, double[] x, int b, int n, double inv, double sum,
      double[] out) {
    int len = x.length;
    for (; b < len; b += n) {
      int end = Math.min(b + n, len);
      double q = 0;
      // No test per value: a NaN or infinity makes the sums non-finite, which is checked once per
      // block; the outputs before the first bad value are then already right. So does an
      // overflow of finite values (a running sum stays non-finite once it is), whose outputs are
      // then recomputed.
      for (int k = b; k < end - 1; k++) {
        double v = x[k];
        sum += v - x[k - n];
        q += v;
        out[k] = sum * inv;
      }
      double v = x[end - 1];
      q += v;
      double run = sum; // the running sum through end - 2: once not finite, it stays so
      sum = end - b == n ? q : sum + (v - x[end - 1 - n]);
      out[end - 1] = sum * inv;
      if (bad(run) || bad(sum) || bad(q)) {
        int k = firstBad(x, b, end);
        if (k < end) {
          fixOverflow(what, x, n, b, k, out);
          return k;
        }
        fixOverflow(what, x, n, b, end, out);
      }
    }
    return len;
  }

  /** The first index in {@code [from, to)} whose value is not finite, or {@code to}. */
  static int firstBad(double[] x, int from, int to) {
    for (int k = from; k < to; k++) {
      if (bad(x[k])) {
        return k;
      }
    }
    return to;
  }

  // ---------------------------------------------------------------------------------------- EMA

  /**
   * EMA seeded with the mean of the first n values. After the seed, two steps are taken per
   * iteration ({@code e2 = a^2 e0 + (a k x1 + k x2)}), which halves the length of the dependency
   * chain; results differ from one step at a time by rounding only (the recursion is a
   * contraction, so differences do not grow).
   */
  public static void ema(String what, double[] x, int n, double[] out) {
    for (int s = 0; s < x.length; ) {
      int stop = emaSegment(what, x, s, n, out, false);
      if (stop < 0) {
        stop = emaSegment(what, x, s, n, out, true);
      }
      if (stop >= x.length) {
        return;
      }
      Segments.missing(what, stop, x, "x", out);
      s = stop + 1;
    }
  }

  /**
   * The EMA's seed, the mean of {@code x[s, s + n)} whose sum is {@code sum}: {@code sum / n}, or,
   * if that sum overflowed, the scaled mean ({@link Scaled#mean}; {@link SeededEma} does the
   * same).
   */
  static double seed(String what, double[] x, int s, int n, double sum) {
    double e = sum / n;
    if (bad(e)) {
      e = Scaled.mean(x, s, n);
      if (bad(e)) {
        throw Args.overflow(what, "the mean", "index", s + n - 1, "x = " + x[s + n - 1]);
      }
    }
    return e;
  }

  /**
   * Values up to this magnitude cannot make an EMA recursion overflow (it is a weighted mean of
   * them, to rounding); a segment with a larger value is run again with a test per output.
   */
  static final double EMA_FAST_LIMIT = Double.MAX_VALUE / 4;

  /**
   * One segment from {@code s}: returns the first missing or infinite value's index, or the
   * length; or, if not {@code careful}, -1 at a finite value beyond {@link #EMA_FAST_LIMIT} (the
   * caller then runs the segment again, carefully: every output tested, an overflow thrown).
   */
  private static int emaSegment(String what, double[] x, int s, int n, double[] out,
      boolean careful) {
    int len = x.length;
    int firstOut = s + n - 1;
    double sum = 0;
    int i = s;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
        nan(out, s, i);
        return i;
      }
      sum += v;
    }
    if (i <= firstOut) {
      nan(out, s, len);
      return len;
    }
    nan(out, s, firstOut);
    double e = seed(what, x, s, n, sum);
    out[firstOut] = e;
    double k = 2.0 / (n + 1);
    double a = 1.0 - k;
    double a2 = a * a;
    double ak = a * k;
    if (!careful) {
      for (; i + 1 < len; i += 2) {
        double v1 = x[i];
        double v2 = x[i + 1];
        if (!(Math.abs(v1) <= EMA_FAST_LIMIT) || !(Math.abs(v2) <= EMA_FAST_LIMIT)) {
          break;
        }
        out[i] = a * e + k * v1;
        e = a2 * e + (ak * v1 + k * v2);
        out[i + 1] = e;
      }
      for (; i < len; i++) {
        double v = x[i];
        if (!(Math.abs(v) <= EMA_FAST_LIMIT)) {
          return bad(v) ? i : -1;
        }
        e = a * e + k * v;
        out[i] = e;
      }
      return len;
    }
    for (; i + 1 < len; i += 2) {
      double v1 = x[i];
      double v2 = x[i + 1];
      if (bad(v1) || bad(v2)) {
        break;
      }
      double y = a * e + k * v1;
      out[i] = y;
      e = a2 * e + (ak * v1 + k * v2);
      out[i + 1] = e;
      if (bad(y) | bad(e)) {
        throw emaOverflow(what, x, out, i);
      }
    }
    for (; i < len; i++) {
      double v = x[i];
      if (bad(v)) {
        return i;
      }
      e = a * e + k * v;
      out[i] = e;
      if (bad(e)) {
        throw emaOverflow(what, x, out, i);
      }
    }
    return len;
  }

  private static ArithmeticException emaOverflow(String what, double[] x, double[] out, int i) {
    int k = bad(out[i]) ? i : i + 1;
    return Args.overflow(what, "the moving average", "index", k, "x = " + x[k]);
  }

  // ---------------------------------------------------------------------------------------- WMA

  /**
   * Linearly weighted moving average (weights 1..n, newest n) by blocks: with the window starting
   * at position j of the previous block, numerator = A1[j] + P1 + (n - p) P0, where
   * A1[j] = sum over the previous block from j of x (q - j + 1), P0 = sum and P1 = sum of x (q - b)
   * over the current block's prefix (p = its length - 1). Same operations as the streaming twin.
   * An output whose sums overflowed is the scaled weighted mean ({@link Scaled#weightedMean}).
   */
  public static void wma(String what, double[] x, int n, double[] out) {
    double[] a1 = new double[n + 1];
    double inv = 2.0 / ((double) n * (n + 1));
    for (int s = 0; s < x.length; ) {
      int stop = wmaSegment(what, x, s, n, inv, out, a1);
      if (stop >= x.length) {
        return;
      }
      Segments.missing(what, stop, x, "x", out);
      s = stop + 1;
    }
  }

  /** The WMA of the window ending at {@code k} when its sums overflowed. */
  public static double wmaOverflow(String what, double[] window, int start, int n, String unit,
      long pos, double v) {
    double m = Scaled.weightedMean(window, start, n);
    if (bad(m)) {
      throw Args.overflow(what, "the weighted mean", unit, pos, "x = " + v);
    }
    return m;
  }

  private static int wmaSegment(String what, double[] x, int s, int n, double inv, double[] out,
      double[] a1) {
    int len = x.length;
    int firstOut = s + n - 1;
    double p0 = 0;
    double p1 = 0;
    int i = s;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
        nan(out, s, i);
        return i;
      }
      p1 += v * (i - s);
      p0 += v;
    }
    if (i <= firstOut) {
      nan(out, s, len);
      return len;
    }
    nan(out, s, firstOut);
    out[firstOut] = (p1 + p0) * inv;
    if (bad(out[firstOut])) {
      out[firstOut] = wmaOverflow(what, x, s, n, "index", firstOut, x[firstOut]);
    }
    for (int b = s + n; b < len; b += n) {
      double s0 = 0;
      double s1 = 0;
      for (int j = n - 1; j >= 0; j--) {
        s0 += x[b - n + j];
        s1 += s0;
        a1[j] = s1;
      }
      p0 = 0;
      p1 = 0;
      int end = Math.min(b + n, len);
      for (int k = b; k < end; k++) {
        double v = x[k];
        if (bad(v)) {
          return k;
        }
        int p = k - b;
        p1 += v * p;
        p0 += v;
        double y = (a1[p + 1] + p1 + (n - p) * p0) * inv;
        if (bad(y)) {
          y = wmaOverflow(what, x, k - n + 1, n, "index", k, v);
        }
        out[k] = y;
      }
    }
    return len;
  }

  // ---------------------------------------------------------------------------------- DEMA, TEMA

  /**
   * DEMA ({@code order = 2}: 2 e1 - e2) or TEMA ({@code order = 3}: 3 e1 - 3 e2 + e3), where each
   * EMA stage is seeded with the mean of the first n values of the stage before it (TA-Lib).
   * Evaluated as {@code e1 + (e1 - e2)} and {@code 3 (e1 - e2) + e3}: the difference of two
   * nearby EMAs is exact (Sterbenz), so this is at least as accurate as TA-Lib's form, and it
   * overflows only where the result does (TA-Lib's {@code 2 e1} overflows for values above
   * {@code MAX / 2}).
   */
  public static void multiEma(String what, double[] x, int n, int order, double[] out) {
    SeededEma e1 = new SeededEma(n);
    SeededEma e2 = new SeededEma(n);
    SeededEma e3 = new SeededEma(n);
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      if (bad(v)) {
        Segments.missing(what, i, x, "x", out);
        e1.clear();
        e2.clear();
        e3.clear();
        continue;
      }
      out[i] = multiEmaStep(v, order, e1, e2, e3, what, "index", i);
    }
  }

  /**
   * One step of DEMA/TEMA, shared with the streaming twins: the value, or NaN during the warm-up.
   *
   * @throws ArithmeticException if a stage or the combination overflows ({@code unit} and
   *     {@code pos} locate it in the message)
   */
  public static double multiEmaStep(double v, int order, SeededEma e1, SeededEma e2,
      SeededEma e3, String what, String unit, long pos) {
    double a = e1.add(v);
    if (a != a) {
      return Double.NaN;
    }
    double b = e2.add(a);
    if (b != b) {
      return emaStage(Double.isInfinite(a), what, unit, pos, v);
    }
    double r;
    if (order == 2) {
      r = a + (a - b);
    } else {
      double c = e3.add(b);
      if (c != c) {
        return emaStage(Double.isInfinite(a) || Double.isInfinite(b), what, unit, pos, v);
      }
      r = 3.0 * (a - b) + c;
    }
    // A stage is infinite (it overflowed) or r is: both make r non-finite.
    if (bad(r)) {
      throw Args.overflow(what, "the value", unit, pos, "x = " + v);
    }
    return r;
  }

  /** NaN (the warm-up of a later stage), unless the stages so far overflowed. */
  private static double emaStage(boolean overflow, String what, String unit, long pos,
      double v) {
    if (overflow) {
      throw Args.overflow(what, "the value", unit, pos, "x = " + v);
    }
    return Double.NaN;
  }

  // --------------------------------------------------------------------------------------- MACD

  /**
   * TA-Lib's MACD. Both EMAs produce their first value at index {@code slow - 1} of a segment:
   * the slow EMA seeded with the mean of values {@code [0, slow)}, the fast EMA with the mean of
   * values {@code [slow - fast, slow)}. The signal EMA is seeded with the mean of the first
   * {@code signal} MACD values; all three outputs start at {@code slow + signal - 2}. The EMA seeds
   * are scaled means if their sums overflow (as {@link #seed}); an output that overflows is an
   * {@link ArithmeticException} (one test per bar, of the histogram, which is not finite unless the
   * line and the signal are).
   */
  public static void macd(String what, double[] x, int fast, int slow, int signal, double[] line,
      double[] sig, double[] hist) {
    for (int s = 0; s < x.length; ) {
      int stop = macdSegment(what, x, s, fast, slow, signal, line, sig, hist, false);
      if (stop < 0) {
        stop = macdSegment(what, x, s, fast, slow, signal, line, sig, hist, true);
      }
      if (stop >= x.length) {
        return;
      }
      Segments.missing(what, stop, x, "x", null, null, line, sig, hist);
      s = stop + 1;
    }
  }

  /**
   * Values up to this magnitude cannot make MACD overflow after its first output (the EMAs are
   * weighted means of them, the line at most {@code MAX / 4}, the histogram {@code MAX / 2}); a
   * segment with a larger value is run again testing every bar.
   */
  private static final double MACD_FAST_LIMIT = Double.MAX_VALUE / 8;

  /**
   * One segment from {@code s}: returns the first missing or infinite value's index, or the
   * length; or, if not {@code careful}, -1 at a finite value beyond {@link #MACD_FAST_LIMIT} in
   * the main loop (the caller then runs the segment again, carefully: every bar tested).
   */
  private static int macdSegment(String what, double[] x, int s, int fast, int slow, int signal,
      double[] line, double[] sig, double[] hist, boolean careful) {
    int len = x.length;
    int seedAt = s + slow - 1;
    int firstOut = seedAt + signal - 1;
    double slowSum = 0;
    double fastSum = 0;
    int fastFrom = s + slow - fast;
    int i = s;
    for (; i < len && i <= seedAt; i++) {
      double v = x[i];
      if (bad(v)) {
        nan3(line, sig, hist, s, i);
        return i;
      }
      slowSum += v;
      if (i >= fastFrom) {
        fastSum += v;
      }
    }
    if (i <= seedAt) {
      nan3(line, sig, hist, s, len);
      return len;
    }
    double kf = 2.0 / (fast + 1);
    double af = 1.0 - kf;
    double ks = 2.0 / (slow + 1);
    double as = 1.0 - ks;
    double kg = 2.0 / (signal + 1);
    double ag = 1.0 - kg;
    double ef = seed(what, x, fastFrom, fast, fastSum);
    double es = seed(what, x, s, slow, slowSum);
    double lineSum = ef - es;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
        nan3(line, sig, hist, s, i);
        return i;
      }
      ef = af * ef + kf * v;
      es = as * es + ks * v;
      lineSum += ef - es;
    }
    if (i <= firstOut) {
      nan3(line, sig, hist, s, len);
      return len;
    }
    nan3(line, sig, hist, s, firstOut);
    double m = ef - es;
    double g = lineSum / signal;
    line[firstOut] = m;
    sig[firstOut] = g;
    hist[firstOut] = m - g;
    if (bad(m - g)) {
      throw Args.overflow(what, "the value", "index", firstOut, "x = " + x[firstOut]);
    }
    double limit = careful ? Double.MAX_VALUE : MACD_FAST_LIMIT;
    if (!careful && !(Math.abs(ef) <= limit && Math.abs(es) <= limit && Math.abs(g) <= limit)) {
      return -1;
    }
    for (; i < len; i++) {
      double v = x[i];
      if (!(Math.abs(v) <= limit)) {
        return bad(v) ? i : -1;
      }
      ef = af * ef + kf * v;
      es = as * es + ks * v;
      m = ef - es;
      g = ag * g + kg * m;
      double h = m - g;
      line[i] = m;
      sig[i] = g;
      hist[i] = h;
      if (careful && bad(h)) { // h is not finite unless m and g are
        throw Args.overflow(what, "the value", "index", i, "x = " + v);
      }
    }
    return len;
  }

  static void nan3(double[] a, double[] b, double[] c, int from, int to) {
    nan(a, from, to);
    nan(b, from, to);
    nan(c, from, to);
  }
}
