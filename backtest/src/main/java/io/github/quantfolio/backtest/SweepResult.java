package io.github.quantfolio.backtest;

import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The rows of a {@link ParameterSweep}, sortable by any metric, with the deflated Sharpe ratio of
 * the best row as an overfitting check ({@link #deflatedSharpeRatio()}). Immutable.
 *
 * @param <P> the parameter type
 * @since 0.1.0
 */
public final class SweepResult<P> {

  private final List<SweepRow<P>> rows;
  private final double periodsPerYear;
  private final Function<SweepRow<P>, double[]> excessReturns; // re-runs a row (deterministic)
  private final String order; // how the rows are ordered, in words (for toString)
  private static final String GRID_ORDER = "in grid order";

  SweepResult(List<SweepRow<P>> rows, double periodsPerYear,
      Function<SweepRow<P>, double[]> excessReturns) {
    this(rows, periodsPerYear, excessReturns, GRID_ORDER);
  }

  private SweepResult(List<SweepRow<P>> rows, double periodsPerYear,
      Function<SweepRow<P>, double[]> excessReturns, String order) {
    this.rows = List.copyOf(rows);
    this.periodsPerYear = periodsPerYear;
    this.excessReturns = excessReturns;
    this.order = order;
  }

  /**
   * All rows, in grid-major then asset order (or sorted order, for a sorted copy).
   *
   * @return all rows, in grid-major then asset order (or sorted order, for a sorted copy)
   */
  public List<SweepRow<P>> rows() {
    return rows;
  }

  /**
   * The number of runs.
   *
   * @return the number of runs
   */
  public int size() {
    return rows.size();
  }

  /**
   * A copy sorted best first by {@code metric} (its natural direction); runs that wiped out the
   * account come last, after NaN values, whatever the metric.
   *
   * @param metric the metric to sort by, not null
   * @return a sorted copy of this result
   */
  public SweepResult<P> sortedBy(SweepMetric metric) {
    Checks.notNull(metric, "metric");
    Comparator<SweepRow<P>> byValue = Comparator.comparingDouble(r -> r.metrics().get(metric));
    if (metric.higherIsBetter()) {
      byValue = byValue.reversed();
    }
    Comparator<SweepRow<P>> wipedLast = Comparator.comparing(r -> r.metrics().wipedOut());
    Comparator<SweepRow<P>> nanLast = Comparator.comparing(
        r -> Double.isNaN(r.metrics().get(metric)));
    List<SweepRow<P>> sorted = new ArrayList<>(rows);
    sorted.sort(wipedLast.thenComparing(nanLast).thenComparing(byValue));
    return new SweepResult<>(sorted, periodsPerYear, excessReturns,
        "sorted by " + metric + " (best first)");
  }

  /**
   * A copy sorted by any comparator.
   *
   * @param comparator the order of the rows, not null
   * @return a sorted copy of this result
   */
  public SweepResult<P> sortedBy(Comparator<? super SweepRow<P>> comparator) {
    List<SweepRow<P>> sorted = new ArrayList<>(rows);
    sorted.sort(Checks.notNull(comparator, "comparator"));
    return new SweepResult<>(sorted, periodsPerYear, excessReturns,
        "in the order of the comparator given to sortedBy");
  }

  /**
   * The best row by {@code metric} (ties: the first in grid order; a run that wiped out the
   * account only if every run did).
   *
   * @param metric the metric to rank by, not null
   * @return the best row by {@code metric}
   */
  public SweepRow<P> best(SweepMetric metric) {
    return sortedBy(metric).rows.get(0);
  }

  /**
   * The rows of {@code asset}.
   *
   * @param asset an asset of the sweep (any other name, null included, gives an empty list)
   * @return the rows of {@code asset}, in this result's order
   */
  public List<SweepRow<P>> rowsOf(String asset) {
    return rows.stream().filter(r -> r.asset().equals(asset)).toList();
  }

  /**
   * Every run's annualised Sharpe ratio, in row order (NaN kept).
   *
   * @return every run's annualised Sharpe ratio, in row order (NaN kept)
   */
  public double[] sharpeRatios() {
    double[] s = new double[rows.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = rows.get(i).metrics().sharpeRatio();
    }
    return s;
  }

  /**
   * The deflated Sharpe ratio (Bailey &amp; Lopez de Prado 2014) of the row with the best Sharpe
   * ratio: the probability that its true Sharpe ratio exceeds the maximum expected from this many
   * trials by luck alone. See {@link #deflatedSharpeRatio(SweepRow)}.
   *
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException as {@link #deflatedSharpeRatio(SweepRow)}
   */
  public double deflatedSharpeRatio() {
    return deflatedSharpeRatio(best(SweepMetric.SHARPE));
  }

  /**
   * The deflated Sharpe ratio of {@code row} against all rows of this sweep as the trials:
   * {@link SharpeStatistics#deflatedSharpeRatio(double[], double[])} of the row's per-bar returns
   * in excess of the risk-free rate (re-run from its parameters) and the per-period Sharpe ratios
   * of every row with a defined one. Values near 1 say the result survives the number of trials;
   * below 0.95 it is not significant at 5%.
   *
   * @param row a row of this sweep, not null
   * @return a probability in [0, 1]
   * @throws IllegalArgumentException if the row's run wiped out the account, fewer than 2 rows have
   *     a finite Sharpe ratio, or the row has fewer than 4 bars or constant returns (see
   *     {@link SharpeStatistics#deflatedSharpeRatio(double[], double[])})
   */
  public double deflatedSharpeRatio(SweepRow<P> row) {
    Checks.notNull(row, "row");
    if (row.metrics().wipedOut()) {
      throw new IllegalArgumentException("The run " + ParameterSweep.describe(row.parameters())
          + " on '" + row.asset()
          + "' wiped out the account: its Sharpe ratio, and so its deflated Sharpe ratio, is "
          + "undefined");
    }
    double root = Math.sqrt(periodsPerYear);
    double[] trials = rows.stream().mapToDouble(r -> r.metrics().sharpeRatio())
        .filter(Double::isFinite).map(v -> v / root).toArray();
    if (trials.length < 2) {
      throw new IllegalArgumentException("Expected at least 2 rows with a finite Sharpe ratio, "
          + "but found " + trials.length);
    }
    return SharpeStatistics.deflatedSharpeRatio(excessReturns.apply(row), trials);
  }

  /**
   * The first {@code top} rows (in this result's order) as a text table, under a line that says
   * what the columns mean: return, CAGR and max drawdown as fractions, the Sharpe ratio
   * annualised over the risk-free rate, "win" the per-trade win rate of closed round trips; "-"
   * for an undefined value (e.g. the CAGR of a run shorter than a year). A last line counts the
   * rows not shown.
   *
   * @param top the number of rows shown, at least 1
   * @return the table
   */
  public String table(int top) {
    Checks.positive(top, "top");
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "return, CAGR, maxDD: fractions; Sharpe: annualised, rf "
        + "%s%% a year; win: per-trade win rate of closed round trips%n",
        io.github.quantfolio.core.internal.TextTable.num(
            100 * rows.get(0).metrics().riskFreeRate(), 2)));
    sb.append(String.format(Locale.ROOT, "%-8s %-40s %9s %8s %8s %8s %7s %7s%n", "asset",
        "parameters", "return", "CAGR", "Sharpe", "maxDD", "trades", "win"));
    for (int i = 0; i < Math.min(top, rows.size()); i++) {
      SweepRow<P> r = rows.get(i);
      SweepMetrics m = r.metrics();
      String p = ParameterSweep.describe(r.parameters());
      if (p.length() > 40) {
        p = p.substring(0, 37) + "...";
      }
      sb.append(String.format(Locale.ROOT, "%-8s %-40s %9s %8s %8s %8s %7d %7s%s%n",
          r.asset(), p, cell(m.totalReturn(), 4), cell(m.cagr(), 4), cell(m.sharpeRatio(), 3),
          cell(m.maxDrawdown(), 4), m.trades(), cell(m.winRate(), 3),
          m.wipedOut() ? "  wiped out" : ""));
    }
    if (top < rows.size()) {
      sb.append("... ").append(rows.size() - top).append(" more row")
          .append(rows.size() - top == 1 ? "" : "s").append(" (table(k) shows k, rows() all)\n");
    }
    return sb.toString();
  }

  private static String cell(double v, int decimals) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * The number of runs and how the rows are ordered, then the best 10 as a
   * {@link #table(int) table}: in this result's order if it was sorted, else sorted by Sharpe
   * ratio (the rows themselves stay in grid order), with a line counting the rows not shown.
   */
  @Override
  public String toString() {
    SweepResult<P> shown = order.equals(GRID_ORDER) ? sortedBy(SweepMetric.SHARPE) : this;
    int top = Math.min(10, rows.size());
    return rows.size() + " runs, " + shown.order + (top < rows.size() ? ", the first " + top : "")
        + ":\n" + shown.table(top);
  }
}
