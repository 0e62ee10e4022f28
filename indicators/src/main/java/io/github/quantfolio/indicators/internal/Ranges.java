package io.github.quantfolio.indicators.internal;

import static io.github.quantfolio.indicators.internal.Args.bad;
import static io.github.quantfolio.indicators.internal.Segments.nan;

/**
 * Batch kernels on bar ranges: true range, ATR, ADX/DI, rolling maximum and minimum, and the
 * high-low window indicators (Donchian, Williams %R, stochastics), plus Keltner Channels. A bar is
 * valid when every input the indicator reads is finite; see {@link Segments}.
 */
public final class Ranges {

  /** {@link #highLow} mode: Donchian channel (o1 upper, o2 middle, o3 lower). */
  public static final int DONCHIAN = 0;
  /** {@link #highLow} mode: Williams %R (o1). */
  public static final int WILLIAMS_R = 1;
  /** {@link #highLow} mode: slow stochastic (o1 %K, o2 %D). */
  public static final int STOCH = 2;
  /** {@link #highLow} mode: fast stochastic (o1 %K, o2 %D). */
  public static final int STOCH_FAST = 3;

  private Ranges() {
  }

  /**
   * Wilder's true range {@code max(h - l, |h - pc|, |l - pc|)}, computed as
   * {@code max(h, pc) - min(l, pc)}: the same subtraction, hence the same bits, whenever
   * {@code l <= h}, and without data-dependent branches.
   */
  public static double trueRange(double h, double l, double pc) {
    return Math.max(h, pc) - Math.min(l, pc);
  }

  /**
   * {@code 2 max(h, pc) - 2 min(l, pc)} as {@code (h - l) + |h - pc| + |l - pc|} (the same in exact
   * arithmetic, for any order of the three), the ATR recursion's form of the true range: no
   * {@link Math#max} (a long NaN-aware sequence on JDK 17), so a loop of it is several times
   * faster; within 2 ulps of twice {@link #trueRange}. Any
   * non-finite argument gives a non-finite result (NaN or infinity).
   */
  public static double twiceTrueRange(double h, double l, double pc) {
    return ((h - l) + Math.abs(h - pc)) + Math.abs(l - pc);
  }

  /**
   * +DM from the moves {@code up = h - h'} and {@code down = l' - l}: {@code up} if
   * {@code up > down} and {@code up > 0}, else 0. Branch-free (the sign of {@code w - u} masks
   * {@code u}), since which move wins is unpredictable.
   */
  public static double plusDm(double up, double down) {
    double u = Math.max(up, 0.0);
    double w = Math.max(down, 0.0);
    return Double.longBitsToDouble(
        Double.doubleToRawLongBits(u) & (Double.doubleToRawLongBits(w - u) >> 63));
  }

  /** -DM: {@code down} if {@code down > up} and {@code down > 0}, else 0 (see {@link #plusDm}). */
  public static double minusDm(double up, double down) {
    return plusDm(down, up);
  }

  private static boolean badBar(double[] h, double[] l, double[] c, int i) {
    return bad(h[i]) | bad(l[i]) | bad(c[i]);
  }

  // --------------------------------------------------------------------------------- TRANGE, ATR

  /** True range: NaN on a segment's first bar (no previous close). */
  public static void trueRange(double[] h, double[] l, double[] c, double[] out) {
    int len = c.length;
    int s = 0;
    while (s < len) {
      int i = s;
      if (badBar(h, l, c, i)) {
        Segments.missing(i, h, "high", l, "low", c, "close", null, null, out, null, null);
        s = i + 1;
        continue;
      }
      out[i] = Double.NaN;
      double pc = c[i];
      for (i++; i < len; i++) {
        if (badBar(h, l, c, i)) {
          break;
        }
        out[i] = trueRange(h[i], l[i], pc);
        pc = c[i];
      }
      if (i >= len) {
        return;
      }
      Segments.missing(i, h, "high", l, "low", c, "close", null, null, out, null, null);
      s = i + 1;
    }
  }

  /** TA-Lib's ATR: the same operations as {@link AtrState}. */
  public static void atr(double[] h, double[] l, double[] c, int n, double[] out) {
    int len = c.length;
    double[] u = new double[ATR_BLOCK + 3]; // scaled true ranges of a block (see atrSegment)
    for (int s = 0; s < len; ) {
      int stop = atrSegment(h, l, c, s, n, out, u);
      if (stop >= len) {
        return;
      }
      Segments.missing(stop, h, "high", l, "low", c, "close", null, null, out, null, null);
      s = stop + 1;
    }
  }

  /** Bars per block of the batch ATR recursion (its buffers stay in L1). */
  private static final int ATR_BLOCK = 512;

  private static int atrSegment(double[] h, double[] l, double[] c, int s, int n, double[] out,
      double[] u) {
    int len = c.length;
    if (badBar(h, l, c, s)) {
      return s;
    }
    int firstOut = s + n;
    double pc = c[s];
    double sum = 0;
    int i = s + 1;
    for (; i < len && i <= firstOut; i++) {
      if (badBar(h, l, c, i)) {
        nan(out, s, i);
        return i;
      }
      sum += trueRange(h[i], l[i], pc);
      pc = c[i];
    }
    if (i <= firstOut) {
      nan(out, s, len);
      return len;
    }
    nan(out, s, firstOut);
    double y = sum / n;
    out[firstOut] = y;
    double a = (n - 1.0) / n;
    double a4 = (a * a) * (a * a);
    double half = 0.5 / n;
    // The first three bars after the seed one step at a time (as AtrState).
    for (int k = 0; k < 3; k++, i++) {
      if (i >= len) {
        return len;
      }
      if (badBar(h, l, c, i)) {
        return i;
      }
      double uk = twiceTrueRange(h[i], l[i], pc) * half;
      u[k] = uk;
      y = Math.fma(a, y, uk);
      out[i] = y;
      pc = c[i];
    }
    // Then y_t = a^4 y_(t-4) + v_t, v_t = ((a u_(t-3) + u_(t-2)) a + u_(t-1)) a + u_t: four
    // interleaved chains of one FMA per four bars. Per block: the scaled true ranges (u[3..],
    // after the previous block's last three; plain arithmetic, no Math.max, see twiceTrueRange), then
    // v, then the chains. There is no test per bar: a non-finite high, low or previous close
    // makes u non-finite (see twiceTrueRange), which reaches all four chains, checked once per
    // block together with the block's last close (which only the next block reads).
    double y0 = out[i - 4];
    double y1 = out[i - 3];
    double y2 = out[i - 2];
    double y3 = out[i - 1];
    while (i < len) {
      int m = Math.min(ATR_BLOCK, len - i);
      for (int j = 0; j < m; j++) {
        int k = i + j;
        double hi = h[k];
        double lo = l[k];
        double p = c[k - 1];
        u[j + 3] = (((hi - lo) + Math.abs(hi - p)) + Math.abs(lo - p)) * half;
      }
      int j = 0;
      for (; j + 3 < m; j += 4) {
        int k = i + j;
        double u0 = u[j];
        double u1 = u[j + 1];
        double u2 = u[j + 2];
        double u3 = u[j + 3];
        double u4 = u[j + 4];
        double u5 = u[j + 5];
        double u6 = u[j + 6];
        y0 = Math.fma(a4, y0, Math.fma(Math.fma(Math.fma(u0, a, u1), a, u2), a, u3));
        y1 = Math.fma(a4, y1, Math.fma(Math.fma(Math.fma(u1, a, u2), a, u3), a, u4));
        y2 = Math.fma(a4, y2, Math.fma(Math.fma(Math.fma(u2, a, u3), a, u4), a, u5));
        y3 = Math.fma(a4, y3, Math.fma(Math.fma(Math.fma(u3, a, u4), a, u5), a, u6));
        out[k] = y0;
        out[k + 1] = y1;
        out[k + 2] = y2;
        out[k + 3] = y3;
      }
      // The last block may end part-way through a group of four: rotate so that y0 is always
      // the chain of the next bar.
      for (; j < m; j++) {
        double v = Math.fma(Math.fma(Math.fma(u[j], a, u[j + 1]), a, u[j + 2]), a, u[j + 3]);
        double next = Math.fma(a4, y0, v);
        out[i + j] = next;
        y0 = y1;
        y1 = y2;
        y2 = y3;
        y3 = next;
      }
      if (bad((y0 + y1) + (y2 + y3)) || bad(c[i + m - 1])) {
        int k = firstBadBar(h, l, c, i, i + m);
        if (k < i + m) {
          return k;
        }
        // Finite inputs whose true range overflowed: the infinities are the values.
      }
      u[0] = u[m];
      u[1] = u[m + 1];
      u[2] = u[m + 2];
      i += m;
    }
    return len;
  }

  /** The first bar in {@code [from, to)} with a non-finite high, low or close, or {@code to}. */
  private static int firstBadBar(double[] h, double[] l, double[] c, int from, int to) {
    for (int k = from; k < to; k++) {
      if (badBar(h, l, c, k)) {
        return k;
      }
    }
    return to;
  }

  // ---------------------------------------------------------------------------------------- ADX

  /**
   * TA-Lib's ADX with +DI and -DI. Wilder sums of +DM, -DM and TR start as plain sums over bars
   * 1..n-1, then {@code S = S (n - 1) / n + new} from bar n, where the DIs
   * ({@code 100 S(DM) / S(TR)}) and DX ({@code 100 |+DI - -DI| / (+DI + -DI)}) start; ADX is the
   * mean of the first n DX (bar 2n - 1), then Wilder-smoothed. A zero S(TR) gives DI 0, a zero
   * DI sum gives DX 0.
   */
  public static void adx(double[] h, double[] l, double[] c, int n, double[] adx, double[] pdi,
      double[] mdi) {
    int len = c.length;
    for (int s = 0; s < len; ) {
      int stop = adxSegment(h, l, c, s, n, adx, pdi, mdi);
      if (stop >= len) {
        return;
      }
      Segments.missing(stop, h, "high", l, "low", c, "close", null, null, adx, pdi, mdi);
      s = stop + 1;
    }
  }

  private static int adxSegment(double[] h, double[] l, double[] c, int s, int n, double[] adx,
      double[] pdi, double[] mdi) {
    int len = c.length;
    if (badBar(h, l, c, s)) {
      return s;
    }
    double ph = h[s];
    double pl = l[s];
    double pc = c[s];
    double sp = 0;
    double sm = 0;
    double st = 0;
    int diFrom = s + n;
    int adxFrom = s + 2 * n - 1;
    int i = s + 1;
    for (; i < len && i < diFrom; i++) {
      double hi = h[i];
      double lo = l[i];
      double cl = c[i];
      if (bad(hi) | bad(lo) | bad(cl)) {
        MovingAverages.nan3(adx, pdi, mdi, s, i);
        return i;
      }
      double up = hi - ph;
      double dn = pl - lo;
      sp += plusDm(up, dn);
      sm += minusDm(up, dn);
      st += trueRange(hi, lo, pc);
      ph = hi;
      pl = lo;
      pc = cl;
    }
    if (i < diFrom) {
      MovingAverages.nan3(adx, pdi, mdi, s, len);
      return len;
    }
    nan(pdi, s, diFrom);
    nan(mdi, s, diFrom);
    nan(adx, s, Math.min(adxFrom, len));
    double a = (n - 1.0) / n;
    double invN = 1.0 / n;
    double sumDx = 0;
    double x = Double.NaN;
    for (; i < len; i++) {
      double hi = h[i];
      double lo = l[i];
      double cl = c[i];
      if (bad(hi) | bad(lo) | bad(cl)) {
        return i;
      }
      double up = hi - ph;
      double dn = pl - lo;
      sp = sp * a + plusDm(up, dn);
      sm = sm * a + minusDm(up, dn);
      st = st * a + trueRange(hi, lo, pc);
      ph = hi;
      pl = lo;
      pc = cl;
      double p;
      double m;
      if (st > 0) {
        double r = 100.0 / st;
        p = sp * r;
        m = sm * r;
      } else {
        p = 0;
        m = 0;
      }
      pdi[i] = p;
      mdi[i] = m;
      double dx = dx(p, m);
      if (i < adxFrom) {
        sumDx += dx;
      } else if (i == adxFrom) {
        x = (sumDx + dx) / n;
        adx[i] = x;
      } else {
        x = x * a + dx * invN;
        adx[i] = x;
      }
    }
    return len;
  }

  /** {@code 100 |p - m| / (p + m)}, 0 when {@code p + m == 0}. */
  public static double dx(double p, double m) {
    double s = p + m;
    return s > 0 ? 100.0 * (Math.abs(p - m) / s) : 0.0;
  }

  // ------------------------------------------------------------------------------ MAX, MIN

  /** Rolling maximum ({@code max}) or minimum of {@code n} values, van Herk / Gil-Werman. */
  public static void extremum(double[] x, int n, boolean max, double[] out) {
    double[] suffix = new double[n + 1];
    double sign = max ? 1.0 : -1.0;
    for (int s = 0; s < x.length; ) {
      int stop = extremumSegment(x, s, n, sign, out, suffix);
      if (stop >= x.length) {
        return;
      }
      Segments.missing(stop, x, "x", out);
      s = stop + 1;
    }
  }

  private static int extremumSegment(double[] x, int s, int n, double sign, double[] out,
      double[] suffix) {
    int len = x.length;
    int firstOut = s + n - 1;
    double p = Double.NEGATIVE_INFINITY;
    int i = s;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
        nan(out, s, i);
        return i;
      }
      p = Math.max(sign * v, p);
    }
    if (i <= firstOut) {
      nan(out, s, len);
      return len;
    }
    nan(out, s, firstOut);
    out[firstOut] = sign * p;
    suffix[n] = Double.NEGATIVE_INFINITY;
    for (int b = s + n; b < len; b += n) {
      double acc = Double.NEGATIVE_INFINITY;
      for (int j = n - 1; j >= 0; j--) {
        acc = Math.max(sign * x[b - n + j], acc);
        suffix[j] = acc;
      }
      p = Double.NEGATIVE_INFINITY;
      int end = Math.min(b + n, len);
      for (int k = b; k < end; k++) {
        double v = x[k];
        if (bad(v)) {
          return k;
        }
        p = Math.max(sign * v, p);
        out[k] = sign * Math.max(suffix[k - b + 1], p);
      }
    }
    return len;
  }

  // ------------------------------------------------------------------ Donchian, %R, stochastics

  /**
   * Highest high and lowest low of the last {@code n} bars (van Herk / Gil-Werman on both), then,
   * by {@code mode}: {@link #DONCHIAN} (o1 upper, o2 middle, o3 lower; {@code c} may be null and
   * is then not read), {@link #WILLIAMS_R} (o1), {@link #STOCH} (o1 slow %K = SMA(fast %K,
   * {@code m1}), o2 %D = SMA(slow %K, {@code m2})) or {@link #STOCH_FAST} (o1 fast %K, o2 %D =
   * SMA(fast %K, {@code m1})). Stochastic outputs start together, when %D is defined.
   */
  public static void highLow(double[] h, double[] l, double[] c, int n, int mode, int m1, int m2,
      double[] o1, double[] o2, double[] o3) {
    int len = h.length;
    double[] sufH = new double[n + 1];
    double[] sufL = new double[n + 1];
    Smoother sm = mode == STOCH || mode == STOCH_FAST ? new Smoother(mode, m1, m2) : null;
    double[] fk = sm != null ? new double[FK_BLOCK] : null;
    for (int s = 0; s < len; ) {
      if (sm != null) {
        sm.clear();
      }
      int stop = highLowSegment(h, l, c, s, n, mode, sm, fk, o1, o2, o3, sufH, sufL);
      if (stop >= len) {
        return;
      }
      Segments.missing(stop, h, "high", l, "low", c, "close", null, null, o1, o2, o3);
      s = stop + 1;
    }
  }

  private static boolean badHl(double[] h, double[] l, double[] c, int i) {
    return bad(h[i]) | bad(l[i]) | (c != null && bad(c[i]));
  }

  private static int firstBadHl(double[] h, double[] l, double[] c, int from, int to) {
    for (int k = from; k < to; k++) {
      if (badHl(h, l, c, k)) {
        return k;
      }
    }
    return to;
  }

  /** Fast %K values buffered before the stochastic smoothing runs over them. */
  private static final int FK_BLOCK = 256;

  /**
   * The larger of two finite values, exactly one of them ({@code +0} for {@code +0, -0}, as
   * {@link Math#max}), branch-free by the sign of {@code b - a}. JDK 17's {@code Math.max(double,
   * double)} intrinsic, which must handle NaN, is several times slower, and a ternary compiles to
   * an unpredictable branch. Unspecified for NaN arguments (the kernels detect those separately).
   */
  static double maxOf(double a, double b) {
    long m = Double.doubleToRawLongBits(b - a) >> 63;
    return Double.longBitsToDouble(
        (Double.doubleToRawLongBits(a) & m) | (Double.doubleToRawLongBits(b) & ~m));
  }

  private static int highLowSegment(double[] h, double[] l, double[] c, int s, int n, int mode,
      Smoother sm, double[] fk, double[] o1, double[] o2, double[] o3, double[] sufH,
      double[] sufL) {
    int len = h.length;
    int firstOut = s + n - 1;
    double ph = Double.NEGATIVE_INFINITY;
    double pl = Double.NEGATIVE_INFINITY; // of -low
    int i = s;
    for (; i < len && i <= firstOut; i++) {
      if (badHl(h, l, c, i)) {
        MovingAverages.nan3(o1, o2, o3, s, i);
        return i;
      }
      ph = Math.max(h[i], ph);
      pl = Math.max(-l[i], pl);
    }
    if (i <= firstOut) {
      MovingAverages.nan3(o1, o2, o3, s, len);
      return len;
    }
    MovingAverages.nan3(o1, o2, o3, s, firstOut);
    // Stochastics: fast %K values go to fk (bars from fkStart on) and are smoothed per FK_BLOCK.
    int fkStart = firstOut;
    int fkCount = 0;
    if (sm != null) {
      fk[fkCount++] = stochasticK(ph, -pl, c[firstOut]);
    } else {
      emit(mode, firstOut, ph, -pl, c, o1, o2, o3);
    }
    sufH[n] = Double.NEGATIVE_INFINITY;
    sufL[n] = Double.NEGATIVE_INFINITY;
    for (int b = s + n; b < len; b += n) {
      double ah = Double.NEGATIVE_INFINITY;
      double al = Double.NEGATIVE_INFINITY;
      for (int j = n - 1; j >= 0; j--) {
        ah = maxOf(h[b - n + j], ah);
        sufH[j] = ah;
        al = maxOf(-l[b - n + j], al);
        sufL[j] = al;
      }
      ph = Double.NEGATIVE_INFINITY;
      pl = Double.NEGATIVE_INFINITY;
      int end = Math.min(b + n, len);
      // High and low are not tested per bar: a NaN or infinity there makes the guard sum
      // non-finite, checked once per block (and at a bad close); the outputs before the first bad
      // bar are then right, and the caller overwrites the rest.
      double guard = 0;
      for (int k = b; k < end; k++) {
        if (c != null && bad(c[k])) {
          if (sm != null) {
            sm.run(fk, fkCount, fkStart, o1, o2);
          }
          return firstBadHl(h, l, c, b, k + 1);
        }
        double hi = h[k];
        double lo = l[k];
        guard += hi - lo;
        ph = maxOf(hi, ph);
        pl = maxOf(-lo, pl);
        double hh = maxOf(sufH[k - b + 1], ph);
        double ll = -maxOf(sufL[k - b + 1], pl);
        if (sm != null) {
          if (fkCount == FK_BLOCK) {
            sm.run(fk, fkCount, fkStart, o1, o2);
            fkStart += fkCount;
            fkCount = 0;
          }
          fk[fkCount++] = stochasticK(hh, ll, c[k]);
        } else {
          emit(mode, k, hh, ll, c, o1, o2, o3);
        }
      }
      if (bad(guard)) {
        int k = firstBadHl(h, l, c, b, end);
        if (k < end) {
          if (sm != null) {
            sm.run(fk, fkCount, fkStart, o1, o2);
          }
          return k;
        }
      }
    }
    if (sm != null) {
      sm.run(fk, fkCount, fkStart, o1, o2);
    }
    return len;
  }

  private static void emit(int mode, int i, double hh, double ll, double[] c, double[] o1,
      double[] o2, double[] o3) {
    if (mode == DONCHIAN) {
      o1[i] = hh;
      o2[i] = (hh + ll) * 0.5;
      o3[i] = ll;
    } else {
      o1[i] = williamsR(hh, ll, c[i]);
    }
  }

  /** {@code -100 (hh - c) / (hh - ll)}, or -50 when {@code hh == ll}. */
  public static double williamsR(double hh, double ll, double c) {
    double range = hh - ll;
    return range > 0 ? -100.0 * ((hh - c) / range) : -50.0;
  }

  /** {@code 100 (c - ll) / (hh - ll)}, or 50 when {@code hh == ll}. */
  public static double stochasticK(double hh, double ll, double c) {
    double range = hh - ll;
    return range > 0 ? 100.0 * ((c - ll) / range) : 50.0;
  }

  /**
   * The smoothing stages of the stochastics: slow (%K = SMA(fast %K, m1), %D = SMA(%K, m2)) or fast
   * (%K = fast %K, %D = SMA(fast %K, m1)); {@link #k} and {@link #d} are NaN until %D is defined.
   * Each SMA is a {@link RunningSum} (re-anchored running sum; %K is bounded, so cheap), written
   * out here so that the batch loop {@link #run} keeps its state in locals; {@link #add} (the
   * streaming twin's) performs the same operations.
   */
  public static final class Smoother {
    private final boolean slow;
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
      this.inv1 = 1.0 / m1;
      this.inv2 = 1.0 / this.m2;
      this.r1 = new double[m1];
      this.r2 = new double[this.m2];
    }

    /** Adds a fast %K value. */
    public void add(double fastK) {
      one[0] = fastK;
      run(one, 1, 0, scratchK, scratchD);
    }

    /**
     * Adds the fast %K values {@code fk[0, count)} of bars {@code from, from + 1, ...} and writes
     * %K and %D of those bars to {@code ko[from...]} and {@code dout[from...]}.
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

  // ------------------------------------------------------------------------------------ Keltner

  /**
   * Keltner Channels: middle = EMA(close, n) ({@link SeededEma}), bands = middle +/- mult x
   * ATR(atrN) ({@link AtrState}); defined once both are.
   */
  public static void keltner(double[] h, double[] l, double[] c, int n, int atrN, double mult,
      double[] upper, double[] middle, double[] lower) {
    SeededEma ema = new SeededEma(n);
    AtrState atr = new AtrState(atrN);
    for (int i = 0; i < c.length; i++) {
      if (badBar(h, l, c, i)) {
        Segments.missing(i, h, "high", l, "low", c, "close", null, null, upper, middle, lower);
        ema.clear();
        atr.clear();
        continue;
      }
      double e = ema.add(c[i]);
      double r = atr.add(h[i], l[i], c[i]);
      keltnerEmit(e, r, mult, i, upper, middle, lower);
    }
  }

  /** Writes one Keltner bar (NaN unless both the EMA and the ATR are defined). */
  private static void keltnerEmit(double e, double r, double mult, int i, double[] upper,
      double[] middle, double[] lower) {
    if (e != e || r != r) {
      upper[i] = Double.NaN;
      middle[i] = Double.NaN;
      lower[i] = Double.NaN;
    } else {
      double w = mult * r;
      upper[i] = e + w;
      middle[i] = e;
      lower[i] = e - w;
    }
  }
}
