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
   * Wilder's RSI as TA-Lib: average gain and loss seeded with the means of the first n changes
   * (first output at index n), then {@code avg = avg (n - 1) / n + change / n}.
   */
  public static void rsi(double[] x, int n, double[] out) {
    for (int s = 0; s < x.length; ) {
      int stop = rsiSegment(x, s, n, out);
      if (stop >= x.length) {
        return;
      }
      Segments.missing(stop, x, "x", out);
      s = stop + 1;
    }
  }

  private static int rsiSegment(double[] x, int s, int n, double[] out) {
    int len = x.length;
    double prev = x[s];
    if (bad(prev)) {
      return s;
    }
    int firstOut = s + n;
    double g = 0;
    double l = 0;
    int i = s + 1;
    for (; i < len && i <= firstOut; i++) {
      double v = x[i];
      if (bad(v)) {
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
    out[firstOut] = rsi(g, l);
    double a = (n - 1.0) / n;
    double invN = 1.0 / n;
    for (; i < len; i++) {
      double v = x[i];
      if (bad(v)) {
        return i;
      }
      double d = v - prev;
      prev = v;
      g = g * a + gain(d) * invN;
      l = l * a + loss(d) * invN;
      out[i] = rsi(g, l);
    }
    return len;
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
    double num = tp - mean;
    return num != 0 && dev != 0 ? num / (0.015 * (dev / n)) : 0.0;
  }

  /** TA-Lib's typical price {@code (h + l + c) / 3}. */
  public static double typicalPrice(double h, double l, double c) {
    return (h + l + c) / 3.0;
  }

  /**
   * Commodity Channel Index over typical prices ({@link CciWindow}: O(n) per bar for windows up to
   * {@link CciWindow#DIRECT_MAX}, O(log n) beyond).
   */
  public static void cci(double[] h, double[] l, double[] c, int n, double[] out) {
    CciWindow w = new CciWindow(n);
    for (int i = 0; i < c.length; i++) {
      double hi = h[i];
      double lo = l[i];
      double cl = c[i];
      if (bad(hi) | bad(lo) | bad(cl)) {
        Segments.missing(i, h, "high", l, "low", c, "close", null, null, out, null, null);
        w.clear();
        continue;
      }
      out[i] = w.add(typicalPrice(hi, lo, cl));
    }
  }

  // ------------------------------------------------------------------------------ ROC, momentum

  /** {@code x[t] - x[t-n]} ({@code percent = false}) or {@code 100 (x[t] / x[t-n] - 1)}. */
  public static void change(double[] x, int n, boolean percent, double[] out) {
    int len = x.length;
    int valid = 0; // finite values in a row ending at i
    for (int i = 0; i < len; i++) {
      double v = x[i];
      if (bad(v)) {
        Segments.missing(i, x, "x", out);
        valid = 0;
        continue;
      }
      if (++valid > n) {
        double p = x[i - n];
        out[i] = percent ? (v / p - 1.0) * 100.0 : v - p;
      } else {
        out[i] = Double.NaN;
      }
    }
  }

  // ---------------------------------------------------------------------------------------- MFI

  /**
   * Money Flow Index: typical price tp, raw flow tp x volume, positive when tp rose, negative when
   * it fell (neither when unchanged); MFI = 100 P / (P + N) over the last n flows, 50 when there is
   * no flow. First value at index n.
   */
  public static void mfi(double[] h, double[] l, double[] c, double[] v, int n, double[] out) {
    MfiState st = new MfiState(n);
    for (int i = 0; i < c.length; i++) {
      if (bad(h[i]) | bad(l[i]) | bad(c[i]) | bad(v[i])) {
        Segments.missing(i, h, "high", l, "low", c, "close", v, "volume", out, null, null);
        st.clear();
        continue;
      }
      out[i] = st.add(h[i], l[i], c[i], v[i]);
    }
  }

  /** MFI as a stream; shared by the batch kernel and the streaming twin. */
  public static final class MfiState {
    private final WindowSum pos;
    private final WindowSum neg;
    private double prevTp = Double.NaN;

    /** Period {@code n >= 1}. */
    public MfiState(int n) {
      pos = new WindowSum(n);
      neg = new WindowSum(n);
    }

    /** Adds a bar of finite values; returns the MFI or NaN. */
    public double add(double h, double l, double c, double v) {
      double tp = typicalPrice(h, l, c);
      double prev = prevTp;
      prevTp = tp;
      if (prev != prev) {
        return Double.NaN;
      }
      double flow = tp * v;
      double p = pos.add(tp > prev ? flow : 0.0);
      double m = neg.add(tp < prev ? flow : 0.0);
      if (p != p) {
        return Double.NaN;
      }
      double s = p + m;
      return s > 0 ? 100.0 * (p / s) : 50.0;
    }

    /** Forgets every bar. */
    public void clear() {
      pos.clear();
      neg.clear();
      prevTp = Double.NaN;
    }
  }

  // ---------------------------------------------------------------------------------------- OBV

  /** On-balance volume: the segment's first volume, then +/- volume as the close rises/falls. */
  public static void obv(double[] c, double[] v, double[] out) {
    double obv = 0;
    double prev = Double.NaN;
    for (int i = 0; i < c.length; i++) {
      double cl = c[i];
      double vol = v[i];
      if (bad(cl) | bad(vol)) {
        Segments.missing(i, c, "close", v, "volume", null, null, null, null, out, null, null);
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
      prev = cl;
      out[i] = obv;
    }
  }

  // --------------------------------------------------------------------------------------- VWAP

  /**
   * VWAP of typical prices, cumulative from the segment start ({@code n == 0}) or over the last
   * {@code n} bars; when the volume in the window is 0 the mean typical price (equal weights).
   */
  public static void vwap(double[] h, double[] l, double[] c, double[] v, int n, double[] out) {
    VwapState st = new VwapState(n);
    for (int i = 0; i < c.length; i++) {
      if (bad(h[i]) | bad(l[i]) | bad(c[i]) | bad(v[i])) {
        Segments.missing(i, h, "high", l, "low", c, "close", v, "volume", out, null, null);
        st.clear();
        continue;
      }
      out[i] = st.add(h[i], l[i], c[i], v[i]);
    }
  }

  /** VWAP as a stream; shared by the batch kernel and the streaming twin. */
  public static final class VwapState {
    private final int n;
    private final WindowSum pv;
    private final WindowSum vol;
    private final WindowSum tps;
    private double cumPv;
    private double cumV;
    private double cumTp;
    private long count;

    /** Cumulative ({@code n == 0}) or rolling over {@code n >= 1} bars. */
    public VwapState(int n) {
      this.n = n;
      pv = n > 0 ? new WindowSum(n) : null;
      vol = n > 0 ? new WindowSum(n) : null;
      tps = n > 0 ? new WindowSum(n) : null;
    }

    /** Adds a bar of finite values; returns the VWAP or NaN. */
    public double add(double h, double l, double c, double v) {
      double tp = typicalPrice(h, l, c);
      double a;
      double b;
      double t;
      double k;
      if (n == 0) {
        a = cumPv += tp * v;
        b = cumV += v;
        t = cumTp += tp;
        k = ++count;
      } else {
        a = pv.add(tp * v);
        b = vol.add(v);
        t = tps.add(tp);
        k = n;
      }
      if (a != a) {
        return Double.NaN;
      }
      return b > 0 ? a / b : t / k;
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
