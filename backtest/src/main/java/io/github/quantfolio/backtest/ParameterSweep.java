package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import io.github.quantfolio.backtest.internal.Parallel;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a strategy for every parameter set of a grid on every asset of a {@link Backtest}, each
 * (parameters, asset) pair as its own single-asset backtest, in parallel. Results are identical
 * for any thread count (each run is independent and lands in its own slot); memory is
 * {@code O(threads x T)} plus one {@link SweepMetrics} per run, unless equity curves are kept.
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
  private final int threads;
  private final boolean keepEquity;

  private ParameterSweep(Backtest backtest, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf, int threads, boolean keepEquity) {
    this.backtest = backtest;
    this.grid = grid;
    this.strategyOf = strategyOf;
    this.threads = threads;
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
        Runtime.getRuntime().availableProcessors(), false);
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
    return new ParameterSweep<>(backtest, grid, strategyOf, threads, keepEquity);
  }

  /**
   * A copy that keeps every run's equity curve (memory {@code O(runs x T)}).
   *
   * @return a copy whose rows keep their equity curves
   */
  public ParameterSweep<P> keepingEquity() {
    return new ParameterSweep<>(backtest, grid, strategyOf, threads, true);
  }

  /**
   * Runs every (parameters, asset) pair; rows in grid-major, then asset order.
   *
   * @return one row per (parameters, asset) pair, in grid-major, then asset order
   */
  public SweepResult<P> run() {
    List<String> assets = backtest.assets();
    int nAssets = assets.size();
    Backtest[] single = new Backtest[nAssets];
    for (int i = 0; i < nAssets; i++) {
      single[i] = backtest.asset(i);
    }
    for (P p : grid) { // before any run: data too short for a warm-up is the grid's error
      Strategy s = strategyOf.apply(p);
      for (Backtest b : single) {
        b.requireWarmUp(s);
      }
    }
    int jobs = grid.size() * nAssets;
    @SuppressWarnings("unchecked")
    SweepRow<P>[] rows = new SweepRow[jobs];
    Parallel.forEach(jobs, threads, "quantfolio-sweep", job -> {
      P p = grid.get(job / nAssets);
      int a = job % nAssets;
      try {
        rows[job] = runOne(single[a], p, assets.get(a));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Sweep run " + describe(p) + " on '" + assets.get(a)
            + "' failed: " + e.getMessage(), e);
      }
    });
    double f = backtest.frequencyOfData().periodsPerYear();
    double rf = Math.pow(1 + backtest.config().riskFreeRate(), 1 / f) - 1;
    return new SweepResult<>(List.of(rows), f, row -> {
      int a = assets.indexOf(row.asset());
      Engine e = single[a].engine(single[a].signalPolicy(List.of(single[a].signalsOf(
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

  private SweepRow<P> runOne(Backtest bt, P p, String asset) {
    Strategy s = strategyOf.apply(p);
    Engine engine = bt.engine(bt.signalPolicy(List.of(bt.signalsOf(s, 0))), false);
    return new SweepRow<>(p, asset, summarize(engine, bt.config(), bt.frequencyOfData()),
        keepEquity ? engine.equityPath() : null);
  }

  /**
   * What this sweep runs: the grid (size, first and last parameter set), the assets and runs, the
   * threads, whether equity curves are kept, then the backtest it runs on.
   */
  @Override
  public String toString() {
    return "ParameterSweep: " + gridInWords(grid) + " x " + backtest.assets().size()
        + (backtest.assets().size() == 1 ? " asset = " : " assets = ")
        + grid.size() * backtest.assets().size() + " single-asset runs, " + threads
        + " threads, equity curves " + (keepEquity ? "kept" : "dropped") + "\n" + backtest;
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
