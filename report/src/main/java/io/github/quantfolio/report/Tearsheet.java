package io.github.quantfolio.report;

import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.PortfolioRisk;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A one-page HTML report of a backtest, a walk-forward portfolio or a parameter sweep, in the
 * spirit of quantstats' tearsheet: one self-contained file (inline CSS and SVG charts; no script,
 * font, image or stylesheet loaded from anywhere), readable on a phone (charts scale to the
 * screen, wide tables scroll) and printable ({@code @media print}). The same input gives the same
 * bytes (no timestamp).
 *
 * <p>Contents for a {@link BacktestResult} or {@link PortfolioResult}: a header (dates, bars,
 * frequency, risk-free rate, benchmark, capital), the key metrics of
 * {@link BacktestResult#report(double[])} strategy vs benchmark (every number is the
 * {@code PerformanceReport}'s, with its exact value in the cell's {@code data-value}), the
 * charts of {@link Charts} (cumulative returns linear and log, underwater, monthly heatmap,
 * yearly returns, distribution, rolling Sharpe / volatility / beta, weights), the worst
 * drawdowns, the monthly table, trade statistics and costs; for a portfolio also the
 * diversification report and the rebalance log; for each {@link #withAllocation allocation} its
 * weights, risk contributions, correlation heatmap, HRP dendrogram and (with
 * {@link #withFrontier}) the efficient frontier. For a {@link SweepResult}: the best runs, the
 * distribution of Sharpe ratios, the deflated Sharpe ratio and (with {@link #withSweepAxes}) a
 * heatmap of two parameters.
 *
 * <pre>{@code
 * Path file = Tearsheet.of(portfolioResult)
 *     .withBenchmark("Equal weight", benchmarkReturns)
 *     .write(Path.of("target/tearsheet.html"));
 * Tearsheet.of(result).open();   // from JShell: a temporary file in the default browser
 * }</pre>
 *
 * Immutable; {@code with...} methods return new tearsheets. Thread-safe.
 *
 * @since 0.1.0
 */
public final class Tearsheet {

  private final BacktestResult backtest;
  private final PortfolioResult portfolio;
  private final SweepResult<?> sweep;
  private final Options options;

  /**
   * Everything a tearsheet shows besides its result.
   *
   * @param title the page title
   * @param benchmarkName the benchmark's name, or null
   * @param benchmark the benchmark's per-period returns, or null
   * @param assets prices of the assets drawn behind the equity curve, or null
   * @param allocations allocation name to portfolio
   * @param covariance the covariance of the allocations, or null
   * @param frontier the frontier portfolios, or empty
   * @param mu the expected returns of the frontier, or null
   * @param sweepAxes two parameter names and extractors, or null
   */
  record Options(String title, String benchmarkName, double[] benchmark, PriceFrame assets,
      Map<String, OptimalPortfolio> allocations, CovarianceMatrix covariance,
      List<OptimalPortfolio> frontier, AssetVector mu, SweepAxes sweepAxes) {
    /**
     * Copies the collections.
     *
     * @param title title
     * @param benchmarkName benchmark name
     * @param benchmark benchmark returns
     * @param assets asset prices
     * @param allocations allocations
     * @param covariance covariance
     * @param frontier frontier
     * @param mu expected returns
     * @param sweepAxes sweep axes
     */
    Options {
      allocations = Collections.unmodifiableMap(new LinkedHashMap<>(allocations));
      frontier = List.copyOf(frontier);
    }
  }

  /**
   * Two sweep parameters to show as a heatmap.
   *
   * @param xName the first parameter's name
   * @param x its extractor
   * @param yName the second parameter's name
   * @param y its extractor
   */
  record SweepAxes(String xName, Function<Object, ?> x, String yName,
      Function<Object, ?> y) {
  }

  private Tearsheet(BacktestResult backtest, PortfolioResult portfolio, SweepResult<?> sweep,
      Options options) {
    this.backtest = backtest;
    this.portfolio = portfolio;
    this.sweep = sweep;
    this.options = options;
  }

  private static Options defaults(String title) {
    return new Options(title, null, null, null, Map.of(), null, List.of(), null, null);
  }

  /**
   * The tearsheet of a backtest.
   *
   * @param result the backtest, not null
   * @return the tearsheet
   */
  public static Tearsheet of(BacktestResult result) {
    Objects.requireNonNull(result, "result");
    return new Tearsheet(result, null, null, defaults("Backtest"));
  }

  /**
   * The tearsheet of a walk-forward portfolio (with its rebalance log and diversification
   * report).
   *
   * @param result the portfolio result, not null
   * @return the tearsheet
   */
  public static Tearsheet of(PortfolioResult result) {
    Objects.requireNonNull(result, "result");
    return new Tearsheet(result.backtest(), result, null, defaults("Walk-forward portfolio"));
  }

  /**
   * The tearsheet of a parameter sweep.
   *
   * @param result the sweep, not null
   * @return the tearsheet
   */
  public static Tearsheet of(SweepResult<?> result) {
    Objects.requireNonNull(result, "result");
    return new Tearsheet(null, null, result, defaults("Parameter sweep"));
  }

  private Tearsheet with(Options o) {
    return new Tearsheet(backtest, portfolio, sweep, o);
  }

  /**
   * This tearsheet with another title.
   *
   * @param title the page's title, not null
   * @return the new tearsheet
   */
  public Tearsheet withTitle(String title) {
    Objects.requireNonNull(title, "title");
    Options o = options;
    return with(new Options(title, o.benchmarkName(), o.benchmark(), o.assets(),
        o.allocations(), o.covariance(), o.frontier(), o.mu(), o.sweepAxes()));
  }

  /**
   * This tearsheet against a benchmark: its column in the metrics table, its curve in the
   * charts, the rolling beta.
   *
   * @param name the benchmark's name, not null
   * @param returns its simple return at each bar of the result's index (NaN for none), copied
   * @return the new tearsheet
   * @throws IllegalArgumentException for a sweep, or if the length differs from the index
   */
  public Tearsheet withBenchmark(String name, double[] returns) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(returns, "returns");
    if (backtest == null) {
      throw new IllegalArgumentException("A sweep's tearsheet has no benchmark");
    }
    if (returns.length != backtest.index().size()) {
      throw new IllegalArgumentException("Expected a benchmark of " + backtest.index().size()
          + " returns (one per bar), but found " + returns.length);
    }
    Options o = options;
    return with(new Options(o.title(), name, returns.clone(), o.assets(), o.allocations(),
        o.covariance(), o.frontier(), o.mu(), o.sweepAxes()));
  }

  /**
   * An equal-weight benchmark for {@link #withBenchmark}: at each row of {@code prices} (from the
   * second), the mean simple return of the assets that have a return there, rebalanced daily;
   * NaN at the first row and where no asset has one. Aligned to the price rows, as a backtest's
   * returns are.
   *
   * @param prices the assets' prices, not null
   * @return one return per price row (a new array)
   */
  public static double[] equalWeightBenchmark(io.github.quantfolio.core.PriceFrame prices) {
    Objects.requireNonNull(prices, "prices");
    double[][] r = prices.returns().toArray(); // [asset][row - 1]
    double[] b = new double[prices.rows()];
    b[0] = Double.NaN;
    for (int t = 1; t < b.length; t++) {
      double s = 0;
      int n = 0;
      for (double[] col : r) {
        double v = col[t - 1];
        if (v == v) {
          s += v;
          n++;
        }
      }
      b[t] = n == 0 ? Double.NaN : s / n;
    }
    return b;
  }

  /**
   * This tearsheet with the assets' own growth drawn thin and grey behind the equity curve.
   *
   * @param prices the assets' prices on the result's index (same rows), not null
   * @return the new tearsheet
   * @throws IllegalArgumentException for a sweep, or if the index differs from the result's
   */
  public Tearsheet withAssets(PriceFrame prices) {
    Objects.requireNonNull(prices, "prices");
    if (backtest == null) {
      throw new IllegalArgumentException("A sweep's tearsheet draws no asset prices");
    }
    if (!prices.index().equals(backtest.index())) {
      throw new IllegalArgumentException("Expected prices on the result's index ("
          + backtest.index().size() + " rows, " + backtest.index().first() + " .. "
          + backtest.index().last() + "), but found " + prices.rows() + " rows, "
          + prices.index().first() + " .. " + prices.index().last());
    }
    Options o = options;
    return with(new Options(o.title(), o.benchmarkName(), o.benchmark(), prices,
        o.allocations(), o.covariance(), o.frontier(), o.mu(), o.sweepAxes()));
  }

  /**
   * This tearsheet with an allocation report: the portfolio's weights and risk contributions
   * ({@link PortfolioRisk#of}), and once per tearsheet the correlation heatmap in cluster order
   * and the HRP dendrogram of {@code covariance}. Several allocations share one covariance.
   *
   * @param name the allocation's name (e.g. "Max Sharpe"), not null
   * @param allocation the portfolio
   * @param covariance the covariance it was optimised with (annualised)
   * @return the new tearsheet
   * @throws IllegalArgumentException if the covariance differs from an earlier allocation's
   */
  public Tearsheet withAllocation(String name, OptimalPortfolio allocation,
      CovarianceMatrix covariance) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(allocation, "allocation");
    Objects.requireNonNull(covariance, "covariance");
    Options o = options;
    if (o.covariance() != null && o.covariance() != covariance) {
      throw new IllegalArgumentException("All allocations of a tearsheet share one covariance");
    }
    PortfolioRisk.of(allocation.weights(), covariance); // fail now on mismatched assets
    Map<String, OptimalPortfolio> a = new LinkedHashMap<>(o.allocations());
    a.put(name, allocation);
    return with(new Options(o.title(), o.benchmarkName(), o.benchmark(), o.assets(), a,
        covariance, o.frontier(), o.mu(), o.sweepAxes()));
  }

  /**
   * This tearsheet with the efficient frontier drawn with the assets and the
   * {@link #withAllocation allocations} marked (needs an allocation first, for the covariance).
   *
   * @param frontier the frontier, e.g. {@code MeanVariance.efficientFrontier(30)}
   * @param mu the expected returns the frontier used
   * @return the new tearsheet
   * @throws IllegalStateException without an allocation
   */
  public Tearsheet withFrontier(List<OptimalPortfolio> frontier, AssetVector mu) {
    Objects.requireNonNull(frontier, "frontier");
    Objects.requireNonNull(mu, "mu");
    Options o = options;
    if (o.covariance() == null) {
      throw new IllegalStateException("Add an allocation (withAllocation) before the frontier");
    }
    return with(new Options(o.title(), o.benchmarkName(), o.benchmark(), o.assets(),
        o.allocations(), o.covariance(), new ArrayList<>(frontier), mu, o.sweepAxes()));
  }

  /**
   * For a sweep: the heatmap of the Sharpe ratio over two parameters (see
   * {@link Charts#sweepHeatmap}).
   *
   * @param xName the first parameter's name
   * @param x extracts it from a row's parameters
   * @param yName the second parameter's name
   * @param y extracts it
   * @param <P> the sweep's parameter type
   * @return the new tearsheet
   */
  @SuppressWarnings("unchecked")
  public <P> Tearsheet withSweepAxes(String xName, Function<? super P, ?> x, String yName,
      Function<? super P, ?> y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Options o = options;
    SweepAxes axes = new SweepAxes(Objects.requireNonNull(xName, "xName"),
        p -> ((Function<Object, ?>) (Function<?, ?>) x).apply(p),
        Objects.requireNonNull(yName, "yName"), p -> ((Function<Object, ?>) (Function<?, ?>) y)
        .apply(p));
    return with(new Options(o.title(), o.benchmarkName(), o.benchmark(), o.assets(),
        o.allocations(), o.covariance(), o.frontier(), o.mu(), axes));
  }

  /**
   * The page's HTML (UTF-8 text, XHTML-compatible).
   *
   * @return the HTML
   */
  public String toHtml() {
    if (sweep != null) {
      return TearsheetWriter.sweep(sweep, options);
    }
    return TearsheetWriter.backtest(backtest, portfolio, options);
  }

  /**
   * Writes {@link #toHtml()} to a file (UTF-8), creating missing parent directories.
   *
   * @param path the file, created or overwritten
   * @return {@code path}
   * @throws UncheckedIOException if it cannot be written
   */
  public Path write(Path path) {
    Objects.requireNonNull(path, "path");
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(path, toHtml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the tearsheet to " + path, e);
    }
    return path;
  }

  /**
   * For JShell: writes the page to a temporary file, opens it in the default browser when the
   * platform has one (not in headless mode), and prints the file's path either way.
   *
   * @return the temporary file
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path open() {
    return openIn(null);
  }

  /** {@link #open()} with the temporary file in {@code dir} (null: the system's). */
  Path openIn(Path dir) {
    Path file;
    try {
      file = dir == null ? Files.createTempFile("quantfolio-tearsheet-", ".html")
          : Files.createTempFile(dir, "quantfolio-tearsheet-", ".html");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary file", e);
    }
    write(file);
    boolean opened = false;
    if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      try {
        Desktop.getDesktop().browse(file.toUri());
        opened = true;
      } catch (IOException | UnsupportedOperationException e) {
        opened = false;
      }
    }
    System.out.println((opened ? "Opened " : "Tearsheet written to ") + file.toUri());
    return file;
  }
}
