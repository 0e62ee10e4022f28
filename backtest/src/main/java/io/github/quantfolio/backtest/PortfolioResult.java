package io.github.quantfolio.backtest;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.risk.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link WalkForwardPortfolio}: the full {@link BacktestResult}, every rebalance
 * decision (with allocator failures and circuit-breaker trips) and a
 * {@link DiversificationReport}. Immutable.
 *
 * @since 0.1.0
 */
public final class PortfolioResult {

  private final WalkForwardPortfolio portfolio;
  private final BacktestResult backtest;
  private final List<Rebalance> rebalances;
  private final DiversificationReport diversification;

  PortfolioResult(WalkForwardPortfolio portfolio, BacktestResult backtest,
      List<Rebalance> rebalances, PriceFrame closes, int firstAllocation) {
    this.portfolio = portfolio;
    this.backtest = backtest;
    this.rebalances = Collections.unmodifiableList(new ArrayList<>(rebalances));
    // undefined once the account is wiped out (returns beyond that have no meaning)
    this.diversification = backtest.wipeOutBar() >= 0 ? null
        : diversification(backtest, closes, firstAllocation);
  }

  /**
   * The specification that produced this result (allocator, look-back, schedule, limits,
   * configuration); its {@code toString()} says it in words.
   *
   * @return the walk-forward portfolio that was run
   * @since 0.1.0
   */
  public WalkForwardPortfolio portfolio() {
    return portfolio;
  }

  /**
   * Equity, trades, costs, positions and the performance report.
   *
   * @return equity, trades, costs, positions and the performance report
   */
  public BacktestResult backtest() {
    return backtest;
  }

  /**
   * Every decision in time order.
   *
   * @return every decision in time order
   */
  public List<Rebalance> rebalances() {
    return rebalances;
  }

  /**
   * How often the circuit breaker moved the portfolio to cash.
   *
   * @return how often the circuit breaker moved the portfolio to cash
   */
  public int circuitBreakerTrips() {
    return (int) rebalances.stream().filter(r -> r.kind() == Rebalance.Kind.CIRCUIT_BREAKER)
        .count();
  }

  /**
   * Scheduled re-estimations whose allocator failed: positions kept, or the fallback's weights
   * traded ({@link Rebalance#fallback()}).
   *
   * @return the decisions whose allocator failed, in time order
   */
  public List<Rebalance> failedAllocations() {
    return rebalances.stream().filter(Rebalance::failed).toList();
  }

  /**
   * Portfolio against single-asset volatility and Sharpe, diversification ratio, PnL shares.
   *
   * @return the diversification report
   * @throws IllegalStateException if the account was wiped out (equity at 0 or below), which
   *     leaves the portfolio's returns undefined
   */
  public DiversificationReport diversification() {
    if (diversification == null) {
      throw new IllegalStateException("No diversification report: the account was wiped out on "
          + backtest.index().label(backtest.wipeOutBar()) + " (see backtest().equity())");
    }
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
        weighted / portVol, AssetVector.of(assets, avgW), AssetVector.of(assets, pnlShare),
        r.config().riskFreeRate());
  }

  /** How many failures the summary lists by date. */
  private static final int FAILURES_SHOWN = 3;

  /**
   * What was run (allocator, look-back, schedule, limits), the rebalance counts, then
   * (prominently, before the results) the allocation failures: how many, how many the fallback
   * covered, and the first dates with their causes; then the backtest summary (with the
   * configuration) and the diversification report.
   */
  @Override
  public String toString() {
    long scheduled = rebalances.stream().filter(r -> r.kind() == Rebalance.Kind.SCHEDULED).count();
    long drift = rebalances.stream().filter(r -> r.kind() == Rebalance.Kind.DRIFT).count();
    List<Rebalance> failed = failedAllocations();
    long covered = failed.stream().filter(Rebalance::fallback).count();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Walk-forward portfolio: %s%n%s%n%d rebalances (%d scheduled, %d on drift, %d "
            + "circuit-breaker trips)%n", portfolio.settings(), backtest.config(),
        rebalances.size(), scheduled, drift, circuitBreakerTrips()));
    if (!failed.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "ALLOCATION FAILURES: %d of %d scheduled allocations "
          + "failed (%d positions kept, %d decided by the fallback allocator):%n", failed.size(),
          scheduled, failed.size() - covered, covered));
      for (Rebalance r : failed.subList(0, Math.min(FAILURES_SHOWN, failed.size()))) {
        sb.append("  ").append(r.time()).append(": ").append(shortened(r.failure())).append('\n');
      }
      if (failed.size() > FAILURES_SHOWN) {
        sb.append("  ... ").append(failed.size() - FAILURES_SHOWN)
            .append(" more, see failedAllocations()\n");
      }
    }
    sb.append(backtest);
    return diversification == null ? sb.toString() : sb.append(diversification).toString();
  }

  private static String shortened(String message) {
    String oneLine = String.valueOf(message).replace('\n', ' ');
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
  }

  /**
   * The portfolio's performance against a benchmark ({@code backtest().report(benchmark)}):
   * alpha, beta, tracking error, information ratio and up/down capture.
   *
   * @param benchmarkReturns the benchmark's simple return at each bar (NaN for none), as long as
   *     the portfolio's index
   * @return the report
   */
  public io.github.quantfolio.risk.PerformanceReport report(double[] benchmarkReturns) {
    return backtest().report(benchmarkReturns);
  }
}
