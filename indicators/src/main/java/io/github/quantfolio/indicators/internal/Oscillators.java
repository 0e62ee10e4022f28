package io.github.quantfolio.indicators.internal;

import static io.github.quantfolio.indicators.internal.Args.bad;
import static io.github.quantfolio.indicators.internal.Segments.nan;

/** Batch kernels of RSI, CCI, ROC, momentum, MFI, OBV and VWAP. See {@link Segments}. */
public final class Oscillators {

  private Oscillators() {
  }

  // ---------------------------------------------------------------------------------------- RSI

  /** {@code max(d, 0)}, without a branch (rises and falls alternate unpredictably). */
  public static double gain(double d) {
    return Math.max(d, 0.0);
  }

  /** {@code max(-d, 0)}, without a branch. */
  public static double loss(double d) {
    return Math.max(-d, 0.0);
  }

  /** {@code 100 g / (g + l)}, or 50 when {@code g + l == 0} (no change at all). */
  public static double rsi(double g, double l) {
    double s = g + l;
    return s > 0 ? 100.0 * (g / s) : 50.0;
  }

  /**
   * {@link #rsi(double, double)} for any finite {@code g, l >= 0}: where {@code g + l} overflows,
   * from halves (the same value wherever the sum is finite). The streaming twin's form.
   */
  public static double rsiAnyMagnitude(double g, double l) {
    double s = g + l;
    if (s <= Double.MAX_VALUE) {
      return s > 0 ? 100.0 * (g / s) : 50.0;
    }
    double h = 0.5 * g;
    return 100.0 * (h / (h + 0.5 * l));
  }

  /**
   * Values up to this magnitude cannot make the RSI overflow (changes up to {@code MAX / 4}, so
   * {@code g + l <= MAX / 2}), except in the seed's sum; a segment with a larger value is run
   * again with a test per bar.
   */
  private static final double RSI_FAST_LIMIT = Double.MAX_VALUE / 8;

  /**
   * Wilder's RSI as TA-Lib: average gain and loss seeded with the means of the first n changes
   * (first output at index n), then {@code avg = avg (n - 1) / n + change / n}. Each segment runs
   * without a test per bar unless it holds a value beyond {@link #RSI_FAST_LIMIT} or its seed
   * overflowed; then it is run again testing every bar, as the streaming twin does.
   */
  public static void rsi(String what, double[] x, int n, double[] out) {
    for (int s = 0; s < x.length; ) {
      int stop = rsiSegment(what, x, s, n, out, false);
      if (stop < 0) {
        stop = rsiSegment(what, x, s, n, out, true);
      }
      if (stop >= x.length) {
        return;
      }
      Segments.missing(what, stop, x, "x", out);
      s = stop + 1;
    }
  }

  /**
   * One segment from {@code s}: returns the first missing or infinite value's index, or the
   * length. Fast ({@code careful} false): returns -1 instead at a finite value beyond
   * {@link #RSI_FAST_LIMIT} or for averages that overflowed. Careful: throws at the first bar
   * whose averages are not finite, and uses {@link #rsiAnyMagnitude}.
   */
  private static int rsiSegment(String what, double[] x, int s, int n, double[] out,
      boolean careful) {
    int len = x.length;
    double limit = careful ? Double.MAX_VALUE : RSI_FAST_LIMIT;
    double prev = x[s];
    if (!(Math.abs(prev) <= limit)) {
      return bad(prev) ? s : -1;
    }
    int firstOut = s + n;
    double g = 0;
    double l = 0;
    int i = s + 1;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (!(Math.abs(v) <= limit)) {
        if (!bad(v)) {
          return -1;
        }
        nan(out, s, i);
        return i;
      }
      double d = v - prev;
      prev = v;
      g += gain(d);
      l += loss(d);
    }
    if (i <= firstOut) {
      nan(out, s, len);
      return len;
    }
    nan(out, s, firstOut);
    g /= n;
    l /= n;
    if (bad(g) | bad(l)) {
      if (!careful) {
        return -1;
      }
      throw rsiOverflow(what, x, firstOut);
    }
    out[firstOut] = careful ? rsiAnyMagnitude(g, l) : rsi(g, l);
    double a = (n - 1.0) / n;
    double invN = 1.0 / n;
    if (!careful) {
      for (; i < len; i++) {
        double v = x[i];
        if (!(Math.abs(v) <= RSI_FAST_LIMIT)) {
          if (!bad(v)) {
            return -1;
          }
          break;
        }
        double d = v - prev;
        prev = v;
        g = g * a + gain(d) * invN;
        l = l * a + loss(d) * invN;
        out[i] = rsi(g, l);
      }
      return i;
    }
    for (; i < len; i++) {
      double v = x[i];
      if (bad(v)) {
        break;
      }
      double d = v - prev;
      prev = v;
      g = g * a + gain(d) * invN;
      l = l * a + loss(d) * invN;
      if (bad(g) | bad(l)) {
        throw rsiOverflow(what, x, i);
      }
      out[i] = rsiAnyMagnitude(g, l);
    }
    return i;
  }

  private static ArithmeticException rsiOverflow(String what, double[] x, int i) {
    return Args.overflow(what, "the average gain or loss", "index", i, "x = " + x[i]);
  }

  // ---------------------------------------------------------------------------------------- CCI

  /**
   * Mean and mean absolute deviation of a ring buffer holding a full window, and the CCI of its
   * newest value {@code tp}: {@code (tp - mean) / (0.015 md)}, 0 when either factor is 0 (as
   * TA-Lib). O(n): the mean absolute deviation about a moving mean has no O(1) update.
   */
  public static double cci(double[] ring, double tp) {
    int n = ring.length;
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += ring[j];
    }
    double mean = sum / n;
    double dev = 0;
    for (int j = 0; j < n; j++) {
      dev += Math.abs(ring[j] - mean);
    }
    return cci(tp - mean, dev, n);
  }

  /**
   * {@code num / (0.015 dev / n)}, 0 when either factor is 0 (as TA-Lib); NaN if {@code num} or
   * {@code dev} is not finite (the window's sums overflowed: the callers report it). The result is finite, since
   * {@code |num| <= dev}; where {@code dev / n} underflows (subnormal deviations) it is computed as
   * {@code n num / (0.015 dev)}.
   */
  public static double cci(double num, double dev, int n) {
    if (bad(dev) | bad(num)) {
      return Double.NaN;
    }
    if (num == 0 || dev == 0) {
      return 0.0;
    }
    double md = dev / n;
    return md > 0 ? num / (0.015 * md) : (num * n) / (0.015 * dev);
  }

  /**
   * TA-Lib's typical price {@code (h + l + c) / 3}; where the sum overflows, the same from
   * quarters (bit for bit the same value wherever the plain sum is finite).
   */
  public static double typicalPrice(double h, double l, double c) {
    double tp = (h + l + c) / 3.0;
    if (bad(tp)) {
      tp = ((0.25 * h + 0.25 * l + 0.25 * c) / 3.0) * 4.0;
    }
    return tp;
  }

  /**
   * Commodity Channel Index over typical prices ({@link CciWindow}: O(n) per bar for windows up to
   * {@link CciWindow#DIRECT_MAX}, O(log n) beyond).
   */
  public static void cci(String what, double[] h, double[] l, double[] c, int n, double[] out) {
    CciWindow w = new CciWindow(n);
    for (int i = 0; i < c.length; i++) {
      double hi = h[i];
      double lo = l[i];
      double cl = c[i];
      if (Args.badBar(hi, lo, cl)) {
        Segments.missingBar(what, i, h, l, c, null, out, null, null);
        w.clear();
        continue;
      }
      double r = w.add(typicalPrice(hi, lo, cl));
      if (r != r && w.isFull()) {
        throw Args.overflow(what, "the mean deviation", "index", i, bar(hi, lo, cl));
      }
      out[i] = r;
    }
  }

  /** The inputs of a bar, for messages. */
  public static String bar(double h, double l, double c) {
    return "high = " + h + ", low = " + l + ", close = " + c;
  }

  // ------------------------------------------------------------------------------ ROC, momentum

  /**
   * {@code x[t] - x[t-n]} ({@code percent = false}) or {@code 100 (x[t] / x[t-n] - 1)}; an
   * {@link ArithmeticException} where that is not finite (a rate of change from 0, or an
   * overflow).
   */
  public static void change(String what, double[] x, int n, boolean percent, double[] out) {
    int len = x.length;
    int valid = 0; // finite values in a row ending at i
    for (int i = 0; i < len; i++) {
      double v = x[i];
      if (bad(v)) {
        Segments.missing(what, i, x, "x", out);
        valid = 0;
        continue;
      }
      if (++valid > n) {
        double p = x[i - n];
        double y = change(v, p, percent);
        if (bad(y)) {
          throw changeError(what, percent, v, p, "index", i, "x[" + (i - n) + "]");
        }
        out[i] = y;
      } else {
        out[i] = Double.NaN;
      }
    }
  }

  /** {@code v - p} or {@code 100 (v / p - 1)}. */
  public static double change(double v, double p, boolean percent) {
    return percent ? (v / p - 1.0) * 100.0 : v - p;
  }

  /** The error for a change that is not finite; {@code pName} names the earlier value. */
  public static ArithmeticException changeError(String what, boolean percent, double v, double p,
      String unit, long pos, String pName) {
    if (percent && p == 0) {
      return new ArithmeticException(what + ": the rate of change at " + unit + " " + pos
          + " is undefined: " + pName + " is 0 (the rate of change is meant for prices, which are > 0)");
    }
    return Args.overflow(what, percent ? "the rate of change" : "the change", unit, pos,
        "x = " + v + ", " + pName + " = " + p);
  }

  // ---------------------------------------------------------------------------------------- MFI

  /**
   * Money Flow Index: typical price tp, raw flow tp x volume, positive when tp rose, negative when
   * it fell (neither when unchanged); MFI = 100 P / (P + N) over the last n flows, 50 when there is
   * no flow. First value at index n.
   */
  public static void mfi(String what, double[] h, double[] l, double[] c, double[] v, int n,
      double[] out) {
    MfiState st = new MfiState(n, what, "index");
    for (int i = 0; i < c.length; i++) {
      if (Args.badBar(h[i], l[i], c[i]) | bad(v[i])) {
        Segments.missingBar(what, i, h, l, c, v, out, null, null);
        st.clear();
        continue;
      }
      out[i] = st.add(h[i], l[i], c[i], v[i], i);
    }
  }

  /** MFI as a stream; shared by the batch kernel and the streaming twin. */
  public static final class MfiState {
    private final WindowSum pos;
    private final WindowSum neg;
    private final String what;
    private final String unit;
    private double prevTp = Double.NaN;

    /** Period {@code n >= 1}; {@code what} and {@code unit} ("index" or "bar") for messages. */
    public MfiState(int n, String what, String unit) {
      pos = new WindowSum(n);
      neg = new WindowSum(n);
      this.what = what;
      this.unit = unit;
    }

    /**
     * Adds a bar of finite values; returns the MFI or NaN.
     *
     * @throws ArithmeticException if a money flow or its window sum overflows, or a money flow of
     *     a nonzero price and volume underflows ({@code at} is the bar's index for the message)
     */
    public double add(double h, double l, double c, double v, long at) {
      double tp = typicalPrice(h, l, c);
      double prev = prevTp;
      prevTp = tp;
      if (prev != prev) {
        return Double.NaN;
      }
      double flow = tp * v;
      if (Args.underflowed(flow, tp, v)) {
        throw Args.underflow(what, "the money flow", unit, at, bar(h, l, c) + ", volume = " + v);
      }
      double p = pos.add(tp > prev ? flow : 0.0);
      double m = neg.add(tp < prev ? flow : 0.0);
      if (p != p) {
        return Double.NaN;
      }
      double s = p + m;
      if (s > 0 && s <= Double.MAX_VALUE) {
        return 100.0 * (p / s);
      }
      if (s == 0) {
        return 50.0;
      }
      if (bad(p) | bad(m)) {
        throw Args.overflow(what, "the money flow", unit, at, bar(h, l, c) + ", volume = " + v);
      }
      double half = 0.5 * p;
      return 100.0 * (half / (half + 0.5 * m));
    }

    /** Forgets every bar. */
    public void clear() {
      pos.clear();
      neg.clear();
      prevTp = Double.NaN;
    }
  }

  // ---------------------------------------------------------------------------------------- OBV

  /**
   * On-balance volume: the segment's first volume, then +/- volume as the close rises/falls; an
   * {@link ArithmeticException} if the sum overflows.
   */
  public static void obv(String what, double[] c, double[] v, double[] out) {
    double obv = 0;
    double prev = Double.NaN;
    for (int i = 0; i < c.length; i++) {
      double cl = c[i];
      double vol = v[i];
      if (bad(cl) | bad(vol)) {
        Segments.missing(what, i, c, "close", v, "volume", out, null, null);
        prev = Double.NaN;
        continue;
      }
      if (prev != prev) {
        obv = vol;
      } else if (cl > prev) {
        obv += vol;
      } else if (cl < prev) {
        obv -= vol;
      }
      if (bad(obv)) {
        throw Args.overflow(what, "the volume sum", "index", i, "volume = " + vol);
      }
      prev = cl;
      out[i] = obv;
    }
  }

  // --------------------------------------------------------------------------------------- VWAP

  /**
   * VWAP of typical prices, cumulative from the segment start ({@code n == 0}) or over the last
   * {@code n} bars; when the volume in the window is 0 the mean typical price (equal weights).
   */
  public static void vwap(String what, double[] h, double[] l, double[] c, double[] v, int n,
      double[] out) {
    VwapState st = new VwapState(n, what, "index");
    for (int i = 0; i < c.length; i++) {
      if (Args.badBar(h[i], l[i], c[i]) | bad(v[i])) {
        Segments.missingBar(what, i, h, l, c, v, out, null, null);
        st.clear();
        continue;
      }
      out[i] = st.add(h[i], l[i], c[i], v[i], i);
    }
  }

  /** VWAP as a stream; shared by the batch kernel and the streaming twin. */
  public static final class VwapState {
    private final int n;
    private final WindowSum pv;
    private final WindowSum vol;
    private final WindowSum tps;
    private final String what;
    private final String unit;
    private double cumPv;
    private double cumV;
    private double cumTp;
    private long count;

    /**
     * Cumulative ({@code n == 0}) or rolling over {@code n >= 1} bars; {@code what} and
     * {@code unit} ("index" or "bar") for messages.
     */
    public VwapState(int n, String what, String unit) {
      this.n = n;
      pv = n > 0 ? new WindowSum(n) : null;
      vol = n > 0 ? new WindowSum(n) : null;
      tps = n > 0 ? new WindowSum(n) : null;
      this.what = what;
      this.unit = unit;
    }

    /**
     * Adds a bar of finite values; returns the VWAP or NaN.
     *
     * @throws ArithmeticException if a sum overflows, or {@code tp v} of a nonzero price and volume
     *     underflows ({@code at} is the bar's index for the message)
     */
    public double add(double h, double l, double c, double v, long at) {
      double tp = typicalPrice(h, l, c);
      double tpv = tp * v;
      if (Args.underflowed(tpv, tp, v)) {
        throw Args.underflow(what, "the volume-weighted price", unit, at,
            bar(h, l, c) + ", volume = " + v);
      }
      double a;
      double b;
      double t;
      double k;
      if (n == 0) {
        a = cumPv += tpv;
        b = cumV += v;
        t = cumTp += tp;
        k = ++count;
      } else {
        a = pv.add(tpv);
        b = vol.add(v);
        t = tps.add(tp);
        k = n;
      }
      if (a != a) {
        return Double.NaN;
      }
      double r = b > 0 ? a / b : t / k;
      // A finite quotient of finite sums is the VWAP; an overflow leaves a sum non-finite.
      if (bad(a) | bad(b) | bad(r)) {
        throw Args.overflow(what, "the volume-weighted sum", unit, at,
            bar(h, l, c) + ", volume = " + v);
      }
      return r;
    }

    /** Forgets every bar. */
    public void clear() {
      if (n > 0) {
        pv.clear();
        vol.clear();
        tps.clear();
      }
      cumPv = 0;
      cumV = 0;
      cumTp = 0;
      count = 0;
    }
  }
}
