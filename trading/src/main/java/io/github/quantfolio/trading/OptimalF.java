package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;

/**
 * Ralph Vince's optimal f: the fraction {@code f} in (0, 1] that maximises the terminal wealth
 * relative {@code TWR(f) = prod_i (1 + f x trade_i / |largest loss|)} of a series of trade P&amp;Ls
 * (per unit traded). Trading one unit per {@code |largest loss| / f} of equity then compounds at
 * the highest rate the series allows (Vince, <i>Portfolio Management Formulas</i>, 1990).
 *
 * <p>{@code ln TWR} is concave in {@code f}, so the maximum is found by bisection on its
 * derivative to machine precision (not on a 0.01 grid).
 *
 * @param f the optimal fraction, in (0, 1]
 * @param twr the terminal wealth relative at {@code f}
 * @param geometricMean {@code TWR^(1/n)}
 * @param largestLoss the largest loss of the series, as a positive number
 * @since 0.1.0
 */
public record OptimalF(double f, double twr, double geometricMean, double largestLoss) {

  /**
   * The optimal f of {@code trades}.
   *
   * @param trades P&amp;L per unit of each trade, finite, at least one loss and positive mean
   * @return the optimum
   * @throws IllegalArgumentException if there is no loss (f is unbounded), the arithmetic mean
   *     is not positive (no f &gt; 0 grows wealth), or a value is not finite
   */
  public static OptimalF of(double[] trades) {
    Checks.notNull(trades, "trades");
    double worst = 0;
    double sum = 0;
    for (int i = 0; i < trades.length; i++) {
      Checks.finite(trades[i], "trades[" + i + "]");
      worst = Math.min(worst, trades[i]);
      sum += trades[i];
    }
    if (worst == 0) {
      throw new IllegalArgumentException("Optimal f needs at least one losing trade; the "
          + trades.length + " trades have none, so f is unbounded");
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("Optimal f needs trades with a positive mean, but their"
          + " sum is " + sum + ": no fraction f > 0 makes wealth grow");
    }
    double w = -worst;
    // d/df ln TWR = sum t_i / (w + f t_i): positive at 0 (mean > 0), decreasing in f; at f = 1
    // the largest loss makes 1 + f t/w = 0, so the root lies in (0, 1).
    double lo = 0;
    double hi = 1;
    for (int it = 0; it < 200 && hi - lo > Math.ulp(hi); it++) {
      double mid = 0.5 * (lo + hi);
      double d = 0;
      for (double t : trades) {
        d += t / (w + mid * t);
      }
      if (d > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double f = 0.5 * (lo + hi);
    double twr = twr(trades, f, w);
    return new OptimalF(f, twr, Math.pow(twr, 1.0 / trades.length), w);
  }

  /**
   * {@code TWR(f)} of {@code trades} (Vince's holding-period returns {@code 1 + f x trade /
   * |largest loss|} multiplied).
   *
   * @param trades P&amp;L per unit of each trade, with at least one loss
   * @param f the fraction, in [0, 1]
   * @return the terminal wealth relative
   */
  public static double twr(double[] trades, double f) {
    double worst = 0;
    for (double t : trades) {
      worst = Math.min(worst, t);
    }
    if (worst == 0) {
      throw new IllegalArgumentException("TWR needs at least one losing trade");
    }
    Checks.inRange(f, 0, 1, "f");
    return twr(trades, f, -worst);
  }

  private static double twr(double[] trades, double f, double w) {
    double p = 1;
    for (double t : trades) {
      p *= 1 + f * t / w;
    }
    return p;
  }
}
