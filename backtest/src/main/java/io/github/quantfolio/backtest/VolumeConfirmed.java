package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Bars;
import java.util.Objects;

/**
 * A strategy whose entries need a volume above a multiple of the preceding average volume
 * ({@link Strategy#withVolumeConfirmation}).
 *
 * @param inner the strategy confirmed
 * @param window the bars of the average volume, &gt;= 1
 * @param multiple the volume ratio an entry needs, finite and &gt; 0
 * @since 0.1.0
 */
public record VolumeConfirmed(Strategy inner, int window, double multiple) implements Strategy {

  /**
   * Validates the fields.
   *
   * @param inner the strategy confirmed
   * @param window the bars of the average volume
   * @param multiple the volume ratio an entry needs
   */
  public VolumeConfirmed {
    Objects.requireNonNull(inner, "Argument 'inner' must not be null");
    StrategyArgs.period("VolumeConfirmed", window, "window");
    StrategyArgs.positive("VolumeConfirmed", multiple, "multiple");
  }

  @Override
  public TradeSignals signals(Bars bars) {
    TradeSignals s = inner.signals(bars);
    double[] v = bars.volume();
    boolean[] confirmed = new boolean[v.length];
    double sum = 0;
    int nan = 0; // NaN volumes inside the trailing window
    for (int t = 0; t < v.length; t++) {
      if (t >= window) {
        confirmed[t] = nan == 0 && !Double.isNaN(v[t]) && v[t] >= multiple * (sum / window);
      }
      // slide the window [t - window + 1, t] for the next bar
      if (Double.isNaN(v[t])) {
        nan++;
      } else {
        sum += v[t];
      }
      if (t >= window) {
        double out = v[t - window];
        if (Double.isNaN(out)) {
          nan--;
        } else {
          sum -= out;
        }
      }
    }
    return new TradeSignals(and(s.longEntry(), confirmed), s.longExit(),
        and(s.shortEntry(), confirmed), s.shortExit());
  }

  private static boolean[] and(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] && b[i];
    }
    return out;
  }

  @Override
  public int warmUpBars() {
    return Math.max(inner.warmUpBars(), window);
  }

  /** For example {@code SMA(20/50) with volume >= 1.5 x its 20-bar average}. */
  @Override
  public String toString() {
    return inner + " with volume >= " + multiple + " x its " + window + "-bar average";
  }
}
