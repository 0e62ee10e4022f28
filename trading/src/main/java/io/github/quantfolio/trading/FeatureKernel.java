package io.github.quantfolio.trading;

import io.github.quantfolio.indicators.Bands;
import io.github.quantfolio.indicators.Indicators;
import java.util.Arrays;

/**
 * The computation behind {@link FeatureBuilder}: copies one window of {@code lookback} bars into
 * its own arrays and evaluates each included feature at the window's last bar with the
 * {@link Indicators} facade (the overloads that write into given arrays, so one kernel reuses its
 * buffers across windows). Single and batch use go through {@link #bars} or {@link #closes} on the
 * same window contents, so they give bit-identical numbers. Mutable and not thread-safe: one per
 * call.
 */
final class FeatureKernel {

  private final FeatureBuilder p;
  private final int n;
  private final int last;
  private final double[] h;
  private final double[] l;
  private final double[] c;
  private final double[] v;
  private final double[] r;
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
    r = new double[n];
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
    if (use(FeatureBuilder.BOLLINGER_PERCENT_B, closeOnly)) {
      Indicators.bollinger(c, p.bollingerPeriod(), p.bollingerK(), a, b, d);
      // %B of the last bar only, with the indicators' own definition (0.5 on a flat window).
      out[k++] = new Bands(new double[] {a[last]}, new double[] {b[last]},
          new double[] {d[last]}).percentB(new double[] {ct})[0];
    }
    if (use(FeatureBuilder.ATR_FRACTION, closeOnly)) {
      out[k++] = Indicators.atr(h, l, c, p.atrPeriod(), a)[last] / ct;
    }
    if (use(FeatureBuilder.VOLUME_Z, closeOnly)) {
      out[k++] = Indicators.zscore(v, p.volumeWindow(), a)[last];
    }
    if (use(FeatureBuilder.REALIZED_VOLATILITY, closeOnly)) {
      r[0] = Double.NaN;
      for (int i = 1; i < n; i++) {
        r[i] = Math.log(c[i] / c[i - 1]); // NaN next to a missing bar
      }
      out[k++] = Indicators.rollingStd(r, p.volatilityWindow(), a)[last];
    }
    if (use(FeatureBuilder.REGIME, closeOnly)) {
      // Only the last lookback() + 1 bars: the fewest that give a label. The detector costs as
      // much as all other features together per bar (ADX), so this halves a cycle's cost.
      int m = p.regimeDetector().lookback() + 1;
      int s = n - m;
      out[k++] = FeatureBuilder.regimeCode(p.regimeDetector().classify(
          Arrays.copyOfRange(h, s, n), Arrays.copyOfRange(l, s, n),
          Arrays.copyOfRange(c, s, n))[m - 1]);
    }
    assert k == out.length;
  }

  private boolean use(String name, boolean closeOnly) {
    return !p.omitted().contains(name) && !(closeOnly && FeatureBuilder.needsBars(name));
  }
}
