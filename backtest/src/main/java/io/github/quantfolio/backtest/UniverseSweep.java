package io.github.quantfolio.backtest;

import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Several strategy families, each with its own parameter grid, on every asset of a universe:
 * {@code sum over families of (grid size x assets)} single-asset backtests submitted to one
 * {@link JobExecutor} as a single batch (so a cluster balances all of them at once). Each
 * family's result is exactly what a {@link ParameterSweep} of that family alone gives.
 *
 * <pre>{@code
 * Map<String, SweepResult<?>> r = UniverseSweep.of(Backtest.of(universe))
 *     .with("sma", smaGrid, p -> p)
 *     .with("breakout", breakoutGrid, p -> p)
 *     .run();
 * System.out.println(r.get("sma").sortedBy(SweepMetric.SHARPE).table(5));
 * }</pre>
 *
 * <p>Immutable; the {@code with...} methods return copies.
 *
 * @since 0.1.0
 */
public final class UniverseSweep {

  private final Backtest backtest;
  private final List<SweepJobs.Family> families;
  private final JobExecutor executor;
  private final boolean keepEquity;

  private UniverseSweep(Backtest backtest, List<SweepJobs.Family> families, JobExecutor executor,
      boolean keepEquity) {
    this.backtest = backtest;
    this.families = families;
    this.executor = executor;
    this.keepEquity = keepEquity;
  }

  /**
   * An empty universe run on {@code backtest}'s assets (its config, exits and sizing apply to
   * every run), on the local executor with all processors.
   *
   * @param backtest the universe and the settings of every run, not null
   * @return a run without families yet (add them with {@link #with})
   */
  public static UniverseSweep of(Backtest backtest) {
    return new UniverseSweep(Checks.notNull(backtest, "backtest"), List.of(),
        JobExecutor.local(), false);
  }

  /**
   * A copy with one more strategy family.
   *
   * @param <P> the family's parameter type
   * @param name the family's name, unique in this run, not blank
   * @param grid the family's parameter sets, at least one (copied)
   * @param strategyOf builds the strategy of a parameter set, not null
   * @return a copy with the family added after the existing ones
   * @throws IllegalArgumentException if the name is blank or taken, or the grid is empty
   */
  public <P> UniverseSweep with(String name, List<P> grid,
      Function<? super P, ? extends Strategy> strategyOf) {
    Checks.notNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("Expected a non-blank family name, but found '" + name
          + "'");
    }
    for (SweepJobs.Family f : families) {
      if (f.name().equals(name)) {
        throw new IllegalArgumentException("Family '" + name + "' is already in this run");
      }
    }
    List<P> checked = ParameterSweep.checkedGrid(backtest, grid, strategyOf);
    List<SweepJobs.Family> more = new ArrayList<>(families);
    more.add(SweepJobs.Family.of(name, checked, strategyOf));
    return new UniverseSweep(backtest, List.copyOf(more), executor, keepEquity);
  }

  /**
   * A copy whose runs go to {@code executor}; results do not depend on it (a distributed
   * executor needs serializable parameter sets and strategy builders).
   *
   * @param executor where the runs go, not null
   * @return a copy running on {@code executor}
   */
  public UniverseSweep withExecutor(JobExecutor executor) {
    return new UniverseSweep(backtest, families, Checks.notNull(executor, "executor"),
        keepEquity);
  }

  /**
   * A copy that keeps every run's equity curve (memory {@code O(runs x T)}; a distributed
   * executor sends them all back to the caller).
   *
   * @return a copy whose rows keep their equity curves
   */
  public UniverseSweep keepingEquity() {
    return new UniverseSweep(backtest, families, executor, true);
  }

  /**
   * The number of single-asset runs: the sum of the grid sizes times the number of assets.
   *
   * @return the number of runs
   */
  public long runs() {
    long n = 0;
    for (SweepJobs.Family f : families) {
      n += (long) f.grid().size() * backtest.assets().size();
    }
    return n;
  }

  /**
   * Runs every (family, parameter set, asset) triple; every parameter set of every family is
   * checked (it builds a strategy whose warm-up fits every asset) before any run.
   *
   * @return each family's result by name, in the order the families were added (unmodifiable);
   *     a family's rows are in grid-major, then asset order
   * @throws IllegalStateException if no family was added
   * @throws IllegalArgumentException if a parameter set is invalid (named), or a run fails
   */
  public Map<String, SweepResult<?>> run() {
    if (families.isEmpty()) {
      throw new IllegalStateException("No strategy family: add one with with(name, grid, "
          + "strategyOf)");
    }
    SweepJobs jobs = new SweepJobs(backtest, families, keepEquity);
    List<double[]> outcomes = executor.runAll(jobs);
    Map<String, SweepResult<?>> out = new LinkedHashMap<>();
    for (int f = 0; f < families.size(); f++) {
      SweepJobs.Family fam = families.get(f);
      out.put(fam.name(), ParameterSweep.rowsOf(jobs, f, outcomes, fam.grid(),
          fam.strategyOf()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The families (name, grid size), assets, runs and executor, then the backtest. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("UniverseSweep: ");
    for (int f = 0; f < families.size(); f++) {
      SweepJobs.Family fam = families.get(f);
      sb.append(f == 0 ? "" : ", ").append(fam.name()).append(" (")
          .append(ParameterSweep.gridInWords(fam.grid())).append(')');
    }
    if (families.isEmpty()) {
      sb.append("no families");
    }
    return sb.append(" x ").append(backtest.assets().size()).append(" assets = ").append(runs())
        .append(" single-asset runs, ").append(executor).append(", equity curves ")
        .append(keepEquity ? "kept" : "dropped").append('\n').append(backtest).toString();
  }
}
