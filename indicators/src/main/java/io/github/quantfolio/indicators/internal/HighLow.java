package io.github.quantfolio.indicators.internal;

import static io.github.quantfolio.indicators.internal.Args.bad;

/**
 * The high-low window indicators: Donchian channel, Williams %R and the stochastics, from the
 * highest high and lowest low of the last {@code n} bars. A bar is valid when its high, low and
 * (where read) close are finite; see {@link Segments}.
 *
 * <p>The batch kernel works in blocks of {@value #BLOCK} output bars, each a chain of vectorizable
 * passes ({@link SlidingBlocks}): copy the block's inputs (with the bars before it that its windows
 * reach) to scratch buffers, sliding maximum of the highs and minimum of the lows, the indicator
 * value and a guard per bar, one scalar scan of the guards, then the smoothing sums. The sliding
 * extremes are poisoned (NaN for a window holding a non-finite value) and the guard is
 * {@code 2 max(HH - LL, 0)} plus {@link Args#poison} of the bar's own order
 * ({@code low <= close <= high}, or {@code h - l} for the Donchian channel, which also adds
 * {@code middle - middle}), so it is positive and finite unless the bar's window holds a missing or
 * infinite value, the bar breaks {@code low <= close <= high}, the window is flat
 * ({@code HH <= LL}, a constant value) or {@code HH - LL} (or the Donchian middle) overflows: the
 * scan stops at the first invalid bar, which is the first bar whose window holds it, and computes
 * the flat and overflowing bars' values by the scalar formulas.
 */
public final class HighLow {

  /** Mode: Donchian channel (o1 upper, o2 middle, o3 lower). */
  public static final int DONCHIAN = 0;
  /** Mode: Williams %R (o1). */
  public static final int WILLIAMS_R = 1;
  /** Mode: slow stochastic (o1 %K, o2 %D). */
  public static final int STOCH = 2;
  /** Mode: fast stochastic (o1 %K, o2 %D). */
  public static final int STOCH_FAST = 3;

  /** Output bars per block (the scratch buffers stay in L2). */
  static final int BLOCK = 2048;

  /**
   * Stochastic smoothing windows up to this length are summed directly, each window afresh
   * (vectorized in the batch kernel, at most this many additions per update in the streaming
   * twin); longer ones use a re-anchored running sum.
   */
  static final int DIRECT_SUM_MAX = 8;

  private final String what;
  private final double[] h;
  private final double[] l;
  private final double[] c;
  private final int n;
  private final int mode;
  private final double[] o1;
  private final double[] o2;
  private final double[] o3;
  /** Stochastics with direct smoothing sums. */
  private final boolean direct;
  private final int m1;
  private final int m2;
  /** Running-sum smoothing (stochastics with a window over {@link #DIRECT_SUM_MAX}), else null. */
  private final Smoother smoother;
  /** Bars before a block's first output that its stochastic smoothing reads. */
  private final int lead;
  /** Bars before a block's first output that it reads. */
  private final int lookback;
  private final double[] hi;
  private final double[] lo;
  private final double[] tmp;
  private final double[] rawH;
  private final double[] rawL;
  private final double[] rawC;
  private final double[] value;
  private final double[] guard;
  private final double[] sum1;
  private final double[] sum2;

  private HighLow(String what, double[] h, double[] l, double[] c, int n, int mode, int m1,
      int m2, double[] o1, double[] o2, double[] o3) {
    this.what = what;
    this.h = h;
    this.l = l;
    this.c = c;
    this.n = n;
    this.mode = mode;
    this.o1 = o1;
    this.o2 = o2;
    this.o3 = o3;
    boolean stoch = mode == STOCH || mode == STOCH_FAST;
    this.m1 = m1;
    this.m2 = mode == STOCH ? m2 : 1;
    this.direct = stoch && directSums(this.m1, this.m2);
    this.smoother = stoch && !direct ? new Smoother(mode, m1, m2) : null;
    this.lead = direct ? (this.m1 - 1) + (this.m2 - 1) : 0;
    this.lookback = n - 1 + lead;
    int size = Math.min(BLOCK, h.length) + lookback;
    this.hi = new double[size];
    this.lo = new double[size];
    this.tmp = new double[size];
    int k = Math.min(BLOCK, h.length) + lead;
    this.rawH = new double[k];
    this.rawL = new double[k];
    this.rawC = c != null ? new double[k] : null;
    this.value = new double[k];
    this.guard = new double[k];
    this.sum1 = direct ? new double[k] : null;
    this.sum2 = direct ? new double[k] : null;
  }

  private static boolean directSums(int m1, int m2) {
    return m1 <= DIRECT_SUM_MAX && m2 <= DIRECT_SUM_MAX;
  }

  /**
   * Highest high and lowest low of the last {@code n} bars, then, by {@code mode}:
   * {@link #DONCHIAN} (o1 upper, o2 middle, o3 lower; {@code c} may be null and is then not
   * read), {@link #WILLIAMS_R} (o1), {@link #STOCH} (o1 slow %K = SMA(fast %K, {@code m1}), o2 %D
   * = SMA(slow %K, {@code m2})) or {@link #STOCH_FAST} (o1 fast %K, o2 %D = SMA(fast %K,
   * {@code m1})). Stochastic outputs start together, when %D is defined.
   */
  public static void highLow(String what, double[] h, double[] l, double[] c, int n, int mode,
      int m1, int m2, double[] o1, double[] o2, double[] o3) {
    if (h.length == 0) {
      return;
    }
    new HighLow(what, h, l, c, n, mode, m1, m2, o1, o2, o3).all();
  }

  private void all() {
    int len = h.length;
    for (int s = 0; s < len; ) {
      int stop = segment(s);
      if (stop >= len) {
        return;
      }
      Segments.missingBar(what, stop, h, l, c, null, o1, o2, o3);
      s = stop + 1;
    }
  }

  /** Whether bar i is missing or invalid ({@link Args#badBar}, {@link Args#badRange}). */
  private boolean badBar(int i) {
    return c == null ? Args.badRange(h[i], l[i]) : Args.badBar(h[i], l[i], c[i]);
  }

  /** One segment from bar {@code s}: returns the first invalid bar, or the length. */
  private int segment(int s) {
    int len = h.length;
    int first = s + lookback;
    int warm = Math.min(first, len);
    for (int i = s; i < warm; i++) {
      if (badBar(i)) {
        MovingAverages.nan3(o1, o2, o3, s, i);
        return i;
      }
    }
    MovingAverages.nan3(o1, o2, o3, s, warm);
    if (smoother != null) {
      smoother.clear();
    }
    for (int t0 = first; t0 < len; t0 += BLOCK) {
      int stop = block(t0, Math.min(BLOCK, len - t0));
      if (stop >= 0) {
        return stop;
      }
    }
    return len;
  }

  /**
   * Outputs of bars {@code [t0, t0 + count)}, whose windows start at bar {@code t0 - lookback}
   * (valid: checked by the previous block or the segment's warm-up). Returns -1, or the first
   * invalid bar of the block (the outputs before it are written).
   */
  private int block(int t0, int count) {
    int from = t0 - lead; // the bar of value[0] and guard[0]
    int k = count + lead;
    int span = count + lookback;
    System.arraycopy(h, t0 - lookback, hi, 0, span);
    System.arraycopy(l, t0 - lookback, lo, 0, span);
    // hi[j]: highest high of the window ending at bar from + j, NaN if it holds a bad high
    SlidingBlocks.extreme(hi, span, n, true, true, hi, tmp);
    SlidingBlocks.extreme(lo, span, n, false, true, lo, tmp);
    System.arraycopy(h, from, rawH, 0, k);
    System.arraycopy(l, from, rawL, 0, k);
    if (c != null) {
      System.arraycopy(c, from, rawC, 0, k);
    }
    values(k);
    int stop = firstBad(from, k);
    if (stop >= 0) {
      count = stop - t0;
      k = count + lead;
    }
    if (count > 0) {
      emit(t0, count, k);
    }
    return stop;
  }

  /**
   * Scans the guards of the first {@code k} bars of the block (eight at a time: their product is
   * positive and finite unless one is zero, NaN or infinite, or it underflows or overflows, which
   * only costs a closer look). A flat or overflowing window gets its value from the scalar
   * formula; returns the first invalid bar, or -1.
   */
  private int firstBad(int from, int k) {
    double[] g = guard;
    int j = 0;
    while (true) {
      for (; j + 7 < k; j += 8) {
        double p = ((g[j] * g[j + 1]) * (g[j + 2] * g[j + 3]))
            * ((g[j + 4] * g[j + 5]) * (g[j + 6] * g[j + 7]));
        if (!(p > 0 && p <= Double.MAX_VALUE)) {
          break;
        }
      }
      if (j >= k) {
        return -1;
      }
      int end = Math.min(j + 8, k);
      for (; j < end; j++) {
        if (!(g[j] > 0 && g[j] <= Double.MAX_VALUE)) {
          int bar = from + j;
          if (badBar(bar)) {
            return bar;
          }
          if (mode == WILLIAMS_R) {
            value[j] = williamsR(hi[j], lo[j], c[bar]);
          } else if (mode == DONCHIAN) {
            value[j] = middle(hi[j], lo[j]);
          } else {
            value[j] = stochasticK(hi[j], lo[j], c[bar]);
          }
        }
      }
    }
  }

  /**
   * The indicator value and the guard of each of the first {@code k} bars of the block: the guard
   * is {@code 2 max(HH - LL, 0)} (as {@code r + |r|}) plus the poison of the bar's order, NaN if an
   * input of the window is not finite (see the class documentation).
   * Two loops: fused with the division, the guard loop runs at half speed.
   */
  private void values(int k) {
    double[] hh = hi;
    double[] ll = lo;
    double[] rh = rawH;
    double[] rl = rawL;
    double[] rc = rawC;
    double[] v = value;
    double[] g = guard;
    if (mode == DONCHIAN) {
      for (int j = 0; j < k; j++) {
        double range = hh[j] - ll[j];
        double mid = (hh[j] + ll[j]) * 0.5; // as middle
        v[j] = mid;
        g[j] = ((range + Math.abs(range)) + (mid - mid)) + Args.poison(rh[j] - rl[j]);
      }
      return;
    }
    if (mode == WILLIAMS_R) {
      for (int j = 0; j < k; j++) {
        v[j] = -100.0 * ((hh[j] - rc[j]) / (hh[j] - ll[j])); // as williamsR
      }
    } else {
      for (int j = 0; j < k; j++) {
        v[j] = 100.0 * ((rc[j] - ll[j]) / (hh[j] - ll[j])); // as stochasticK
      }
    }
    for (int j = 0; j < k; j++) {
      double range = hh[j] - ll[j];
      double x = rc[j];
      g[j] = (range + Math.abs(range)) + Args.poison(rh[j], rl[j], x);
    }
  }

  /** Writes outputs {@code [t0, t0 + count)} from the first {@code k} values of the block. */
  private void emit(int t0, int count, int k) {
    if (mode == DONCHIAN) {
      System.arraycopy(hi, 0, o1, t0, count);
      System.arraycopy(value, 0, o2, t0, count);
      System.arraycopy(lo, 0, o3, t0, count);
    } else if (mode == WILLIAMS_R) {
      System.arraycopy(value, 0, o1, t0, count);
    } else if (!direct) {
      smoother.run(value, count, t0, o1, o2);
    } else if (mode == STOCH) {
      SlidingBlocks.sum(value, k, m1, 1.0 / m1, sum1, tmp); // slow %K from bar t0 - (m2 - 1)
      SlidingBlocks.sum(sum1, count + m2 - 1, m2, 1.0 / m2, sum2, tmp);
      System.arraycopy(sum1, m2 - 1, o1, t0, count);
      System.arraycopy(sum2, 0, o2, t0, count);
    } else {
      SlidingBlocks.sum(value, k, m1, 1.0 / m1, sum2, tmp);
      System.arraycopy(value, m1 - 1, o1, t0, count);
      System.arraycopy(sum2, 0, o2, t0, count);
    }
  }

  /**
   * {@code -100 (hh - c) / (hh - ll)}, or -50 unless {@code hh > ll}; from halves where
   * {@code hh - ll} overflows ({@code ll <= c <= hh}).
   */
  public static double williamsR(double hh, double ll, double c) {
    double range = hh - ll;
    if (range > 0) {
      return range <= Double.MAX_VALUE ? -100.0 * ((hh - c) / range)
          : -100.0 * ((0.5 * hh - 0.5 * c) / (0.5 * hh - 0.5 * ll));
    }
    return -50.0;
  }

  /**
   * {@code 100 (c - ll) / (hh - ll)}, or 50 unless {@code hh > ll}; from halves where
   * {@code hh - ll} overflows ({@code ll <= c <= hh}).
   */
  public static double stochasticK(double hh, double ll, double c) {
    double range = hh - ll;
    if (range > 0) {
      return range <= Double.MAX_VALUE ? 100.0 * ((c - ll) / range)
          : 100.0 * ((0.5 * c - 0.5 * ll) / (0.5 * hh - 0.5 * ll));
    }
    return 50.0;
  }

  /**
   * The Donchian middle {@code (hh + ll) / 2}; {@code hh / 2 + ll / 2} where the sum overflows
   * (the same value wherever the sum is finite and not subnormal).
   */
  public static double middle(double hh, double ll) {
    double mid = (hh + ll) * 0.5;
    return bad(mid) ? 0.5 * hh + 0.5 * ll : mid;
  }

  /**
   * The smoothing stages of the stochastics, one fast %K at a time: slow (%K = SMA(fast %K, m1),
   * %D = SMA(%K, m2)) or fast (%K = fast %K, %D = SMA(fast %K, m1)); {@link #k} and {@link #d}
   * are NaN until %D is defined. With both windows up to {@link #DIRECT_SUM_MAX} each SMA sums its
   * window directly, oldest first, as {@link SlidingBlocks#sum} (the batch kernel's passes);
   * otherwise each is a re-anchored running sum (the operations of {@link RunningSum}; %K is
   * bounded, so cheap), written out in {@link #run} so that the batch loop keeps its state in
   * locals.
   */
  public static final class Smoother {
    private final boolean slow;
    private final boolean direct;
    private final int m1;
    private final int m2;
    private final double inv1;
    private final double inv2;
    private final double[] r1;
    private final double[] r2;
    private final double[] one = new double[1];
    private final double[] scratchK = new double[1];
    private final double[] scratchD = new double[1];
    private double sum1;
    private double q1;
    private int pos1;
    private boolean full1;
    private double sum2;
    private double q2;
    private int pos2;
    private boolean full2;
    /** The latest %K (NaN until %D is defined). */
    public double k = Double.NaN;
    /** The latest %D (NaN during the warm-up). */
    public double d = Double.NaN;

    /** Smoothing of a fast %K stream by {@code mode} ({@link #STOCH} or {@link #STOCH_FAST}). */
    public Smoother(int mode, int m1, int m2) {
      this.slow = mode == STOCH;
      this.m1 = m1;
      this.m2 = slow ? m2 : 1;
      this.direct = directSums(this.m1, this.m2);
      this.inv1 = 1.0 / m1;
      this.inv2 = 1.0 / this.m2;
      this.r1 = new double[m1];
      this.r2 = new double[this.m2];
    }

    /** Adds a fast %K value. */
    public void add(double fastK) {
      if (!direct) {
        one[0] = fastK;
        run(one, 1, 0, scratchK, scratchD);
        return;
      }
      double sk = push(r1, pos1, fastK, inv1);
      pos1++;
      full1 |= pos1 == m1;
      if (pos1 == m1) {
        pos1 = 0;
      }
      if (!full1) {
        return; // k and d stay NaN
      }
      if (!slow) {
        k = fastK;
        d = sk;
        return;
      }
      double dd = push(r2, pos2, sk, inv2);
      pos2++;
      full2 |= pos2 == m2;
      if (pos2 == m2) {
        pos2 = 0;
      }
      if (full2) {
        k = sk;
        d = dd;
      }
    }

    /**
     * Stores {@code v} at {@code ring[pos]} and returns the ring's sum, oldest value first (the
     * one after {@code pos}), times {@code scale} (meaningless until the ring is full).
     */
    private static double push(double[] ring, int pos, double v, double scale) {
      ring[pos] = v;
      int m = ring.length;
      int i = pos + 1 == m ? 0 : pos + 1;
      double s = ring[i];
      for (int t = 1; t < m; t++) {
        i = i + 1 == m ? 0 : i + 1;
        s += ring[i];
      }
      return s * scale;
    }

    /**
     * Running-sum smoothing: adds the fast %K values {@code fk[0, count)} of bars
     * {@code from, from + 1, ...} and writes %K and %D of those bars to {@code ko[from...]} and
     * {@code dout[from...]}.
     */
    void run(double[] fk, int count, int from, double[] ko, double[] dout) {
      double s1 = sum1;
      double a1 = q1;
      int p1 = pos1;
      boolean f1 = full1;
      double s2 = sum2;
      double a2 = q2;
      int p2 = pos2;
      boolean f2 = full2;
      double kk = k;
      double dd = d;
      double[] ring1 = r1;
      double[] ring2 = r2;
      for (int j = 0; j < count; j++) {
        double v = fk[j];
        // Stage 1: RunningSum.add(v), as its code.
        double old = ring1[p1];
        ring1[p1] = v;
        p1++;
        double r;
        if (!f1) {
          s1 += v;
          r = p1 == m1 ? s1 : Double.NaN;
        } else {
          a1 += v;
          s1 = p1 == m1 ? a1 : s1 + (v - old);
          r = s1;
        }
        if (p1 == m1) {
          p1 = 0;
          a1 = 0;
          f1 = true;
        }
        double sk = r * inv1;
        if (sk != sk) {
          kk = Double.NaN;
          dd = Double.NaN;
        } else if (!slow) {
          dd = sk;
          kk = v;
        } else {
          // Stage 2 on the slow %K.
          double old2 = ring2[p2];
          ring2[p2] = sk;
          p2++;
          double r2v;
          if (!f2) {
            s2 += sk;
            r2v = p2 == m2 ? s2 : Double.NaN;
          } else {
            a2 += sk;
            s2 = p2 == m2 ? a2 : s2 + (sk - old2);
            r2v = s2;
          }
          if (p2 == m2) {
            p2 = 0;
            a2 = 0;
            f2 = true;
          }
          dd = r2v * inv2;
          kk = dd != dd ? Double.NaN : sk;
        }
        ko[from + j] = kk;
        dout[from + j] = dd;
      }
      sum1 = s1;
      q1 = a1;
      pos1 = p1;
      full1 = f1;
      sum2 = s2;
      q2 = a2;
      pos2 = p2;
      full2 = f2;
      k = kk;
      d = dd;
    }

    /** Forgets every value. */
    public void clear() {
      sum1 = 0;
      q1 = 0;
      pos1 = 0;
      full1 = false;
      sum2 = 0;
      q2 = 0;
      pos2 = 0;
      full2 = false;
      k = Double.NaN;
      d = Double.NaN;
    }
  }
}
