package io.github.quantfolio.backtest.internal;

import io.github.quantfolio.backtest.ExitReason;
import io.github.quantfolio.backtest.Exits;

/**
 * The price-level exits of {@link Exits} for each open position: the references they are set
 * from (entry price, best price since entry, ATR at the decision) and the test of one bar's
 * range against them. Levels and the order of checks are documented on {@link Exits}.
 */
final class Stops {

  private final double stopLoss;
  private final double takeProfit;
  private final double trailing;
  private final double atrMultiple;
  private final double[][] atr; // per asset, null when no ATR stop
  private final double[] entry;
  private final double[] anchor;
  private final double[] atrAtEntry;
  /** Why the last {@link #exitPrice} call exits; valid when it returned a price. */
  ExitReason reason;

  Stops(Exits exits, double[][] atr, int n) {
    this.stopLoss = exits.stopLoss();
    this.takeProfit = exits.takeProfit();
    this.trailing = exits.trailingStop();
    this.atrMultiple = exits.atrMultiple();
    this.atr = atr;
    this.entry = new double[n];
    this.anchor = new double[n];
    this.atrAtEntry = new double[n];
  }

  /** A new position in asset {@code i} entered at market price {@code p}, decided at a bar. */
  void open(int i, double p, int decisionBar) {
    entry[i] = p;
    anchor[i] = p;
    atrAtEntry[i] = atr == null ? Double.NaN : atr[i][decisionBar];
  }

  /**
   * The exit price of position {@code pos} in asset {@code i} on a bar with open {@code o},
   * high {@code h} and low {@code l}, or NaN if no level is touched (then the trailing anchor
   * moves to the bar's extreme). Sets {@link #reason} when it exits.
   */
  double exitPrice(int i, double pos, double o, double h, double l) {
    double e = entry[i];
    double exitPrice = Double.NaN;
    ExitReason why = null;
    if (pos > 0) {
      double stop = Double.NEGATIVE_INFINITY;
      if (stopLoss == stopLoss) {
        stop = e * (1 - stopLoss);
        why = ExitReason.STOP_LOSS;
      }
      if (trailing == trailing) {
        double level = Math.max(anchor[i], o) * (1 - trailing);
        if (level > stop) {
          stop = level;
          why = ExitReason.TRAILING_STOP;
        }
      }
      if (atrMultiple == atrMultiple && atrAtEntry[i] == atrAtEntry[i]) {
        double level = e - atrMultiple * atrAtEntry[i];
        if (level > stop) {
          stop = level;
          why = ExitReason.ATR_STOP;
        }
      }
      if (why != null) {
        if (o <= stop) {
          exitPrice = o;
        } else if (l <= stop) {
          exitPrice = stop;
        }
      }
      if (exitPrice != exitPrice && takeProfit == takeProfit) {
        double level = e * (1 + takeProfit);
        why = ExitReason.TAKE_PROFIT;
        if (o >= level) {
          exitPrice = o;
        } else if (h >= level) {
          exitPrice = level;
        }
      }
      if (exitPrice != exitPrice) {
        anchor[i] = Math.max(anchor[i], h);
      }
    } else {
      double stop = Double.POSITIVE_INFINITY;
      if (stopLoss == stopLoss) {
        stop = e * (1 + stopLoss);
        why = ExitReason.STOP_LOSS;
      }
      if (trailing == trailing) {
        double level = Math.min(anchor[i], o) * (1 + trailing);
        if (level < stop) {
          stop = level;
          why = ExitReason.TRAILING_STOP;
        }
      }
      if (atrMultiple == atrMultiple && atrAtEntry[i] == atrAtEntry[i]) {
        double level = e + atrMultiple * atrAtEntry[i];
        if (level < stop) {
          stop = level;
          why = ExitReason.ATR_STOP;
        }
      }
      if (why != null) {
        if (o >= stop) {
          exitPrice = o;
        } else if (h >= stop) {
          exitPrice = stop;
        }
      }
      if (exitPrice != exitPrice && takeProfit == takeProfit) {
        double level = e * (1 - takeProfit);
        why = ExitReason.TAKE_PROFIT;
        if (o <= level) {
          exitPrice = o;
        } else if (l <= level) {
          exitPrice = level;
        }
      }
      if (exitPrice != exitPrice) {
        anchor[i] = Math.min(anchor[i], l);
      }
    }
    reason = why;
    return exitPrice;
  }
}
