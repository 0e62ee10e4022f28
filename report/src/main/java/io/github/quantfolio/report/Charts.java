package io.github.quantfolio.report;

import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.optimize.HierarchicalRiskParity;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.report.internal.Clustering;
import io.github.quantfolio.risk.CalendarReturns;
import io.github.quantfolio.risk.CorrelationMatrix;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.Drawdowns;
import io.github.quantfolio.risk.Metrics;
import io.github.quantfolio.risk.PortfolioRisk;
import io.github.quantfolio.risk.VarMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The ready-made chart kinds of a quant tearsheet, each with a title, axis labels with units and
 * a legend. Every number drawn comes from the library's own functions ({@link Metrics},
 * {@link Drawdowns}, {@link CalendarReturns}, {@link PortfolioRisk}, the optimizers), never from
 * a second implementation here; the only arithmetic is the growth of 1 ({@code prod(1 + r)}),
 * stacking and histogram counts. When the library rejects the data (a return below -100 % after
 * a wiped-out account), the chart says "cannot draw:" with the library's message. Return arrays are per-period simple returns, NaN for "no return"
 * (a late listing's leading NaN starts its line later; a NaN inside a series is a period without
 * change in a growth curve and a gap elsewhere). Inputs are not modified. Bad arguments (null,
 * lengths that differ from the index) throw; awkward data never does — the chart says what it
 * cannot draw.
 *
 * @since 0.1.0
 */
public final class Charts {

  private Charts() {
  }

  /**
   * The x value of each row of an index: epoch days (fractional for instants).
   *
   * @param index the index
   * @return days since 1970-01-01
   */
  public static double[] days(TimeIndex index) {
    Objects.requireNonNull(index, "index");
    double[] d = new double[index.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = index.kind() == TimeIndex.Kind.DATE ? index.value(i)
          : index.epochMillis(i) / 86_400_000.0;
    }
    return d;
  }

  /**
   * The growth of 1 invested: {@code g[t] = prod_{s<=t} (1 + r[s])}; NaN before the first valid
   * return (not invested yet), a NaN return later counts as no change.
   *
   * @param returns per-period simple returns
   * @return the growth path, same length (a new array)
   */
  public static double[] growth(double[] returns) {
    double[] g = new double[returns.length];
    double v = 1;
    boolean started = false;
    for (int t = 0; t < returns.length; t++) {
      double r = returns[t];
      if (r == r) {
        started = true;
        v *= 1 + r;
      }
      g[t] = started ? v : Double.NaN;
    }
    return g;
  }

  private static void sameLength(TimeIndex index, double[] values, String name) {
    Objects.requireNonNull(values, name);
    if (values.length != index.size()) {
      throw new IllegalArgumentException("Expected " + name + " of length " + index.size()
          + " (the index), but found " + values.length);
    }
  }

  /**
   * Cumulative returns ("growth of 1") of several series on one date axis, linear or log. The
   * first series is drawn thick in blue (the strategy), the others in the next palette colours
   * (a benchmark dashed when it is the second).
   *
   * @param index the dates of the returns
   * @param returns series name to per-period returns, in legend order (at least one)
   * @param log whether the y axis is logarithmic (equal distances = equal percentage moves)
   * @return the chart
   */
  public static Chart equity(TimeIndex index, Map<String, double[]> returns, boolean log) {
    return equity(index, returns, Map.of(), log);
  }

  /**
   * Cumulative returns of a portfolio (first series) and a benchmark (second, dashed) in front of
   * its assets' own growth drawn thin and grey (one legend entry "Assets (N)"; each reduced to
   * 200 columns by {@link Downsample#minMax}, enough for a background line).
   *
   * @param index the dates
   * @param returns series name to per-period returns, in legend order (at least one)
   * @param assets asset name to per-period returns (may be empty), drawn behind
   * @param log whether the y axis is logarithmic
   * @return the chart
   */
  public static Chart equity(TimeIndex index, Map<String, double[]> returns,
      Map<String, double[]> assets, boolean log) {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(assets, "assets");
    if (returns.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one series in 'returns'");
    }
    double[] x = days(index);
    Axis y = Axis.number("Growth of 1 (x)" + (log ? ", log scale" : ""));
    Chart c = Chart.of("Cumulative returns" + (log ? " (log scale)" : ""), Axis.dates("Date"),
        log ? y.log() : y);
    boolean first = true;
    for (Map.Entry<String, double[]> e : assets.entrySet()) {
      sameLength(index, e.getValue(), "assets '" + e.getKey() + "'");
      // background lines: reduced to 200 columns up front, to keep the page small
      double[] g = growth(e.getValue());
      int[] keep = Downsample.minMax(x, g, 200);
      double[] kx = new double[keep.length];
      double[] ky = new double[keep.length];
      for (int k = 0; k < keep.length; k++) {
        kx[k] = x[keep[k]];
        ky[k] = g[keep[k]];
      }
      c = c.with(new Mark.Line(first ? "Assets (" + assets.size() + ")" : null, kx, ky,
          0xC8C8C8, 0.8, false));
      first = false;
    }
    int i = 0;
    for (Map.Entry<String, double[]> e : returns.entrySet()) {
      sameLength(index, e.getValue(), "returns '" + e.getKey() + "'");
      c = c.with(new Mark.Line(e.getKey(), x, growth(e.getValue()), Palette.series(i),
          i == 0 ? 1.8 : 1.2, i == 1));
      i++;
    }
    return c;
  }

  /**
   * The underwater plot: the fall below the running peak of wealth at each date
   * ({@link Drawdowns#underwater()}), as a filled area down from 0.
   *
   * @param index the dates
   * @param returns per-period returns (NaN = no change), at least one valid
   * @return the chart
   */
  public static Chart drawdown(TimeIndex index, double[] returns) {
    Objects.requireNonNull(index, "index");
    sameLength(index, returns, "returns");
    Chart c = Chart.of("Underwater: drawdown from the running peak", Axis.dates("Date"),
        Axis.percent("Drawdown (%)").including(0));
    if (!hasValid(returns)) {
      return c.with(new Mark.Area("Drawdown", days(index), nan(returns.length),
          nan(returns.length), Palette.VERMILLION));
    }
    try {
      double[] uw = Drawdowns.of(returns, index).underwater();
      return c.with(new Mark.Area("Drawdown", days(index), uw, new double[uw.length],
          Palette.VERMILLION));
    } catch (IllegalArgumentException e) { // e.g. a return below -100 % after a wipe-out
      return c.withNote(e.getMessage());
    }
  }

  private static boolean hasValid(double[] r) {
    for (double v : r) {
      if (v == v) {
        return true;
      }
    }
    return false;
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }

  private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  /**
   * The monthly-returns heatmap: a row per year, a column per month, each cell the month's
   * compounded return ({@link CalendarReturns#monthly()}) in percent, red for losses and blue for
   * gains on a scale symmetric around 0.
   *
   * @param calendar the calendar tables
   * @return the chart
   */
  public static Chart monthlyReturns(CalendarReturns calendar) {
    Objects.requireNonNull(calendar, "calendar");
    TreeSet<Integer> years = new TreeSet<>();
    calendar.monthly().keySet().forEach(m -> years.add(m.getYear()));
    List<String> rows = new ArrayList<>();
    double[][] v = new double[years.size()][12];
    double maxAbs = 0;
    int r = 0;
    for (int year : years) {
      rows.add(Integer.toString(year));
      for (int m = 0; m < 12; m++) {
        Double d = calendar.monthly().get(java.time.YearMonth.of(year, m + 1));
        v[r][m] = d == null ? Double.NaN : d;
        if (d != null && Double.isFinite(d)) {
          maxAbs = Math.max(maxAbs, Math.abs(d));
        }
      }
      r++;
    }
    Chart c = Chart.of("Monthly returns (%)", Axis.categories("Month", MONTHS),
        Axis.categories("", rows));
    c = c.withSize(Chart.WIDTH, Math.max(160, 70 + 22 * rows.size()));
    if (rows.isEmpty()) {
      return c;
    }
    return c.with(new Mark.Cells("Return", v, ColourScale.diverging(0, halfWidth(maxAbs)),
        Mark.CellText.PERCENT));
  }

  /** A nice symmetric scale end: the next nice number above {@code maxAbs} (0.01 if none). */
  private static double halfWidth(double maxAbs) {
    return maxAbs > 0 && Double.isFinite(maxAbs) ? Ticks.step(maxAbs) : 0.01;
  }

  /**
   * Yearly returns as bars ({@link CalendarReturns#yearly()}), side by side with a benchmark's.
   *
   * @param strategy the strategy's calendar tables
   * @param benchmark the benchmark's, or null
   * @return the chart
   */
  public static Chart yearlyReturns(CalendarReturns strategy, CalendarReturns benchmark) {
    return yearlyReturns(strategy, benchmark, "Benchmark");
  }

  /**
   * Yearly returns as bars, side by side with a named benchmark's.
   *
   * @param strategy the strategy's calendar tables
   * @param benchmark the benchmark's, or null
   * @param benchmarkName the benchmark's legend name (ignored without a benchmark)
   * @return the chart
   */
  public static Chart yearlyReturns(CalendarReturns strategy, CalendarReturns benchmark,
      String benchmarkName) {
    Objects.requireNonNull(strategy, "strategy");
    TreeSet<Integer> years = new TreeSet<>(strategy.yearly().keySet());
    if (benchmark != null) {
      years.addAll(benchmark.yearly().keySet());
    }
    List<String> cats = new ArrayList<>();
    years.forEach(y -> cats.add(Integer.toString(y)));
    double[] x = new double[years.size()];
    double[] a = new double[years.size()];
    double[] b = new double[years.size()];
    int i = 0;
    for (int y : years) {
      x[i] = i;
      a[i] = strategy.yearly().getOrDefault(y, Double.NaN);
      b[i] = benchmark == null ? Double.NaN : benchmark.yearly().getOrDefault(y, Double.NaN);
      i++;
    }
    Chart c = Chart.of("Yearly returns", Axis.categories("Year", cats),
        Axis.percent("Return (%)").including(0));
    if (benchmark == null) {
      return c.with(new Mark.Bars("Strategy", x, a, 0.7, Palette.BLUE, Palette.VERMILLION));
    }
    double[] xa = x.clone();
    double[] xb = x.clone();
    for (int k = 0; k < x.length; k++) {
      xa[k] -= 0.2;
      xb[k] += 0.2;
    }
    return c.with(new Mark.Bars("Strategy", xa, a, 0.38, Palette.BLUE, Palette.BLUE))
        .with(new Mark.Bars(benchmarkName == null ? "Benchmark" : benchmarkName, xb, b, 0.38,
            Palette.ORANGE, Palette.ORANGE));
  }

  /**
   * The distribution of per-period returns: a histogram of the valid returns in {@code bins}
   * equal bins, with the historical 95% VaR ({@link Metrics#valueAtRisk} with
   * {@link VarMethod#HISTORICAL}) and the mean marked.
   *
   * @param returns per-period returns (NaN skipped)
   * @param bins the number of bins, 1..1000
   * @return the chart
   */
  public static Chart histogram(double[] returns, int bins) {
    Objects.requireNonNull(returns, "returns");
    if (bins < 1 || bins > 1000) {
      throw new IllegalArgumentException("Expected 1 <= bins <= 1000, but found " + bins);
    }
    Chart c = Chart.of("Distribution of returns", Axis.percent("Return per period (%)"),
        Axis.number("Periods (count)").including(0));
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int n = 0;
    double sum = 0;
    for (double r : returns) {
      if (Double.isFinite(r)) {
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
        sum += r;
        n++;
      }
    }
    if (n == 0) {
      return c.with(new Mark.Bars("Returns", new double[] {Double.NaN},
          new double[] {Double.NaN}, 1, Palette.BLUE, Palette.BLUE));
    }
    double width = hi > lo ? (hi - lo) / bins : Math.max(Math.abs(lo) * 0.01, 1e-4);
    int k = hi > lo ? bins : 1;
    double[] x = new double[k];
    double[] count = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = lo + (i + 0.5) * width;
    }
    for (double r : returns) {
      if (Double.isFinite(r)) {
        int b = hi > lo ? (int) Math.min(k - 1, (r - lo) / width) : 0;
        count[b]++;
      }
    }
    double top = 0;
    for (double v : count) {
      top = Math.max(top, v);
    }
    c = c.with(new Mark.Bars("Returns", x, count, width * 0.92, Palette.SKY_BLUE,
        Palette.SKY_BLUE));
    double mean = sum / n;
    c = c.with(new Mark.Segments("Mean " + io.github.quantfolio.report.internal.Num.percent(mean,
        3), new double[] {mean}, new double[] {0}, new double[] {mean}, new double[] {top},
        Palette.BLUE, 1.5));
    if (n >= 20 && lo >= -1) { // VaR is defined for simple returns >= -100 %
      double var = Metrics.valueAtRisk(returns, 0.95, VarMethod.HISTORICAL);
      c = c.with(new Mark.Segments("VaR 95% (hist.) "
          + io.github.quantfolio.report.internal.Num.percent(var, 2), new double[] {var},
          new double[] {0}, new double[] {var}, new double[] {top}, Palette.VERMILLION, 1.5));
    }
    return c;
  }

  /**
   * Rolling annualised Sharpe ratio over {@code window} periods ({@link Metrics#rollingSharpe}),
   * of the strategy and optionally a benchmark; the risk-free rate becomes per period as in
   * {@code PerformanceReport}: {@code (1 + rfAnnual)^(1/f) - 1}.
   *
   * @param index the dates
   * @param returns the strategy's returns
   * @param benchmark the benchmark's returns, or null
   * @param window periods per window, at least 2 (e.g. 126 for six months of days)
   * @param frequency the returns' frequency
   * @param riskFreeAnnual the annual risk-free rate, &gt; -1
   * @return the chart
   */
  public static Chart rollingSharpe(TimeIndex index, double[] returns, double[] benchmark,
      int window, Frequency frequency, double riskFreeAnnual) {
    Objects.requireNonNull(frequency, "frequency");
    double rf = Math.pow(1 + riskFreeAnnual, 1 / frequency.periodsPerYear()) - 1;
    return rolling(index, returns, benchmark, "Rolling Sharpe ratio (" + window + " periods, rf "
        + io.github.quantfolio.report.internal.Num.percent(riskFreeAnnual, 2) + ")",
        Axis.number("Sharpe ratio (annualised)"),
        r -> Metrics.rollingSharpe(r, window, rf, frequency));
  }

  /**
   * Rolling annualised volatility ({@link Metrics#rollingVolatility}) of the strategy and
   * optionally a benchmark.
   *
   * @param index the dates
   * @param returns the strategy's returns
   * @param benchmark the benchmark's returns, or null
   * @param window periods per window, at least 2
   * @param frequency the returns' frequency
   * @return the chart
   */
  public static Chart rollingVolatility(TimeIndex index, double[] returns, double[] benchmark,
      int window, Frequency frequency) {
    return rolling(index, returns, benchmark, "Rolling volatility (" + window + " periods)",
        Axis.percent("Volatility (%, annualised)").including(0),
        r -> Metrics.rollingVolatility(r, window, frequency));
  }

  /**
   * Rolling beta against the benchmark ({@link Metrics#rollingBeta}), with the line beta = 1.
   *
   * @param index the dates
   * @param returns the strategy's returns
   * @param benchmark the benchmark's returns
   * @param window periods per window, at least 2
   * @return the chart
   */
  public static Chart rollingBeta(TimeIndex index, double[] returns, double[] benchmark,
      int window) {
    Objects.requireNonNull(benchmark, "benchmark");
    sameLength(index, returns, "returns");
    sameLength(index, benchmark, "benchmark");
    double[] x = days(index);
    Chart c = Chart.of("Rolling beta to the benchmark (" + window + " periods)",
        Axis.dates("Date"), Axis.number("Beta").including(0));
    double[] beta;
    try {
      beta = Metrics.rollingBeta(returns, benchmark, window);
    } catch (IllegalArgumentException e) { // a return below -100 %
      return c.withNote(e.getMessage());
    }
    return c
        .with(new Mark.Segments("Beta = 1", new double[] {x.length == 0 ? 0 : x[0]},
            new double[] {1}, new double[] {x.length == 0 ? 0 : x[x.length - 1]},
            new double[] {1}, Palette.GREY, 1))
        .with(new Mark.Line("Beta", x, beta, Palette.BLUE, 1.4, false));
  }

  private static Chart rolling(TimeIndex index, double[] returns, double[] benchmark,
      String title, Axis y, Function<double[], double[]> f) {
    Objects.requireNonNull(index, "index");
    sameLength(index, returns, "returns");
    double[] x = days(index);
    Chart c = Chart.of(title, Axis.dates("Date"), y);
    if (benchmark != null) {
      sameLength(index, benchmark, "benchmark");
    }
    try {
      c = c.with(new Mark.Line("Strategy", x, f.apply(returns), Palette.BLUE, 1.4, false));
      if (benchmark != null) {
        c = c.with(new Mark.Line("Benchmark", x, f.apply(benchmark), Palette.VERMILLION, 1.1,
            true));
      }
    } catch (IllegalArgumentException e) { // a return below -100 %
      return c.withNote(e.getMessage());
    }
    return c;
  }

  /**
   * A backtest's weights over time ({@link BacktestResult#weights(String)}) as stacked areas:
   * long weights stack up from 0, short weights down. The {@code maxSeries - 1} assets with the
   * largest mean absolute weight are drawn in palette colours, the rest summed as "Other".
   *
   * @param result the backtest
   * @param maxSeries the most areas drawn, 2..8
   * @return the chart
   */
  public static Chart weights(BacktestResult result, int maxSeries) {
    Objects.requireNonNull(result, "result");
    Map<String, double[]> w = new LinkedHashMap<>();
    for (String a : result.assets()) {
      w.put(a, result.weights(a));
    }
    return weights(result.index(), w, maxSeries);
  }

  /**
   * Weights over time as stacked areas (see {@link #weights(BacktestResult, int)}); NaN counts as
   * 0 (no position).
   *
   * @param index the dates
   * @param weights asset to weight (fraction of equity) at each date
   * @param maxSeries the most areas drawn, 2..8
   * @return the chart
   */
  public static Chart weights(TimeIndex index, Map<String, double[]> weights, int maxSeries) {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(weights, "weights");
    if (maxSeries < 2 || maxSeries > Palette.size()) {
      throw new IllegalArgumentException("Expected 2 <= maxSeries <= " + Palette.size()
          + ", but found " + maxSeries);
    }
    int t = index.size();
    List<String> names = new ArrayList<>(weights.keySet());
    double[] meanAbs = new double[names.size()];
    for (int i = 0; i < names.size(); i++) {
      double[] w = weights.get(names.get(i));
      sameLength(index, w, "weights '" + names.get(i) + "'");
      double s = 0;
      for (double v : w) {
        s += v == v ? Math.abs(v) : 0;
      }
      meanAbs[i] = t == 0 ? 0 : s / t;
    }
    Integer[] rank = new Integer[names.size()];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = i;
    }
    Arrays.sort(rank, (a, b) -> Double.compare(meanAbs[b], meanAbs[a]) != 0
        ? Double.compare(meanAbs[b], meanAbs[a]) : Integer.compare(a, b));
    int shown = names.size() <= maxSeries ? names.size() : maxSeries - 1;
    Map<String, double[]> groups = new LinkedHashMap<>();
    for (int k = 0; k < shown; k++) {
      groups.put(names.get(rank[k]), weights.get(names.get(rank[k])));
    }
    if (shown < names.size()) {
      double[] other = new double[t];
      for (int k = shown; k < names.size(); k++) {
        double[] w = weights.get(names.get(rank[k]));
        for (int s = 0; s < t; s++) {
          other[s] += w[s] == w[s] ? w[s] : 0;
        }
      }
      groups.put("Other (" + (names.size() - shown) + ")", other);
    }
    double[] x = days(index);
    double[] up = new double[t];
    double[] down = new double[t];
    Chart c = Chart.of("Weights over time", Axis.dates("Date"),
        Axis.percent("Weight (% of equity)").including(0));
    int i = 0;
    for (Map.Entry<String, double[]> e : groups.entrySet()) {
      double[] w = e.getValue();
      double[] lo = up.clone();
      double[] dlo = down.clone();
      boolean shorts = false;
      for (int s = 0; s < t; s++) {
        double v = w[s] == w[s] ? w[s] : 0;
        if (v >= 0) {
          up[s] += v;
        } else {
          down[s] += v;
          shorts = true;
        }
      }
      int rgb = e.getKey().startsWith("Other (") ? Palette.GREY : Palette.series(i);
      c = c.with(new Mark.Area(e.getKey(), x, lo, up.clone(), rgb));
      if (shorts) {
        c = c.with(new Mark.Area(null, x, down.clone(), dlo, rgb));
      }
      i++;
    }
    return c;
  }

  /**
   * The efficient frontier (volatility against expected return, both annualised) with each
   * asset as a labelled point ({@link CovarianceMatrix#volatilities()}, the expected returns
   * {@code mu}) and the chosen portfolios as large markers.
   *
   * @param frontier the frontier portfolios, e.g. {@code MeanVariance.efficientFrontier(30)}
   * @param mu the expected returns (annual) used for the frontier
   * @param cov the covariance (annual) used for the frontier
   * @param chosen name to portfolio (e.g. "Max Sharpe"), in legend order; may be empty
   * @return the chart
   */
  public static Chart efficientFrontier(List<OptimalPortfolio> frontier, AssetVector mu,
      CovarianceMatrix cov, Map<String, OptimalPortfolio> chosen) {
    Objects.requireNonNull(frontier, "frontier");
    Objects.requireNonNull(mu, "mu");
    Objects.requireNonNull(cov, "cov");
    Objects.requireNonNull(chosen, "chosen");
    double[] fx = new double[frontier.size()];
    double[] fy = new double[frontier.size()];
    for (int i = 0; i < fx.length; i++) {
      fx[i] = frontier.get(i).volatility();
      fy[i] = frontier.get(i).hasExpectedReturn() ? frontier.get(i).expectedReturn() : Double.NaN;
    }
    AssetVector vol = cov.volatilities();
    List<String> assets = cov.assets();
    double[] ax = new double[assets.size()];
    double[] ay = new double[assets.size()];
    for (int i = 0; i < ax.length; i++) {
      ax[i] = vol.get(assets.get(i));
      ay[i] = mu.contains(assets.get(i)) ? mu.get(assets.get(i)) : Double.NaN;
    }
    Chart c = Chart.of("Efficient frontier", Axis.percent("Volatility (%, annualised)"),
        Axis.percent("Expected return (%, annualised)"))
        .withSize(Chart.WIDTH, 420)
        .with(new Mark.Line("Efficient frontier", fx, fy, Palette.BLUE, 2, false))
        .with(new Mark.Points("Assets", ax, ay, Palette.GREY, 3.5, assets));
    int i = 1;
    for (Map.Entry<String, OptimalPortfolio> e : chosen.entrySet()) {
      OptimalPortfolio p = e.getValue();
      c = c.with(new Mark.Points(e.getKey(), new double[] {p.volatility()},
          new double[] {p.hasExpectedReturn() ? p.expectedReturn() : Double.NaN},
          Palette.series(i++), 6, List.of()));
    }
    return c;
  }

  /**
   * The correlation matrix as a heatmap (-1 red, 0 white, +1 blue) in the given asset order;
   * values are printed in the cells when there are at most 12 assets.
   *
   * @param correlation the matrix
   * @param order the assets in display order (all of the matrix's assets, each once)
   * @return the chart
   */
  public static Chart correlation(CorrelationMatrix correlation, List<String> order) {
    Objects.requireNonNull(correlation, "correlation");
    Objects.requireNonNull(order, "order");
    if (order.size() != correlation.assets().size()
        || !new TreeSet<>(order).equals(new TreeSet<>(correlation.assets()))) {
      throw new IllegalArgumentException("Expected the order to hold each of the "
          + correlation.assets().size() + " assets once, but found " + order);
    }
    int n = order.size();
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        v[i][j] = correlation.get(order.get(i), order.get(j));
      }
    }
    int size = Math.max(300, Math.min(720, 110 + 28 * n));
    return Chart.of("Correlation", Axis.categories("", order), Axis.categories("", order))
        .withSize(size + 90, size)
        .with(new Mark.Cells("Correlation", v, ColourScale.diverging(0, 1),
            n <= 12 ? Mark.CellText.DECIMAL2 : null));
  }

  /**
   * The correlation heatmap in cluster order: the assets in {@link HierarchicalRiskParity}'s
   * quasi-diagonal order (single linkage), so correlated blocks sit on the diagonal.
   *
   * @param cov the covariance
   * @return the chart, titled "Correlation (cluster order)"
   */
  public static Chart correlationClustered(CovarianceMatrix cov) {
    Objects.requireNonNull(cov, "cov");
    Chart c = correlation(cov.correlation(), HierarchicalRiskParity.of(cov).order());
    return new Chart("Correlation (HRP cluster order)", c.x(), c.y(), c.marks(), c.notes(),
        c.width(), c.height());
  }

  /**
   * The HRP dendrogram: the agglomerative clustering of the correlation distance
   * {@code sqrt((1 - rho) / 2)} with the given linkage, leaves in the order of
   * {@link HierarchicalRiskParity#order()} and each merge drawn at its distance. (HRP itself
   * exposes only the order; the merge heights are recomputed here with the same rules.)
   *
   * @param cov the covariance
   * @param linkage the linkage (HRP's default is single)
   * @return the chart
   */
  public static Chart dendrogram(CovarianceMatrix cov, HierarchicalRiskParity.Linkage linkage) {
    Objects.requireNonNull(cov, "cov");
    Objects.requireNonNull(linkage, "linkage");
    Clustering cl = Clustering.of(cov, linkage);
    int n = cl.leaves();
    int[] order = cl.order();
    List<String> leaves = new ArrayList<>();
    double[] pos = new double[2 * n - 1];
    double[] h = new double[2 * n - 1];
    for (int k = 0; k < n; k++) {
      leaves.add(cov.assets().get(order[k]));
      pos[order[k]] = k;
    }
    int m = n - 1;
    double[] x1 = new double[3 * m];
    double[] y1 = new double[3 * m];
    double[] x2 = new double[3 * m];
    double[] y2 = new double[3 * m];
    for (int k = 0; k < m; k++) {
      int[] lr = cl.merge(k);
      double hk = cl.height(k);
      int a = lr[0];
      int b = lr[1];
      // two legs up from the children and the bar across
      x1[3 * k] = pos[a];
      y1[3 * k] = h[a];
      x2[3 * k] = pos[a];
      y2[3 * k] = hk;
      x1[3 * k + 1] = pos[b];
      y1[3 * k + 1] = h[b];
      x2[3 * k + 1] = pos[b];
      y2[3 * k + 1] = hk;
      x1[3 * k + 2] = pos[a];
      y1[3 * k + 2] = hk;
      x2[3 * k + 2] = pos[b];
      y2[3 * k + 2] = hk;
      pos[n + k] = (pos[a] + pos[b]) / 2;
      h[n + k] = hk;
    }
    String name = linkage.name().charAt(0) + linkage.name().substring(1).toLowerCase(
        java.util.Locale.ROOT);
    return Chart.of("HRP dendrogram (" + name.toLowerCase(java.util.Locale.ROOT) + " linkage)",
        Axis.categories("Asset (HRP order)", leaves),
        Axis.number("Correlation distance sqrt((1 - rho) / 2)").including(0))
        .with(new Mark.Segments(name + " linkage", x1, y1, x2, y2, Palette.BLUE, 1.4));
  }

  /**
   * Each asset's weight next to its share of the portfolio's risk
   * ({@link PortfolioRisk#percentContributions()}): an asset whose risk share exceeds its
   * weight concentrates risk.
   *
   * @param risk the portfolio risk
   * @return the chart
   */
  public static Chart riskContributions(PortfolioRisk risk) {
    Objects.requireNonNull(risk, "risk");
    List<String> assets = risk.weights().assets();
    AssetVector pct = risk.percentContributions();
    double[] xa = new double[assets.size()];
    double[] xb = new double[assets.size()];
    double[] w = new double[assets.size()];
    double[] rc = new double[assets.size()];
    for (int i = 0; i < w.length; i++) {
      xa[i] = i - 0.2;
      xb[i] = i + 0.2;
      w[i] = risk.weights().get(assets.get(i));
      rc[i] = pct.get(assets.get(i));
    }
    return Chart.of("Weights and risk contributions", Axis.categories("Asset", assets),
        Axis.percent("Share (%)").including(0))
        .with(new Mark.Bars("Weight", xa, w, 0.38, Palette.BLUE, Palette.BLUE))
        .with(new Mark.Bars("Risk contribution", xb, rc, 0.38, Palette.VERMILLION,
            Palette.VERMILLION));
  }

  private static boolean isFraction(SweepMetric m) {
    return switch (m) {
      case TOTAL_RETURN, CAGR, VOLATILITY, MAX_DRAWDOWN, WIN_RATE, EXPOSURE -> true;
      default -> false;
    };
  }

  /**
   * A parameter sweep as a heatmap: one parameter across, another down, each cell the mean of
   * {@code metric} ({@link io.github.quantfolio.backtest.SweepMetrics#get}) over the rows with
   * those two values (over assets, and over other parameters if any), NaN values skipped.
   * Values appear in their natural order when they are comparable, else in first-seen order.
   *
   * @param sweep the sweep
   * @param xName the first parameter's name (axis label)
   * @param xParam extracts the first parameter from a row's parameters
   * @param yName the second parameter's name
   * @param yParam extracts the second parameter
   * @param metric the metric shown
   * @param <P> the parameter type
   * @return the chart
   */
  public static <P> Chart sweepHeatmap(SweepResult<P> sweep, String xName,
      Function<? super P, ?> xParam, String yName, Function<? super P, ?> yParam,
      SweepMetric metric) {
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(xParam, "xParam");
    Objects.requireNonNull(yParam, "yParam");
    Objects.requireNonNull(metric, "metric");
    List<Object> xs = distinct(sweep, xParam);
    List<Object> ys = distinct(sweep, yParam);
    double[][] sum = new double[ys.size()][xs.size()];
    int[][] count = new int[ys.size()][xs.size()];
    TreeSet<String> assets = new TreeSet<>();
    for (SweepRow<P> r : sweep.rows()) {
      double v = r.metrics().get(metric);
      assets.add(String.valueOf(r.asset()));
      if (Double.isFinite(v)) {
        int i = ys.indexOf(yParam.apply(r.parameters()));
        int j = xs.indexOf(xParam.apply(r.parameters()));
        sum[i][j] += v;
        count[i][j]++;
      }
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < sum.length; i++) {
      for (int j = 0; j < sum[i].length; j++) {
        sum[i][j] = count[i][j] == 0 ? Double.NaN : sum[i][j] / count[i][j];
        if (count[i][j] > 0) {
          lo = Math.min(lo, sum[i][j]);
          hi = Math.max(hi, sum[i][j]);
        }
      }
    }
    String name = metric.name().charAt(0) + metric.name().substring(1).toLowerCase(
        java.util.Locale.ROOT).replace('_', ' ');
    Chart c = Chart.of(name + " by " + xName + " and " + yName
        + (assets.size() > 1 ? " (mean over " + assets.size() + " assets)" : ""),
        Axis.categories(xName, strings(xs)), Axis.categories(yName, strings(ys)))
        .withSize(Chart.WIDTH, Math.max(200, Math.min(640, 90 + 26 * ys.size())));
    if (!(lo <= hi)) {
      return c.with(new Mark.Cells(name, sum, ColourScale.diverging(0, 1), null));
    }
    ColourScale scale = lo < 0 && hi > 0
        ? ColourScale.diverging(0, halfWidth(Math.max(-lo, hi)))
        : lo == hi ? ColourScale.sequential(lo - 0.5 * Math.max(Math.abs(lo), 1e-9),
            hi + 0.5 * Math.max(Math.abs(hi), 1e-9)) : ColourScale.sequential(lo, hi);
    boolean text = xs.size() <= 16 && ys.size() <= 24;
    return c.with(new Mark.Cells(name, sum, scale,
        !text ? null : isFraction(metric) ? Mark.CellText.PERCENT : Mark.CellText.DECIMAL2));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <P> List<Object> distinct(SweepResult<P> sweep, Function<? super P, ?> f) {
    List<Object> out = new ArrayList<>();
    for (SweepRow<P> r : sweep.rows()) {
      Object v = f.apply(r.parameters());
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    boolean comparable = out.stream().allMatch(o -> o instanceof Comparable)
        && out.stream().map(Object::getClass).distinct().count() <= 1;
    if (comparable) {
      out.sort((a, b) -> ((Comparable) a).compareTo(b));
    }
    return out;
  }

  private static List<String> strings(List<Object> l) {
    List<String> s = new ArrayList<>();
    l.forEach(o -> s.add(String.valueOf(o)));
    return s;
  }

  /**
   * Walk-forward folds: the chosen parameters' {@code metric} in sample (training window) next to
   * out of sample (the following test window), one pair of bars per fold, labelled by the test
   * window's first date. The title gives the walk-forward efficiency
   * ({@link WalkForwardResult#efficiency(SweepMetric)}).
   *
   * @param result the walk-forward result
   * @param metric the metric compared
   * @param <P> the parameter type
   * @return the chart
   */
  public static <P> Chart walkForward(WalkForwardResult<P> result, SweepMetric metric) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(metric, "metric");
    List<WalkForwardResult.Fold<P>> folds = result.folds();
    List<String> cats = new ArrayList<>();
    double[] xa = new double[folds.size()];
    double[] xb = new double[folds.size()];
    double[] is = new double[folds.size()];
    double[] oos = new double[folds.size()];
    for (int i = 0; i < folds.size(); i++) {
      WalkForwardResult.Fold<P> f = folds.get(i);
      // index() starts at the first fold's test bar
      String label = result.index().label(f.testStart() - folds.get(0).testStart());
      cats.add(label.substring(0, Math.min(7, label.length())));
      xa[i] = i - 0.2;
      xb[i] = i + 0.2;
      is[i] = f.inSample().get(metric);
      oos[i] = f.outOfSample().get(metric);
    }
    String name = metric.name().charAt(0) + metric.name().substring(1).toLowerCase(
        java.util.Locale.ROOT).replace('_', ' ');
    double eff = folds.isEmpty() ? Double.NaN : result.efficiency(metric);
    Axis y = isFraction(metric) ? Axis.percent(name + " (%)") : Axis.number(name);
    return Chart.of("Walk-forward: " + name
        + " in sample vs out of sample (efficiency "
        + io.github.quantfolio.report.internal.Num.fixed(eff, 2) + ")",
        Axis.categories("Test window start", cats), y.including(0))
        .with(new Mark.Bars("In sample", xa, is, 0.38, Palette.SKY_BLUE, Palette.SKY_BLUE))
        .with(new Mark.Bars("Out of sample", xb, oos, 0.38, Palette.BLUE, Palette.BLUE));
  }
}
