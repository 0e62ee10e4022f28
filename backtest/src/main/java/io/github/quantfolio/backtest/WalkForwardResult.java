package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.risk.PerformanceReport;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link WalkForwardOptimization}: the folds with their chosen parameters and
 * in- and out-of-sample metrics, and the stitched out-of-sample equity curve with its report.
 *
 * @param <P> the parameter type
 * @since 0.1.0
 */
public final class WalkForwardResult<P> {

  /**
   * One fold.
   *
   * @param <P> the parameter type
   * @param trainStart first in-sample bar
   * @param testStart first out-of-sample bar (= in-sample end, exclusive)
   * @param testEnd out-of-sample end (exclusive)
   * @param chosen the parameters selected in-sample
   * @param inSample the chosen parameters' in-sample metrics
   * @param outOfSample their out-of-sample metrics
   */
  public record Fold<P>(int trainStart, int testStart, int testEnd, P chosen,
      SweepMetrics inSample, SweepMetrics outOfSample) {
  }

  private final TimeIndex index;
  private final List<Fold<P>> folds;
  private final double[] equity;
  private final TimeIndex fullIndex;
  private final double[] returns;
  private final PerformanceReport report;

  WalkForwardResult(TimeIndex index, List<Fold<P>> folds, double[] equity, BacktestConfig config,
      Frequency frequency, TimeIndex fullIndex) {
    this.index = index;
    this.folds = List.copyOf(folds);
    this.equity = equity;
    this.fullIndex = fullIndex;
    this.returns = new double[equity.length];
    double prev = config.initialCapital();
    for (int t = 0; t < equity.length; t++) {
      returns[t] = equity[t] / prev - 1;
      prev = equity[t];
    }
    this.report = PerformanceReport.of(returns, frequency, config.riskFreeRate());
  }

  /** The folds in time order. */
  public List<Fold<P>> folds() {
    return folds;
  }

  /** Timestamps of the stitched out-of-sample curve (from the first test bar to the end). */
  public TimeIndex index() {
    return index;
  }

  /** The stitched out-of-sample equity (a copy). */
  public double[] equity() {
    return equity.clone();
  }

  /** Its per-bar returns (a copy); the first relative to the initial capital. */
  public double[] returns() {
    return returns.clone();
  }

  /** The performance report of the out-of-sample returns. */
  public PerformanceReport report() {
    return report;
  }

  /**
   * Walk-forward efficiency: mean out-of-sample over mean in-sample value of {@code metric} across
   * folds (near 1 when in-sample results carry over; near 0 or negative when they were luck).
   * NaN if the metric is undefined in some fold (e.g. a Sharpe ratio without returns), and
   * {@code ±Infinity} or NaN when the in-sample mean is 0, by IEEE division.
   */
  public double efficiency(SweepMetric metric) {
    double in = 0;
    double out = 0;
    for (Fold<P> f : folds) {
      in += f.inSample().get(metric);
      out += f.outOfSample().get(metric);
    }
    return out / in;
  }

  /**
   * The folds (test period, chosen parameters, in- and out-of-sample Sharpe ratios with their
   * risk-free rate), then the out-of-sample performance report.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Walk-forward: %d folds, out-of-sample %s .. %s%n",
        folds.size(), index.first(), index.last()));
    sb.append(String.format(Locale.ROOT, "Sharpe ratios annualised, rf %s%% a year; IS = "
        + "in-sample (selection), OOS = out-of-sample%n",
        io.github.quantfolio.core.internal.TextTable.num(100 * report.riskFreeAnnual(), 2)));
    sb.append(String.format(Locale.ROOT, "%-12s %-12s %-40s %10s %10s%n", "test from", "test to",
        "chosen", "IS Sharpe", "OOS Sharpe"));
    for (Fold<P> f : folds) {
      String p = String.valueOf(f.chosen());
      if (p.length() > 40) {
        p = p.substring(0, 37) + "...";
      }
      sb.append(String.format(Locale.ROOT, "%-12s %-12s %-40s %10.3f %10.3f%n",
          fullIndex.label(f.testStart()), fullIndex.label(f.testEnd() - 1), p,
          f.inSample().sharpeRatio(), f.outOfSample().sharpeRatio()));
    }
    sb.append(report);
    return sb.toString();
  }
}
