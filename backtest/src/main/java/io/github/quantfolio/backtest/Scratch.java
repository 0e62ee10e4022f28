package io.github.quantfolio.backtest;

import io.github.quantfolio.indicators.Indicators;

/**
 * Per-thread scratch arrays for indicator values that a strategy reads once and drops (sweeps
 * run thousands of strategies per second; allocating two T-length arrays each was a third of
 * their garbage). Each thread has its own arrays, so results never depend on threading.
 */
final class Scratch {

  private static final ThreadLocal<double[][]> ARRAYS = ThreadLocal.withInitial(
      () -> new double[2][0]);

  private Scratch() {
  }

  /** {@code Indicators.sma(x, n)} into this thread's scratch slot {@code slot} (0 or 1). */
  static double[] sma(double[] x, int n, int slot) {
    double[][] a = ARRAYS.get();
    if (a[slot].length != x.length) {
      a[slot] = new double[x.length];
    }
    return Indicators.sma(x, n, a[slot]);
  }
}
