package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walk-forward optimisation of a strategy's parameters: on rolling folds, pick the best parameter
 * set of a grid on an in-sample window, then trade it on the following out-of-sample window; the
 * out-of-sample pieces, chained with each fold starting from the previous fold's ending equity,
 * form an equity curve that no in-sample choice has seen.
 *
 * <p>Fold {@code k} (0-based) trains on bars {@code [k * oos, k * oos + is)} and tests on
 * {@code [k * oos + is, min(k * oos + is + oos, T))}. Signals of a window are computed from the
 * bars up to the window's end only (earlier bars serve as indicator warm-up), and every window is
 * traded from flat; positions still open at a window's end are valued at its last close (no exit
 * cost), so nothing carries between folds but equity. Selection takes the best value of the
 * chosen {@link SweepMetric} (NaN never wins, nor does a parameter set that wipes out the account
 * in-sample; ties go to the first in grid order). All assets of the {@link Backtest}
 * trade together with shared capital. The in-sample runs of all folds are pure jobs handed to
 * a {@link JobExecutor} as one batch (local threads by default; {@link #withExecutor}).
 *
 * @param <P> the parameter type
 * @since 0.1.0
 */
public final class WalkForwardOptimization<P> {

  private final Backtest backtest;
  private final List<P> grid;
  private final Function<? super P, ? extends Strategy> strategyOf;
  private final int inSample;
  private final int outOfSample;
  private final SweepMetric metric;
  private final JobExecutor executor;

  private WalkForwardOptimization(Backtest backtest, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf, int inSample, int outOfSample,
      SweepMetric metric, JobExecutor executor) {
    this.backtest = backtest;
    this.grid = grid;
    this.strategyOf = strategyOf;
    this.inSample = inSample;
    this.outOfSample = outOfSample;
    this.metric = metric;
    this.executor = executor;
  }

  /**
   * Walk-forward optimisation of {@code grid} (copied) on {@code backtest}; defaults: 504-bar
   * in-sample and 126-bar out-of-sample windows, selection by Sharpe ratio, all processors.
   *
   * @param <P> the parameter type
   * @param backtest the data and settings (all its assets trade together), not null
   * @param grid the parameter sets to choose from, at least one (copied)
   * @param strategyOf builds the strategy of a parameter set (e.g. {@code p -> p} when the
   *     parameters are a {@link Strategy} record), not null
   * @return the optimisation, with the defaults above
   */
  public static <P> WalkForwardOptimization<P> of(Backtest backtest, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf) {
    return new WalkForwardOptimization<>(backtest,
        ParameterSweep.checkedGrid(backtest, grid, strategyOf), strategyOf, 504, 126,
        SweepMetric.SHARPE, JobExecutor.local());
  }

  /**
   * A copy with other window lengths in bars (in-sample &gt;= 2, out-of-sample &gt;= 1).
   *
   * @param inSampleBars the length of each in-sample (selection) window in bars, &gt;= 2
   * @param outOfSampleBars the length of each out-of-sample (trading) window in bars, &gt;= 1; also
   *     the step between folds
   * @return a copy with these windows
   */
  public WalkForwardOptimization<P> withWindows(int inSampleBars, int outOfSampleBars) {
    if (inSampleBars < 2 || outOfSampleBars < 1) {
      throw new IllegalArgumentException("Expected inSample >= 2 and outOfSample >= 1, but found "
          + inSampleBars + " and " + outOfSampleBars);
    }
    return new WalkForwardOptimization<>(backtest, grid, strategyOf, inSampleBars,
        outOfSampleBars, metric, executor);
  }

  /**
   * A copy selecting by another metric.
   *
   * @param selection the in-sample metric whose best value picks the parameters, not null
   * @return a copy selecting by {@code selection}
   */
  public WalkForwardOptimization<P> selectingBy(SweepMetric selection) {
    return new WalkForwardOptimization<>(backtest, grid, strategyOf, inSample, outOfSample,
        Checks.notNull(selection, "selection"), executor);
  }

  /**
   * A copy running in-sample sweeps on {@code n} threads (results do not depend on it).
   *
   * @param n the number of worker threads, &gt;= 1
   * @return a copy running on {@code n} threads
   */
  public WalkForwardOptimization<P> withThreads(int n) {
    Checks.positive(n, "threads");
    return new WalkForwardOptimization<>(backtest, grid, strategyOf, inSample, outOfSample,
        metric, JobExecutor.local(n));
  }

  /**
   * A copy whose in-sample runs go to {@code executor} (e.g. a Spark cluster); results do not
   * depend on it. A distributed executor serializes the runs: the parameter sets and
   * {@code strategyOf} must then be {@link java.io.Serializable}.
   *
   * @param executor where the in-sample runs go, not null
   * @return a copy running on {@code executor}
   * @since 0.1.0
   */
  public WalkForwardOptimization<P> withExecutor(JobExecutor executor) {
    return new WalkForwardOptimization<>(backtest, grid, strategyOf, inSample, outOfSample,
        metric, Checks.notNull(executor, "executor"));
  }

  /**
   * What this optimisation runs: the grid, the windows, the selection metric and threads, then
   * the backtest it runs on.
   */
  @Override
  public String toString() {
    return "WalkForwardOptimization: " + ParameterSweep.gridInWords(grid) + ", in-sample "
        + inSample + " and out-of-sample " + outOfSample + " bars, selected by " + metric + ", "
        + executor + "\n" + backtest;
  }

  /**
   * Runs every fold.
   *
   * @return the folds, the stitched out-of-sample curve and its report
   * @throws IllegalArgumentException if the data has no complete in-sample window plus one
   *     out-of-sample bar, if no parameter set has a defined metric in some fold, or if an
   *     out-of-sample fold wipes out the account (equity at 0 or below; named with its date)
   */
  public WalkForwardResult<P> run() {
    int rows = backtest.index().size();
    if (rows <= inSample) {
      throw new IllegalArgumentException("Expected more than inSample = " + inSample
          + " bars, but found " + rows);
    }
    List<WalkForwardResult.Fold<P>> folds = new ArrayList<>();
    double capital = backtest.config().initialCapital();
    double[] stitched = new double[rows - inSample];
    int foldCount = (rows - inSample + outOfSample - 1) / outOfSample;
    int[] starts = new int[foldCount];
    for (int k = 0; k < foldCount; k++) {
      starts[k] = k * outOfSample;
    }
    List<double[]> all = executor.runAll(new WalkForwardJobs(backtest, grid, strategyOf, starts,
        inSample));
    for (int fold = 0; fold < foldCount; fold++) {
      int start = starts[fold];
      int testStart = start + inSample;
      int testEnd = Math.min(testStart + outOfSample, rows);
      SweepMetrics[] inSampleMetrics = new SweepMetrics[grid.size()];
      for (int k = 0; k < inSampleMetrics.length; k++) {
        inSampleMetrics[k] = SweepJobs.decode(all.get(fold * grid.size() + k));
      }
      int best = -1;
      for (int k = 0; k < inSampleMetrics.length; k++) {
        double v = inSampleMetrics[k].get(metric);
        if (v == v && !inSampleMetrics[k].wipedOut()
            && (best < 0 || better(v, inSampleMetrics[best].get(metric)))) {
          best = k;
        }
      }
      if (best < 0) {
        throw new IllegalArgumentException("No parameter set has a defined " + metric
            + " (without wiping out the account) in-sample on bars " + start + " to " + (testStart - 1) + " ("
            + backtest.index().label(start) + " .. " + backtest.index().label(testStart - 1)
            + "); widen the in-sample window");
      }
      P chosen = grid.get(best);
      Backtest window = backtest.slice(testStart, testEnd)
          .withConfig(backtest.config().withInitialCapital(capital));
      Engine e = window.engine(window.signalPolicy(WalkForwardJobs.signals(backtest,
          strategyOf.apply(chosen), testStart, testEnd)), false);
      SweepMetrics oos = ParameterSweep.summarize(e, window.config(), window.frequencyOfData());
      if (oos.wipedOut()) {
        throw wipedOut(e.equityPath(), testStart, chosen);
      }
      System.arraycopy(e.equityPath(), 0, stitched, testStart - inSample, testEnd - testStart);
      capital = e.equityPath()[testEnd - testStart - 1];
      folds.add(new WalkForwardResult.Fold<>(start, testStart, testEnd, chosen,
          inSampleMetrics[best], oos));
    }
    return new WalkForwardResult<>(backtest.index().slice(inSample, rows), folds, stitched,
        backtest.config(), backtest.frequencyOfData(), backtest.index(), outOfSample, metric);
  }

  /** The out-of-sample piece from {@code testStart} lost everything: there is nothing to chain. */
  private IllegalArgumentException wipedOut(double[] equity, int testStart, P chosen) {
    int t = 0;
    while (equity[t] > 0) {
      t++;
    }
    return new IllegalArgumentException("The out-of-sample fold from "
        + backtest.index().label(testStart) + " trading " + ParameterSweep.describe(chosen)
        + " wiped out the account: equity " + equity[t] + " on "
        + backtest.index().label(testStart + t) + "; later folds would start without capital");
  }

  private boolean better(double a, double b) {
    return metric.higherIsBetter() ? a > b : a < b;
  }
}
