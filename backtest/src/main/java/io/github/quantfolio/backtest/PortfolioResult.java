package io.github.quantfolio.backtest;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.risk.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a {@link WalkForwardPortfolio}: the full {@link BacktestResult}, every rebalance
 * decision (with allocator failures and circuit-breaker trips) and a
 * {@link DiversificationReport}. Immutable.
 *
 * @since 0.1.0
 */
public final class PortfolioResult {

  private final BacktestResult backtest;
  private final List<Rebalance> rebalances;
  private final DiversificationReport diversification;

  PortfolioResult(BacktestResult backtest, List<Rebalance> rebalances, PriceFrame closes,
      int firstAllocation) {
    this.backtest = backtest;
    this.rebalances = Collections.unmodifiableList(new ArrayList<>(rebalances));
    this.diversification = diversification(backtest, closes, firstAllocation);
  }

  /** Equity, trades, costs, positions and the performance report. */
  public BacktestResult backtest() {
    return backtest;
  }

  /** Every decision in time order. */
  public List<Rebalance> rebalances() {
    return rebalances;
  }

  /** How often the circuit breaker moved the portfolio to cash. */
  public int circuitBreakerTrips() {
    return (int) rebalances.stream().filter(r -> r.kind() == Rebalance.Kind.CIRCUIT_BREAKER)
        .count();
  }

  /** Scheduled re-estimations whose allocator failed (positions kept). */
  public List<Rebalance> failedAllocations() {
    return rebalances.stream().filter(Rebalance::failed).toList();
  }

  /** Portfolio against single-asset volatility and Sharpe, diversification ratio, PnL shares. */
  public DiversificationReport diversification() {
    return diversification;
  }

  private static DiversificationReport diversification(BacktestResult r, PriceFrame closes,
      int firstAllocation) {
    // the first bar held from its start: the fill of the first decision may happen within bar
    // firstAllocation + 1 (at its open or close)
    int from = Math.min(firstAllocation + 2, r.index().size() - 1);
    int rows = r.index().size();
    Frequency f = r.frequency();
    double rfPerPeriod = Math.pow(1 + r.config().riskFreeRate(), 1 / f.periodsPerYear()) - 1;
    double[] pr = Arrays.copyOfRange(r.returns(), from, rows);
    double portVol = Metrics.annualVolatility(pr, f);
    double portSharpe = Metrics.sharpeRatio(pr, rfPerPeriod, f);
    List<String> assets = r.assets();
    double[] avgW = new double[assets.size()];
    double[] pnlShare = new double[assets.size()];
    double volSum = 0;
    double sharpeSum = 0;
    int counted = 0;
    double weighted = 0;
    double totalPnl = r.finalEquity() - r.initialCapital();
    AssetVector pnl = r.assetPnl();
    for (int i = 0; i < assets.size(); i++) {
      String a = assets.get(i);
      double[] w = r.weights(a);
      double s = 0;
      for (int t = from; t < rows; t++) {
        s += w[t];
      }
      avgW[i] = s / (rows - from);
      double[] c = closes.column(i);
      double[] ar = new double[rows - from];
      int valid = 0;
      for (int t = from; t < rows; t++) {
        double prev = c[t - 1];
        ar[t - from] = prev == prev && c[t] == c[t] ? c[t] / prev - 1 : Double.NaN;
        valid += ar[t - from] == ar[t - from] ? 1 : 0;
      }
      if (valid >= 2) {
        double vol = Metrics.annualVolatility(ar, f);
        volSum += vol;
        sharpeSum += Metrics.sharpeRatio(ar, rfPerPeriod, f);
        counted++;
        weighted += Math.abs(avgW[i]) * vol;
      }
      pnlShare[i] = totalPnl == 0 ? 0 : pnl.get(a) / totalPnl;
    }
    return new DiversificationReport(portVol, portSharpe, volSum / counted, sharpeSum / counted,
        weighted / portVol, AssetVector.of(assets, avgW), AssetVector.of(assets, pnlShare));
  }

  /** The backtest summary, the rebalance count and the diversification report. */
  @Override
  public String toString() {
    long failed = rebalances.stream().filter(Rebalance::failed).count();
    return backtest + String.format("rebalances %d (%d failed allocations, %d circuit-breaker "
        + "trips)%n", rebalances.size(), failed, circuitBreakerTrips()) + diversification;
  }
}
