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
   * @param trainStart first in-sample bar
   * @param testStart first out-of-sample bar (= in-sample end, exclusive)
   * @param testEnd out-of-sample end (exclusive)
   * @param chosen the parameters selected in-sample
   * @param inSample the chosen parameters' in-sample metrics
   * @param outOfSample their out-of-sample metrics
   * @param <P> the parameter type
   */
  public record Fold<P>(int trainStart, int testStart, int testEnd, P chosen,
      SweepMetrics inSample, SweepMetrics outOfSample) {

    /**
     * The out-of-sample bars {@code testEnd - testStart}: the configured length, or fewer for a
     * last fold cut short by the end of the data.
     *
     * @return the fold's out-of-sample length in bars
     * @since 0.1.0
     */
    public int testBars() {
      return testEnd - testStart;
    }
  }

  private final TimeIndex index;
  private final List<Fold<P>> folds;
  private final double[] equity;
  private final TimeIndex fullIndex;
  private final double[] returns;
  private final PerformanceReport report;
  private final int outOfSampleBars; // the configured fold length
  private final SweepMetric selection;

  WalkForwardResult(TimeIndex index, List<Fold<P>> folds, double[] equity, BacktestConfig config,
      Frequency frequency, TimeIndex fullIndex, int outOfSampleBars, SweepMetric selection) {
    this.outOfSampleBars = outOfSampleBars;
    this.selection = selection;
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

  /**
   * The folds in time order.
   *
   * @return the folds in time order
   */
  public List<Fold<P>> folds() {
    return folds;
  }

  /**
   * Timestamps of the stitched out-of-sample curve (from the first test bar to the end).
   *
   * @return timestamps of the stitched out-of-sample curve (from the first test bar to the end)
   */
  public TimeIndex index() {
    return index;
  }

  /**
   * The stitched out-of-sample equity (a copy).
   *
   * @return the stitched out-of-sample equity (a copy)
   */
  public double[] equity() {
    return equity.clone();
  }

  /**
   * Its per-bar returns (a copy); the first relative to the initial capital.
   *
   * @return its per-bar returns (a copy); the first relative to the initial capital
   */
  public double[] returns() {
    return returns.clone();
  }

  /**
   * The performance report of the out-of-sample returns.
   *
   * @return the performance report of the out-of-sample returns
   */
  public PerformanceReport report() {
    return report;
  }

  /**
   * Walk-forward efficiency: the mean out-of-sample over the mean in-sample value of
   * {@code metric}, each fold weighted by its out-of-sample bars {@code b_k}:
   * {@code sum(b_k OOS_k) / sum(b_k IS_k)} (near 1 when in-sample results carry over; near 0 or
   * negative when they were luck). With equal folds this is the plain ratio of means; a last fold
   * cut short by the end of the data counts for its length (unweighted, a 20-bar fold with a
   * short-sample Sharpe ratio of 7.4 moved the ratio as much as a full 250-bar fold). NaN if the
   * metric is undefined in some fold (e.g. the CAGR of folds shorter than a year), and
   * {@code ±Infinity} or NaN when the in-sample mean is 0, by IEEE division.
   *
   * @param metric the metric compared
   * @return the efficiency ratio
   */
  public double efficiency(SweepMetric metric) {
    double in = 0;
    double out = 0;
    for (Fold<P> f : folds) {
      in += f.testBars() * f.inSample().get(metric);
      out += f.testBars() * f.outOfSample().get(metric);
    }
    return out / in;
  }

  /**
   * The folds (test period and bars, chosen parameters, in- and out-of-sample Sharpe ratios with
   * their risk-free rate; a last fold shorter than the others is marked), the efficiency by
   * Sharpe ratio with its weighting, then the out-of-sample performance report.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Walk-forward: %d folds of %d out-of-sample bars, "
        + "selected by %s, out-of-sample %s .. %s%n", folds.size(), outOfSampleBars, selection,
        index.first(), index.last()));
    sb.append(String.format(Locale.ROOT, "Sharpe ratios annualised, rf %s%% a year; IS = "
        + "in-sample (selection), OOS = out-of-sample%n",
        io.github.quantfolio.core.internal.TextTable.num(100 * report.riskFreeAnnual(), 2)));
    sb.append(String.format(Locale.ROOT, "%-12s %-12s %6s  %-40s %10s %10s%n", "test from",
        "test to", "bars", "chosen", "IS Sharpe", "OOS Sharpe"));
    Fold<P> partial = null;
    for (Fold<P> f : folds) {
      String p = ParameterSweep.describe(f.chosen());
      if (p.length() > 40) {
        p = p.substring(0, 37) + "...";
      }
      boolean cut = f.testBars() < outOfSampleBars;
      partial = cut ? f : partial;
      sb.append(String.format(Locale.ROOT, "%-12s %-12s %5d%s  %-40s %10s %10s%n",
          fullIndex.label(f.testStart()), fullIndex.label(f.testEnd() - 1), f.testBars(),
          cut ? "*" : " ", p, ratio(f.inSample().sharpeRatio()),
          ratio(f.outOfSample().sharpeRatio())));
    }
    if (partial != null) {
      sb.append(String.format(Locale.ROOT, "* partial last fold: %d of %d bars (the data ends); "
          + "its out-of-sample figures rest on a short sample%n", partial.testBars(),
          outOfSampleBars));
    }
    sb.append(String.format(Locale.ROOT, "Walk-forward efficiency (OOS / IS Sharpe, folds "
        + "weighted by their out-of-sample bars): %s%n", ratio(efficiency(SweepMetric.SHARPE))));
    sb.append(report);
    return sb.toString();
  }

  private static String ratio(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
