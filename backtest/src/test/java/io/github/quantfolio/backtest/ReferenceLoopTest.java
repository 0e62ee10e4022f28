package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The engine against plain, deliberately naive bar-by-bar loops written from the documented
 * rules (BacktestConfig, Exits, TradeSignals, FillTiming) on random markets and inputs.
 */
class ReferenceLoopTest {

  /** Random OHLC market: T bars of N assets, bars valid (low <= open, close <= high). */
  static final class Market {
    final int rows;
    final int n;
    final double[][] open;
    final double[][] high;
    final double[][] low;
    final double[][] close;
    final TimeIndex index;

    Market(SplittableRandom rnd, int rows, int n) {
      this.rows = rows;
      this.n = n;
      open = new double[n][rows];
      high = new double[n][rows];
      low = new double[n][rows];
      close = new double[n][rows];
      for (int i = 0; i < n; i++) {
        double p = 20 + 80 * rnd.nextDouble();
        for (int t = 0; t < rows; t++) {
          double o = p * Math.exp(0.02 * (rnd.nextDouble() - 0.5));
          double c = o * Math.exp(0.06 * (rnd.nextDouble() - 0.5));
          open[i][t] = o;
          close[i][t] = c;
          high[i][t] = Math.max(o, c) * (1 + 0.02 * rnd.nextDouble());
          low[i][t] = Math.min(o, c) * (1 - 0.02 * rnd.nextDouble());
          p = c;
        }
      }
      index = TimeIndex.businessDays(LocalDate.of(2020, 1, 6), rows);
    }

    List<Bars> bars() {
      List<Bars> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(Bars.of("X" + i, index, open[i], high[i], low[i], close[i], null)
            .withFrequency(Frequency.DAILY));
      }
      return out;
    }

    PriceFrame closes() {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        names.add("X" + i);
      }
      return PriceFrame.of(index, names, close).withFrequency(Frequency.DAILY);
    }
  }

  static BacktestConfig randomConfig(SplittableRandom rnd) {
    FillTiming[] timings = FillTiming.values();
    return BacktestConfig.defaults()
        .withInitialCapital(1_000 + 1e6 * rnd.nextDouble())
        .withFeeBps(rnd.nextBoolean() ? 0 : 50 * rnd.nextDouble())
        .withFixedFee(rnd.nextBoolean() ? 0 : 5 * rnd.nextDouble())
        .withSlippageBps(rnd.nextBoolean() ? 0 : 30 * rnd.nextDouble())
        .withFillTiming(timings[rnd.nextInt(timings.length)])
        .withMaxLeverage(rnd.nextBoolean() ? 1 : 1 + rnd.nextDouble())
        .withShorting(rnd.nextBoolean())
        .withFractionalShares()
        .withInitialCapital(1_000 + 1e6 * rnd.nextDouble());
  }

  // ------------------------------------------------------------------ target weights

  /** Reference ledger for target weights: equity after each bar. */
  static double[] referenceWeights(Market m, boolean ohlc, double[][] w, BacktestConfig c) {
    int n = m.n;
    double cash = c.initialCapital();
    double[] q = new double[n];
    double[] out = new double[m.rows];
    double[] pending = null;
    boolean atOpen = ohlc && c.fillTiming() == FillTiming.NEXT_BAR;
    for (int t = 0; t < m.rows; t++) {
      if (pending != null && c.fillTiming() != FillTiming.SAME_CLOSE) {
        double[] px = new double[n];
        for (int i = 0; i < n; i++) {
          px[i] = atOpen ? m.open[i][t] : m.close[i][t];
        }
        cash = rebalance(cash, q, px, pending, c);
        pending = null;
      }
      double[] row = new double[n];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        row[i] = w[i][t];
        any |= !Double.isNaN(row[i]);
      }
      if (any) {
        if (c.fillTiming() == FillTiming.SAME_CLOSE) {
          double[] px = new double[n];
          for (int i = 0; i < n; i++) {
            px[i] = m.close[i][t];
          }
          cash = rebalance(cash, q, px, row, c);
        } else {
          pending = row;
        }
      }
      double e = cash;
      for (int i = 0; i < n; i++) {
        e += q[i] * m.close[i][t];
      }
      out[t] = e;
    }
    return out;
  }

  /**
   * Sells first, then buys scaled to the cash limit; returns the new cash. A non-zero target
   * within 1e-12 of equity of the position is no order (the engine's rule, see
   * Backtest#targetWeights).
   */
  static double rebalance(double cash, double[] q, double[] px, double[] w, BacktestConfig c) {
    int n = q.length;
    double s = c.slippageBps() / 1e4;
    double f = c.feeBps() / 1e4;
    double fixed = c.fixedFee();
    double e = cash;
    for (int i = 0; i < n; i++) {
      e += q[i] * px[i];
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(w[i])) {
        double target = w[i] * e / px[i];
        if (w[i] != 0 && Math.abs(target - q[i]) * px[i] <= 1e-12 * Math.abs(e)) {
          target = q[i]; // already met up to rounding: no order (and no fixed fee)
        }
        if (!c.fractionalShares()) {
          target = Math.signum(target) * Math.floor(Math.abs(target) + 1e-9);
        }
        d[i] = target - q[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (d[i] < 0) {
        double value = -d[i] * px[i] * (1 - s);
        cash += value - value * f - fixed;
        q[i] += d[i];
      }
    }
    double need = 0;
    int buys = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        need += d[i] * px[i] * (1 + s) * (1 + f) + fixed;
        buys++;
      }
    }
    double available = cash + (c.maxLeverage() - 1) * e;
    double scale = 1;
    if (buys > 0 && need > available + 1e-9 * Math.abs(e)) {
      scale = Math.max(0, (available - buys * fixed) / (need - buys * fixed));
    }
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        double buy = d[i] * scale;
        if (scale < 1 && !c.fractionalShares()) {
          buy = Math.floor(q[i] + buy + 1e-9) - q[i];
        }
        if (buy > 0) {
          double value = buy * px[i] * (1 + s);
          cash -= value + value * f + fixed;
          q[i] += buy;
        }
      }
    }
    return cash;
  }

  @Property(tries = 300)
  void targetWeightsMatchTheReferenceLoop(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Market m = new Market(rnd, 2 + rnd.nextInt(60), 1 + rnd.nextInt(4));
    BacktestConfig c = randomConfig(rnd);
    if (rnd.nextBoolean()) {
      c = c.withWholeShares();
    }
    double[][] w = new double[m.n][m.rows];
    for (int t = 0; t < m.rows; t++) {
      boolean rebalance = rnd.nextInt(3) == 0;
      double budget = c.maxLeverage();
      for (int i = 0; i < m.n; i++) {
        if (!rebalance || rnd.nextInt(5) == 0) {
          w[i][t] = Double.NaN;
          continue;
        }
        double x = rnd.nextDouble() * budget / m.n * (rnd.nextInt(4) == 0 ? 1.3 : 1);
        if (c.allowShort() && rnd.nextBoolean()) {
          x = -x;
        }
        w[i][t] = rnd.nextInt(6) == 0 ? 0 : x;
      }
      double gross = 0;
      for (int i = 0; i < m.n; i++) {
        gross += Double.isNaN(w[i][t]) ? 0 : Math.abs(w[i][t]);
      }
      if (gross > c.maxLeverage()) {
        for (int i = 0; i < m.n; i++) {
          w[i][t] *= c.maxLeverage() / gross;
        }
      }
    }
    boolean ohlc = rnd.nextBoolean();
    Backtest bt = (ohlc ? Backtest.of(m.bars()) : Backtest.of(m.closes())).withConfig(c);
    BacktestResult r = bt.targetWeights(w);
    double[] expected = referenceWeights(m, ohlc, w, c);
    double[] actual = r.equity();
    for (int t = 0; t < m.rows; t++) {
      assertEquals(expected[t], actual[t], 1e-9 * Math.abs(expected[t]) + Tolerance.CENT,
          "equity at bar " + t);
    }
    Accounting.assertConserved(r, bt);
  }

  /**
   * Seed -1168745 of the property above (found after 14851 tries): one asset, fixed fee 4.83,
   * fractional shares, fully invested at bar 7 leaving a cash residue of -5.8e-11, re-targeted at
   * weight 1 on bar 12. The engine sold 1.8e-12 shares and paid the fixed fee; the reference,
   * whose residue rounded the other way, did not trade: equity 4.83 apart from bar 12 on.
   */
  @Test
  void aWeightAlreadyHeldUpToRoundingPlacesNoOrder() {
    targetWeightsMatchTheReferenceLoop(-1168745L);
  }

  // ------------------------------------------------------------------ signals with exits

  /**
   * Reference for one asset's signals (fraction-of-equity sizing) with stop-loss, trailing stop
   * and take-profit on OHLC bars, next-open fills, no costs: equity after each bar.
   */
  static double[] referenceSignals(Market m, TradeSignals s, double fraction, Exits x,
      double capital) {
    double cash = capital;
    double q = 0;
    double entry = Double.NaN;
    double best = Double.NaN;
    Integer pendingTarget = null; // -1, 0, +1
    double[] out = new double[m.rows];
    int intent = 0;
    for (int t = 0; t < m.rows; t++) {
      double o = m.open[0][t];
      double h = m.high[0][t];
      double l = m.low[0][t];
      double c = m.close[0][t];
      if (pendingTarget != null) {
        double e = cash + q * o;
        double target = pendingTarget * fraction * e / o;
        if (target != q) {
          boolean opens = q == 0 || Math.signum(target) != Math.signum(q);
          cash -= (target - q) * o;
          q = target;
          if (opens && q != 0) {
            entry = o;
            best = o;
          }
        }
        pendingTarget = null;
      }
      if (q != 0) {
        double exit = Double.NaN;
        if (q > 0) {
          double stop = Double.NEGATIVE_INFINITY;
          if (!Double.isNaN(x.stopLoss())) {
            stop = Math.max(stop, entry * (1 - x.stopLoss()));
          }
          if (!Double.isNaN(x.trailingStop())) {
            stop = Math.max(stop, Math.max(best, o) * (1 - x.trailingStop()));
          }
          if (o <= stop) {
            exit = o;
          } else if (l <= stop) {
            exit = stop;
          } else if (!Double.isNaN(x.takeProfit())) {
            double tp = entry * (1 + x.takeProfit());
            exit = o >= tp ? o : h >= tp ? tp : Double.NaN;
          }
          best = Math.max(best, h);
        } else {
          double stop = Double.POSITIVE_INFINITY;
          if (!Double.isNaN(x.stopLoss())) {
            stop = Math.min(stop, entry * (1 + x.stopLoss()));
          }
          if (!Double.isNaN(x.trailingStop())) {
            stop = Math.min(stop, Math.min(best, o) * (1 + x.trailingStop()));
          }
          if (o >= stop) {
            exit = o;
          } else if (h >= stop) {
            exit = stop;
          } else if (!Double.isNaN(x.takeProfit())) {
            double tp = entry * (1 - x.takeProfit());
            exit = o <= tp ? o : l <= tp ? tp : Double.NaN;
          }
          best = Math.min(best, l);
        }
        if (!Double.isNaN(exit)) {
          cash += q * exit;
          q = 0;
        }
      }
      // decisions at the close
      if (pendingTarget == null) {
        intent = q > 0 ? 1 : q < 0 ? -1 : 0;
      }
      boolean goLong = s.longEntry()[t] && !s.longExit()[t];
      boolean goShort = s.shortEntry()[t] && !s.shortExit()[t];
      int next = intent;
      if (intent == 0 && goLong != goShort) {
        next = goLong ? 1 : -1;
      } else if (intent > 0) {
        next = goShort && !goLong ? -1 : s.longExit()[t] ? 0 : 1;
      } else if (intent < 0) {
        next = goLong && !goShort ? 1 : s.shortExit()[t] ? 0 : -1;
      }
      if (next != intent) {
        pendingTarget = next;
        intent = next;
      }
      out[t] = cash + q * c;
    }
    return out;
  }

  @Property(tries = 300)
  void signalsWithExitsMatchTheReferenceLoop(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Market m = new Market(rnd, 2 + rnd.nextInt(80), 1);
    boolean shorts = rnd.nextBoolean();
    boolean[][] flags = new boolean[4][m.rows];
    for (int k = 0; k < 4; k++) {
      for (int t = 0; t < m.rows; t++) {
        flags[k][t] = (k < 2 || shorts) && rnd.nextInt(5) == 0;
      }
    }
    TradeSignals s = new TradeSignals(flags[0], flags[1], flags[2], flags[3]);
    Exits x = Exits.none();
    if (rnd.nextBoolean()) {
      x = x.withStopLoss(0.005 + 0.05 * rnd.nextDouble());
    }
    if (rnd.nextBoolean()) {
      x = x.withTrailingStop(0.005 + 0.05 * rnd.nextDouble());
    }
    if (rnd.nextBoolean()) {
      x = x.withTakeProfit(0.005 + 0.08 * rnd.nextDouble());
    }
    double fraction = 0.2 + 0.8 * rnd.nextDouble();
    double capital = 10_000 + 1e6 * rnd.nextDouble();
    Backtest bt = Backtest.of(m.bars())
        .withConfig(BacktestConfig.defaults().withInitialCapital(capital).withShorting(shorts))
        .withExits(x)
        .withSizing(PositionSizing.fractionOfEquity(fraction));
    BacktestResult r = bt.signals(s);
    double[] expected = referenceSignals(m, s, fraction, x, capital);
    double[] actual = r.equity();
    for (int t = 0; t < m.rows; t++) {
      assertEquals(expected[t], actual[t], 1e-9 * Math.abs(expected[t]) + Tolerance.CENT,
          "equity at bar " + t);
    }
    Accounting.assertConserved(r, bt);
  }
}
