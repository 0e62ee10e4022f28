package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a strategy for every parameter set of a grid on every asset of a {@link Backtest}, each
 * (parameters, asset) pair as its own single-asset backtest, in parallel. Results are identical
 * for any thread count (each run is independent and lands in its own slot); memory is
 * {@code O(threads x T)} plus one {@link SweepMetrics} per run, unless equity curves are kept.
 * The runs are pure jobs handed to a {@link JobExecutor}: the local threads by default, or e.g.
 * a Spark cluster ({@link #withExecutor(JobExecutor)}), with identical results.
 *
 * <pre>{@code
 * List<SmaCrossover> grid = new ArrayList<>();
 * for (int f = 5; f <= 50; f += 5) for (int s = f + 10; s <= 200; s += 10) grid.add(new SmaCrossover(f, s));
 * SweepResult<SmaCrossover> r = ParameterSweep.of(Backtest.of(bars), grid, p -> p).run();
 * System.out.println(r.sortedBy(SweepMetric.SHARPE).table(10));
 * }</pre>
 *
 * @param <P> the parameter type
 * @since 0.1.0
 */
public final class ParameterSweep<P> {

  private final Backtest backtest;
  private final List<P> grid;
  private final Function<? super P, ? extends Strategy> strategyOf;
  private final JobExecutor executor;
  private final boolean keepEquity;

  private ParameterSweep(Backtest backtest, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf, JobExecutor executor,
      boolean keepEquity) {
    this.backtest = backtest;
    this.grid = grid;
    this.strategyOf = strategyOf;
    this.executor = executor;
    this.keepEquity = keepEquity;
  }

  /**
   * A sweep of {@code grid} (copied) on every asset of {@code backtest} (its config, exits and
   * sizing apply to every run), using all available processors.
   *
   * @param <P> the parameter type
   * @param backtest the data and settings of every run, not null
   * @param grid the parameter sets to run, at least one (copied)
   * @param strategyOf builds the strategy of a parameter set (e.g. {@code p -> p} when the
   *     parameters are a {@link Strategy} record)
   * @return the sweep
   */
  public static <P> ParameterSweep<P> of(Backtest backtest, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf) {
    return new ParameterSweep<>(backtest, checkedGrid(backtest, grid, strategyOf), strategyOf,
        JobExecutor.local(), false);
  }

  /** The arguments of a sweep checked (non-null, a non-empty grid), and the grid copied. */
  static <P> List<P> checkedGrid(Backtest backtest, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf) {
    Checks.notNull(backtest, "backtest");
    Checks.notNull(grid, "grid");
    Checks.notNull(strategyOf, "strategyOf");
    if (grid.isEmpty()) {
      throw new IllegalArgumentException("Expected a non-empty parameter grid");
    }
    return List.copyOf(grid);
  }

  /**
   * A copy running on {@code threads} threads (&gt;= 1); results do not depend on it.
   *
   * @param threads the number of worker threads, &gt;= 1
   * @return a copy running on {@code threads} threads
   */
  public ParameterSweep<P> withThreads(int threads) {
    Checks.positive(threads, "threads");
    return new ParameterSweep<>(backtest, grid, strategyOf, JobExecutor.local(threads),
        keepEquity);
  }

  /**
   * A copy whose runs go to {@code executor} (e.g. a Spark cluster); results do not depend on
   * it. A distributed executor serializes the sweep: the parameter sets and {@code strategyOf}
   * must then be {@link java.io.Serializable}.
   *
   * @param executor where the runs go, not null
   * @return a copy running on {@code executor}
   * @since 0.1.0
   */
  public ParameterSweep<P> withExecutor(JobExecutor executor) {
    return new ParameterSweep<>(backtest, grid, strategyOf, Checks.notNull(executor, "executor"),
        keepEquity);
  }

  /**
   * A copy that keeps every run's equity curve (memory {@code O(runs x T)}).
   *
   * @return a copy whose rows keep their equity curves
   */
  public ParameterSweep<P> keepingEquity() {
    return new ParameterSweep<>(backtest, grid, strategyOf, executor, true);
  }

  /**
   * Runs every (parameters, asset) pair; rows in grid-major, then asset order.
   *
   * @return one row per (parameters, asset) pair, in grid-major, then asset order
   */
  public SweepResult<P> run() {
    SweepJobs jobs = new SweepJobs(backtest, List.of(SweepJobs.Family.of(null, grid, strategyOf)),
        keepEquity); // checks every parameter set before any run
    return rowsOf(jobs, 0, executor.runAll(jobs), grid, strategyOf);
  }

  /**
   * The result of family {@code f} of {@code jobs}, from the outcomes of all its jobs; the rows
   * of the family's grid in grid-major, then asset order.
   */
  static <P> SweepResult<P> rowsOf(SweepJobs jobs, int f, List<double[]> outcomes,
      List<P> grid, Function<? super P, ? extends Strategy> strategyOf) {
    Backtest backtest = jobs.backtest();
    List<String> assets = backtest.assets();
    int nAssets = assets.size();
    int from = jobs.offset(f);
    int n = grid.size() * nAssets;
    @SuppressWarnings("unchecked")
    SweepRow<P>[] rows = new SweepRow[n];
    for (int k = 0; k < n; k++) {
      double[] o = outcomes.get(from + k);
      rows[k] = new SweepRow<>(grid.get(k / nAssets), assets.get(k % nAssets),
          SweepJobs.metricsOf(o), jobs.equityOf(o));
    }
    double fpy = backtest.frequencyOfData().periodsPerYear();
    double rf = Math.pow(1 + backtest.config().riskFreeRate(), 1 / fpy) - 1;
    return new SweepResult<>(List.of(rows), fpy, row -> {
      Backtest single = backtest.asset(assets.indexOf(row.asset()));
      Engine e = single.engine(single.signalPolicy(List.of(single.signalsOf(
          strategyOf.apply(row.parameters()), 0))), false);
      double[] eq = e.equityPath();
      double[] r = new double[eq.length];
      double prev = backtest.config().initialCapital();
      for (int t = 0; t < r.length; t++) {
        r[t] = eq[t] / prev - 1 - rf;
        prev = eq[t];
      }
      return r;
    });
  }

  /**
   * What this sweep runs: the grid (size, first and last parameter set), the assets and runs, the
   * threads, whether equity curves are kept, then the backtest it runs on.
   */
  @Override
  public String toString() {
    return "ParameterSweep: " + gridInWords(grid) + " x " + backtest.assets().size()
        + (backtest.assets().size() == 1 ? " asset = " : " assets = ")
        + grid.size() * backtest.assets().size() + " single-asset runs, " + executor
        + ", equity curves " + (keepEquity ? "kept" : "dropped") + "\n" + backtest;
  }

  /** A grid in words: its size and its first and last parameter sets. */
  static String gridInWords(List<?> grid) {
    return grid.size() + (grid.size() == 1 ? " parameter set (" + describe(grid.get(0)) + ")"
        : " parameter sets (" + describe(grid.get(0)) + " .. "
            + describe(grid.get(grid.size() - 1)) + ")");
  }

  /** A parameter set in words: arrays by their elements (not {@code [I@1b6d3586}). */
  static String describe(Object parameters) {
    String s = java.util.Arrays.deepToString(new Object[] {parameters});
    return s.substring(1, s.length() - 1);
  }

  static SweepMetrics summarize(Engine engine, BacktestConfig config, Frequency f) {
    return SweepMetrics.of(engine.equityPath(), config.initialCapital(), f, config.riskFreeRate(),
        engine.tradeCount(), engine.closedTradeCount(), engine.winningTradeCount(),
        engine.barsInvested());
  }
}
