package io.github.quantfolio.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** The accounting identities every backtest result must satisfy. */
final class Accounting {

  private Accounting() {
  }

  /**
   * Money is conserved: equity = cash + positions at the last close on every bar, and the PnL of
   * all trades, of all assets and of the equity curve agree, as do fees.
   */
  static void assertConserved(BacktestResult r, Backtest bt) {
    double[] equity = r.equity();
    double[] cash = r.cash();
    double scale = Math.max(r.initialCapital(), maxAbs(equity));
    double tol = 1e-11 * scale + Tolerance.CENT;
    List<String> assets = r.assets();
    double[][] shares = new double[assets.size()][];
    double[][] closes = new double[assets.size()][];
    for (int i = 0; i < assets.size(); i++) {
      shares[i] = r.shares(assets.get(i));
      closes[i] = bt.bars().get(i).close();
    }
    double[] last = new double[assets.size()];
    for (int t = 0; t < equity.length; t++) {
      double e = cash[t];
      for (int i = 0; i < assets.size(); i++) {
        if (!Double.isNaN(closes[i][t])) {
          last[i] = closes[i][t];
        }
        e += shares[i][t] == 0 ? 0 : shares[i][t] * last[i];
      }
      assertEquals(e, equity[t], tol, "equity = cash + positions at bar " + t);
    }
    double pnl = r.finalEquity() - r.initialCapital();
    double assetSum = 0;
    for (double v : r.assetPnl().toArray()) {
      assetSum += v;
    }
    assertEquals(pnl, assetSum, tol, "sum of asset PnL");
    double tradeSum = 0;
    double tradeFees = 0;
    for (Trade t : r.trades()) {
      tradeSum += t.pnl();
      tradeFees += t.fees();
    }
    assertEquals(pnl, tradeSum, tol, "sum of trade PnL");
    assertEquals(r.totalFees(), tradeFees, tol, "sum of trade fees");
    double compounded = 1;
    for (double x : r.returns()) {
      compounded *= 1 + x;
    }
    assertEquals(r.finalEquity() / r.initialCapital(), compounded, 1e-9, "compounded returns");
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
