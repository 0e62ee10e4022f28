package io.github.quantfolio.trading;

import io.github.quantfolio.indicators.Indicators;
import java.util.Arrays;

/**
 * The computation behind {@link FeatureBuilder}: copies one window of {@code lookback} bars into
 * its own arrays and evaluates each included feature at the window's last bar with the
 * {@link Indicators} facade: the recursive indicators (RSI, MACD, ATR) over the whole window, into
 * buffers reused across windows; those with finite memory (Bollinger, z-score, deviation) over
 * the last n values, which alone define their last value; the regime over the last bars its
 * detector needs. Single and batch use go through {@link #bars} or {@link #closes} on the same
 * window contents, so they give bit-identical numbers. Mutable and not thread-safe: one per call.
 */
final class FeatureKernel {

  private final FeatureBuilder p;
  private final int n;
  private final int last;
  private final double[] h;
  private final double[] l;
  private final double[] c;
  private final double[] v;
  private final double[] a;
  private final double[] b;
  private final double[] d;

  FeatureKernel(FeatureBuilder p) {
    this.p = p;
    n = p.lookback();
    last = n - 1;
    h = new double[n];
    l = new double[n];
    c = new double[n];
    v = new double[n];
    a = new double[n];
    b = new double[n];
    d = new double[n];
  }

  /**
   * Features ({@link FeatureBuilder#names()} order) of the window {@code [from, from + n)} of the
   * given columns into {@code out}.
   */
  void bars(double[] high, double[] low, double[] close, double[] volume, int from,
      double[] out) {
    System.arraycopy(high, from, h, 0, n);
    System.arraycopy(low, from, l, 0, n);
    System.arraycopy(close, from, c, 0, n);
    for (int i = 0; i < n; i++) {
      // A missing bar may carry volume 0; it is missing for the volume statistics too.
      v[i] = c[i] == c[i] ? volume[from + i] : Double.NaN;
    }
    compute(false, out);
  }

  /** Close-only features ({@link FeatureBuilder#closeOnlyNames()} order) of a window. */
  void closes(double[] close, int from, double[] out) {
    System.arraycopy(close, from, c, 0, n);
    compute(true, out);
  }

  private void compute(boolean closeOnly, double[] out) {
    int k = 0;
    double ct = c[last];
    for (int w : p.returnWindows()) {
      if (use(FeatureBuilder.returnName(w), closeOnly)) {
        out[k++] = ct / c[last - w] - 1;
      }
    }
    if (use(FeatureBuilder.RSI, closeOnly)) {
      out[k++] = Indicators.rsi(c, p.rsiPeriod(), a)[last];
    }
    if (use(FeatureBuilder.MACD_HISTOGRAM, closeOnly)) {
      out[k++] = Indicators.macd(c, p.macdFast(), p.macdSlow(), p.macdSignal(), a, b, d)
          .histogram()[last] / ct;
    }
    // Bollinger, the z-score and the deviation have finite memory: their last value is a function
    // of the last n inputs, so they run on just those (a cycle's cost halves without them).
    if (use(FeatureBuilder.BOLLINGER_PERCENT_B, closeOnly)) {
      int m = p.bollingerPeriod();
      double[] x = tail(c, m);
      out[k++] = Indicators.bollinger(x, m, p.bollingerK()).percentB(x)[m - 1];
    }
    if (use(FeatureBuilder.ATR_FRACTION, closeOnly)) {
      out[k++] = Indicators.atr(h, l, c, p.atrPeriod(), a)[last] / ct;
    }
    if (use(FeatureBuilder.VOLUME_Z, closeOnly)) {
      int m = p.volumeWindow();
      out[k++] = Indicators.zscore(tail(v, m), m)[m - 1];
    }
    if (use(FeatureBuilder.REALIZED_VOLATILITY, closeOnly)) {
      int m = p.volatilityWindow();
      double[] r = new double[m];
      for (int i = 0, j = n - m; i < m; i++, j++) {
        r[i] = Math.log(c[j] / c[j - 1]); // NaN next to a missing bar
      }
      out[k++] = Indicators.rollingStd(r, m)[m - 1];
    }
    if (use(FeatureBuilder.REGIME, closeOnly)) {
      // Only the last lookback() + 1 bars: the fewest that give a label. The detector costs as
      // much as all other features together per bar (ADX), so this halves a cycle's cost.
      int m = p.regimeDetector().lookback() + 1;
      out[k++] = FeatureBuilder.regimeCode(
          p.regimeDetector().classify(tail(h, m), tail(l, m), tail(c, m))[m - 1]);
    }
    assert k == out.length;
  }

  /** The last {@code m} values of a window array (a copy). */
  private double[] tail(double[] x, int m) {
    return Arrays.copyOfRange(x, n - m, n);
  }

  private boolean use(String name, boolean closeOnly) {
    return !p.omitted().contains(name) && !(closeOnly && FeatureBuilder.needsBars(name));
  }
}
