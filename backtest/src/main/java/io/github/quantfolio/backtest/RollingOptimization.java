package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.ExpectedReturns;
import io.github.quantfolio.optimize.MeanVariance;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.CovarianceEstimator;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Many portfolio optimisations at once: one optimisation per decision date on the trailing
 * window of prices, each a pure job for a {@link JobExecutor} (local threads by default, or a
 * cluster), e.g. an efficient frontier per month end over ten years ({@link #frontiers}).
 *
 * <p>Decision rows are {@code lookback - 1}, {@code lookback - 1 + step}, ... up to the last row;
 * the window of decision row {@code t} is price rows {@code [t - lookback + 1, t]} (no later
 * price, so no look-ahead). The optimiser's own NaN rules apply to the window (e.g. an asset not
 * yet listed); a failure is reported with its date.
 *
 * <pre>{@code
 * List<RollingOptimization.Dated<RollingOptimization.Frontier>> f =
 *     RollingOptimization.frontiers(prices, 504, 21, 20).run();
 * }</pre>
 *
 * @param <R> the result of one optimisation (serializable for a distributed executor)
 * @since 0.1.0
 */
public final class RollingOptimization<R> {

  private final PriceFrame prices;
  private final int lookback;
  private final int step;
  private final Function<? super PriceFrame, ? extends R> optimizer;
  private final JobExecutor executor;

  private RollingOptimization(PriceFrame prices, int lookback, int step,
      Function<? super PriceFrame, ? extends R> optimizer, JobExecutor executor) {
    this.prices = prices;
    this.lookback = lookback;
    this.step = step;
    this.optimizer = optimizer;
    this.executor = executor;
  }

  /**
   * One run of {@code optimizer} per decision date (see the class comment), on the local
   * executor with all processors.
   *
   * @param <R> the result type
   * @param prices the prices, at least {@code lookback} rows, not null
   * @param lookback the window length in rows, &gt;= 2
   * @param step rows between decision dates, &gt;= 1
   * @param optimizer the optimisation of one window: pure (same window, same result), not null;
   *     serializable for a distributed executor
   * @return the run
   */
  public static <R> RollingOptimization<R> of(PriceFrame prices, int lookback, int step,
      Function<? super PriceFrame, ? extends R> optimizer) {
    Checks.notNull(prices, "prices");
    Checks.notNull(optimizer, "optimizer");
    if (lookback < 2 || step < 1) {
      throw new IllegalArgumentException("Expected lookback >= 2 and step >= 1, but found "
          + lookback + " and " + step);
    }
    if (prices.rows() < lookback) {
      throw new IllegalArgumentException("Expected at least lookback = " + lookback
          + " rows of prices, but found " + prices.rows());
    }
    return new RollingOptimization<>(prices, lookback, step, optimizer, JobExecutor.local());
  }

  /**
   * The efficient frontier per decision date: {@code points} long-only portfolios (weights in
   * [0, 1], summing to 1) from the minimum-volatility one to the highest attainable return, by
   * {@link MeanVariance#efficientFrontier(int)} on the window's
   * {@link ExpectedReturns#meanHistorical(PriceFrame)} (compounded, annualised) and its Ledoit-Wolf
   * covariance ({@link CovarianceEstimator#ledoitWolf()}, annualised).
   *
   * @param prices the prices, at least {@code lookback} rows, not null
   * @param lookback the window length in rows, &gt;= 2
   * @param step rows between decision dates, &gt;= 1
   * @param points frontier points per date, &gt;= 2
   * @return the run
   */
  public static RollingOptimization<Frontier> frontiers(PriceFrame prices, int lookback, int step,
      int points) {
    if (points < 2) {
      throw new IllegalArgumentException("Expected points >= 2, but found " + points);
    }
    return of(prices, lookback, step, new FrontierOf(points));
  }

  /**
   * A copy whose optimisations go to {@code executor}; results do not depend on it.
   *
   * @param executor where the optimisations run, not null
   * @return a copy running on {@code executor}
   */
  public RollingOptimization<R> withExecutor(JobExecutor executor) {
    return new RollingOptimization<>(prices, lookback, step, optimizer,
        Checks.notNull(executor, "executor"));
  }

  /**
   * Runs one optimisation per decision date.
   *
   * @return the results in date order
   * @throws IllegalArgumentException if an optimisation fails (its date and window named)
   */
  public List<Dated<R>> run() {
    int[] rows = decisionRows();
    List<R> values = executor.runAll(new Jobs<>(prices, lookback, rows, optimizer));
    List<Dated<R>> out = new ArrayList<>(rows.length);
    for (int k = 0; k < rows.length; k++) {
      out.add(new Dated<>(rows[k], prices.index().label(rows[k]), values.get(k)));
    }
    return List.copyOf(out);
  }

  private int[] decisionRows() {
    int n = (prices.rows() - lookback) / step + 1;
    int[] rows = new int[n];
    for (int k = 0; k < n; k++) {
      rows[k] = lookback - 1 + k * step;
    }
    return rows;
  }

  /** The decision dates, the window and the executor. */
  @Override
  public String toString() {
    return "RollingOptimization: " + decisionRows().length + " decision dates, every " + step
        + " rows on a " + lookback + "-row window of " + prices.assets().size() + " assets, "
        + executor;
  }

  /**
   * One optimisation's result and its decision date.
   *
   * @param <R> the result type
   * @param row the decision row of the prices (the window's last row)
   * @param date the decision date as the index labels it
   * @param value the optimisation's result
   */
  public record Dated<R>(int row, String date, R value) {
  }

  /**
   * An efficient frontier: point {@code k} has annualised expected return
   * {@code expectedReturns[k]}, annualised volatility {@code volatilities[k]} and weights
   * {@code weights[k]} (one per asset, in {@code assets} order). Arrays are not copied.
   *
   * @param assets the asset names
   * @param expectedReturns annualised expected return per point (fraction), increasing
   * @param volatilities annualised volatility per point (fraction)
   * @param weights weights per point, each summing to 1
   * @serial exclude
   */
  public record Frontier(List<String> assets, double[] expectedReturns, double[] volatilities,
      double[][] weights) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The number of points and the return and volatility range, in percent. */
    @Override
    public String toString() {
      int n = expectedReturns.length;
      return String.format(java.util.Locale.ROOT, "Frontier of %d points: return %.2f%% .. %.2f%%,"
          + " volatility %.2f%% .. %.2f%% (annualised)", n, 100 * expectedReturns[0],
          100 * expectedReturns[n - 1], 100 * volatilities[0], 100 * volatilities[n - 1]);
    }

    /** Equal assets and element-wise equal arrays (bit for bit). */
    @Override
    public boolean equals(Object o) {
      return o instanceof Frontier f && assets.equals(f.assets)
          && Arrays.equals(expectedReturns, f.expectedReturns)
          && Arrays.equals(volatilities, f.volatilities) && Arrays.deepEquals(weights, f.weights);
    }

    @Override
    public int hashCode() {
      return assets.hashCode() * 31 + Arrays.hashCode(expectedReturns);
    }
  }

  /** The built-in frontier optimisation (serializable, so that it travels). */
  private record FrontierOf(int points) implements Function<PriceFrame, Frontier>, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public Frontier apply(PriceFrame window) {
      List<OptimalPortfolio> f = MeanVariance.of(ExpectedReturns.meanHistorical(window),
          CovarianceEstimator.ledoitWolf().estimate(window.returns())).efficientFrontier(points);
      int n = f.size();
      double[] ret = new double[n];
      double[] vol = new double[n];
      double[][] w = new double[n][];
      for (int k = 0; k < n; k++) {
        ret[k] = f.get(k).expectedReturn();
        vol[k] = f.get(k).volatility();
        w[k] = f.get(k).weights().toArray();
      }
      return new Frontier(window.assets(), ret, vol, w);
    }
  }

  /** One job per decision row; serialized with the prices as primitive arrays. */
  private static final class Jobs<R> implements JobBatch<R> {

    private static final long serialVersionUID = 1L;

    private final int lookback;
    private final int[] rows;
    private final Function<? super PriceFrame, ? extends R> optimizer;
    private transient PriceFrame prices;

    Jobs(PriceFrame prices, int lookback, int[] rows,
        Function<? super PriceFrame, ? extends R> optimizer) {
      this.prices = prices;
      this.lookback = lookback;
      this.rows = rows;
      this.optimizer = optimizer;
    }

    @Override
    public int size() {
      return rows.length;
    }

    @Override
    public R run(int job) {
      int t = rows[job];
      PriceFrame window = prices.slice(t - lookback + 1, t + 1);
      try {
        return optimizer.apply(window);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Optimisation on " + describe(job) + " failed: "
            + e.getMessage(), e);
      }
    }

    @Override
    public String describe(int job) {
      int t = rows[job];
      return prices.index().label(t) + " (window " + prices.index().label(t - lookback + 1)
          + " .. " + prices.index().label(t) + ")";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      out.defaultWriteObject();
      TimeIndex idx = prices.index();
      out.writeObject(idx.kind());
      out.writeObject(idx.values());
      out.writeObject(prices.assets().toArray(new String[0]));
      double[][] cols = new double[prices.assets().size()][];
      for (int i = 0; i < cols.length; i++) {
        cols[i] = prices.column(i);
      }
      out.writeObject(cols);
      out.writeDouble(prices.frequency().periodsPerYear());
      out.writeUTF(prices.frequency().name());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      TimeIndex.Kind kind = (TimeIndex.Kind) in.readObject();
      long[] values = (long[]) in.readObject();
      String[] assets = (String[]) in.readObject();
      double[][] cols = (double[][]) in.readObject();
      double ppy = in.readDouble();
      String name = in.readUTF();
      TimeIndex idx = kind == TimeIndex.Kind.DATE ? TimeIndex.ofEpochDays(values)
          : TimeIndex.ofEpochMillis(values);
      prices = PriceFrame.of(idx, List.of(assets), cols, BacktestWire.frequency(name, ppy));
    }
  }
}
