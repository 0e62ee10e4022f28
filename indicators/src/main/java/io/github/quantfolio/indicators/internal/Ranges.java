package io.github.quantfolio.indicators.internal;

import static io.github.quantfolio.indicators.internal.Args.bad;
import static io.github.quantfolio.indicators.internal.Segments.nan;

/**
 * Batch kernels on bar ranges: true range, ATR, ADX/DI, rolling maximum and minimum, and Keltner
 * Channels (the high-low window indicators are in {@link HighLow}). A bar is valid when every input
 * the indicator reads is finite; see {@link Segments}.
 */
public final class Ranges {

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

  /** Whether bar i is missing or invalid ({@link Args#badBar}). */
  private static boolean badBar(double[] h, double[] l, double[] c, int i) {
    return Args.badBar(h[i], l[i], c[i]);
  }

  /** The inputs of bar i, for messages. */
  private static String bar(double[] h, double[] l, double[] c, int i) {
    return Oscillators.bar(h[i], l[i], c[i]);
  }

  // --------------------------------------------------------------------------------- TRANGE, ATR

  /** True range: NaN on a segment's first bar (no previous close). */
  public static void trueRange(String what, double[] h, double[] l, double[] c, double[] out) {
    int len = c.length;
    int s = 0;
    while (s < len) {
      int i = s;
      if (badBar(h, l, c, i)) {
        Segments.missingBar(what, i, h, l, c, null, out, null, null);
        s = i + 1;
        continue;
      }
      out[i] = Double.NaN;
      double pc = c[i];
      for (i++; i < len; i++) {
        if (badBar(h, l, c, i)) {
          break;
        }
        double tr = trueRange(h[i], l[i], pc);
        if (bad(tr)) {
          throw Args.overflow(what, "the true range", "index", i,
              bar(h, l, c, i) + ", previous close = " + pc);
        }
        out[i] = tr;
        pc = c[i];
      }
      if (i >= len) {
        return;
      }
      Segments.missingBar(what, i, h, l, c, null, out, null, null);
      s = i + 1;
    }
  }

  /** TA-Lib's ATR: the same operations as {@link AtrState}. */
  public static void atr(String what, double[] h, double[] l, double[] c, int n, double[] out) {
    int len = c.length;
    AtrWork w = new AtrWork();
    for (int s = 0; s < len; ) {
      int stop = atrSegment(what, h, l, c, s, n, out, w);
      if (stop >= len) {
        return;
      }
      Segments.missingBar(what, stop, h, l, c, null, out, null, null);
      s = stop + 1;
    }
  }

  /** The error for an ATR that overflowed at bar {@code i}. */
  private static ArithmeticException atrOverflow(String what, double[] h, double[] l,
      double[] c, int i) {
    return Args.overflow(what, "the average true range", "index", i, bar(h, l, c, i));
  }

  /** Bars per block of the batch ATR recursion (its buffers stay in L1). */
  private static final int ATR_BLOCK = 512;

  private static int atrSegment(String what, double[] h, double[] l, double[] c, int s, int n,
      double[] out, AtrWork w) {
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
    if (bad(y)) {
      throw atrOverflow(what, h, l, c, firstOut);
    }
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
      y = Math.fma(a, y, twiceTrueRange(h[i], l[i], pc) * half);
      if (bad(y)) {
        throw atrOverflow(what, h, l, c, i);
      }
      out[i] = y;
      pc = c[i];
    }
    // Then y_t = a^4 y_(t-4) + v_t, v_t = ((a u_(t-3) + u_(t-2)) a + u_(t-1)) a + u_t: four
    // interleaved chains of one FMA per four bars. Per block, first the scaled true ranges u of
    // the block and the three bars before it, as one loop over copies of the inputs (one index, so
    // C2 vectorizes it; plain arithmetic, no Math.max, see twiceTrueRange), then v and the chains.
    // (Computing v in a vectorized pass of its own measured slower.) There is no test per bar: a
    // non-finite high, low or previous close makes u non-finite (see twiceTrueRange), and so does
    // a bar breaking low <= close <= high (the term poison adds), which reaches all four chains,
    // checked once per block together with the block's last close (which only the next block
    // reads); so does an overflow.
    double[] bh = w.high;
    double[] bl = w.low;
    double[] bp = w.prevClose;
    double[] bc = w.close;
    double[] u = w.u;
    double y0 = out[i - 4];
    double y1 = out[i - 3];
    double y2 = out[i - 2];
    double y3 = out[i - 1];
    while (i < len) {
      int m = Math.min(ATR_BLOCK, len - i);
      int span = m + 3; // u of bars i - 3 .. i + m - 1
      System.arraycopy(h, i - 3, bh, 0, span);
      System.arraycopy(l, i - 3, bl, 0, span);
      System.arraycopy(c, i - 4, bp, 0, span);
      System.arraycopy(c, i - 3, bc, 0, span);
      for (int j = 0; j < span; j++) {
        double hi = bh[j];
        double lo = bl[j];
        double p = bp[j];
        double cl = bc[j];
        u[j] = (((hi - lo) + Math.abs(hi - p)) + Math.abs(lo - p)) * half // as twiceTrueRange
            + Args.poison(hi, lo, cl);
      }
      int j = 0;
      for (; j + 3 < m; j += 4) {
        int k = i + j;
        double v0 = u[j];
        double v1 = u[j + 1];
        double v2 = u[j + 2];
        double v3 = u[j + 3];
        double v4 = u[j + 4];
        double v5 = u[j + 5];
        double v6 = u[j + 6];
        y0 = Math.fma(a4, y0, Math.fma(Math.fma(Math.fma(v0, a, v1), a, v2), a, v3));
        y1 = Math.fma(a4, y1, Math.fma(Math.fma(Math.fma(v1, a, v2), a, v3), a, v4));
        y2 = Math.fma(a4, y2, Math.fma(Math.fma(Math.fma(v2, a, v3), a, v4), a, v5));
        y3 = Math.fma(a4, y3, Math.fma(Math.fma(Math.fma(v3, a, v4), a, v5), a, v6));
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
        // Valid bars: an overflow, or large finite chains whose sum overflowed.
        for (k = i; k < i + m; k++) {
          if (bad(out[k])) {
            throw atrOverflow(what, h, l, c, k);
          }
        }
      }
      i += m;
    }
    return len;
  }

  /** Scratch buffers of the batch ATR's blocks. */
  private static final class AtrWork {
    final double[] high = new double[ATR_BLOCK + 3];
    final double[] low = new double[ATR_BLOCK + 3];
    final double[] prevClose = new double[ATR_BLOCK + 3];
    final double[] close = new double[ATR_BLOCK + 3];
    final double[] u = new double[ATR_BLOCK + 3];
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
   * DI sum gives DX 0. An S(TR) that overflows is an {@link ArithmeticException} (+DM and -DM are
   * at most the true range on valid bars, so their sums are finite where S(TR) is).
   */
  public static void adx(String what, double[] h, double[] l, double[] c, int n, double[] adx,
      double[] pdi, double[] mdi) {
    int len = c.length;
    for (int s = 0; s < len; ) {
      int stop = adxSegment(what, h, l, c, s, n, adx, pdi, mdi);
      if (stop >= len) {
        return;
      }
      Segments.missingBar(what, stop, h, l, c, null, adx, pdi, mdi);
      s = stop + 1;
    }
  }

  private static int adxSegment(String what, double[] h, double[] l, double[] c, int s, int n,
      double[] adx, double[] pdi, double[] mdi) {
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
      if (Args.badBar(hi, lo, cl)) {
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
      if (Args.badBar(hi, lo, cl)) {
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
        if (!(st <= Double.MAX_VALUE)) {
          throw Args.overflow(what, "the true range sum", "index", i, bar(h, l, c, i));
        }
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

  /** Output values per block of the rolling maximum and minimum. */
  private static final int EXTREME_BLOCK = 4096;

  /**
   * Rolling maximum ({@code max}) or minimum of {@code n} values, in blocks of sliding passes
   * ({@link SlidingBlocks#extreme}).
   */
  public static void extremum(String what, double[] x, int n, boolean max, double[] out) {
    int len = x.length;
    int size = Math.min(EXTREME_BLOCK, len) + n - 1;
    double[] a = new double[size];
    double[] tmp = new double[size];
    for (int s = 0; s < len; ) {
      int stop = extremumSegment(x, s, n, max, out, a, tmp);
      if (stop >= len) {
        return;
      }
      Segments.missing(what, stop, x, "x", out);
      s = stop + 1;
    }
  }

  private static int extremumSegment(double[] x, int s, int n, boolean max, double[] out,
      double[] a, double[] tmp) {
    int len = x.length;
    int first = s + n - 1;
    int warm = Math.min(first, len);
    for (int i = s; i < warm; i++) {
      if (bad(x[i])) {
        nan(out, s, i);
        return i;
      }
    }
    nan(out, s, warm);
    for (int t0 = first; t0 < len; t0 += EXTREME_BLOCK) {
      int end = Math.min(t0 + EXTREME_BLOCK, len);
      int stop = t0;
      while (stop < end && !bad(x[stop])) {
        stop++;
      }
      int count = stop - t0;
      if (count > 0) {
        System.arraycopy(x, t0 - (n - 1), a, 0, count + n - 1);
        SlidingBlocks.extreme(a, count + n - 1, n, max, false, a, tmp);
        System.arraycopy(a, 0, out, t0, count);
      }
      if (stop < end) {
        return stop;
      }
    }
    return len;
  }

  // ------------------------------------------------------------------------------------ Keltner

  /**
   * Keltner Channels: middle = EMA(close, n) ({@link SeededEma}), bands = middle +/- mult x
   * ATR(atrN) ({@link AtrState}); defined once both are.
   */
  public static void keltner(String what, double[] h, double[] l, double[] c, int n, int atrN,
      double mult, double[] upper, double[] middle, double[] lower) {
    SeededEma ema = new SeededEma(n);
    AtrState atr = new AtrState(atrN);
    for (int i = 0; i < c.length; i++) {
      if (badBar(h, l, c, i)) {
        Segments.missingBar(what, i, h, l, c, null, upper, middle, lower);
        ema.clear();
        atr.clear();
        continue;
      }
      double e = ema.add(c[i]);
      double r = atr.add(h[i], l[i], c[i]);
      if (e != e || r != r) {
        upper[i] = Double.NaN;
        middle[i] = Double.NaN;
        lower[i] = Double.NaN;
      } else {
        double w = mult * r;
        double up = e + w;
        double lo = e - w;
        if (bad(up) | bad(lo)) {
          throw Args.overflow(what, "a channel", "index", i, bar(h, l, c, i));
        }
        upper[i] = up;
        middle[i] = e;
        lower[i] = lo;
      }
    }
  }
}
