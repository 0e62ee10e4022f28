package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.risk.internal.ReturnChecks;
import io.github.quantfolio.risk.internal.TailQuantiles;
import io.github.quantfolio.risk.internal.WealthPath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard performance and risk metrics of one return series (and, optionally, the same for
 * a benchmark plus the relative metrics), as a record with a {@link #toMap() map view} and a
 * quantstats-like {@link #toString() table}. Every value is the corresponding {@link Metrics}
 * function with these conventions:
 *
 * <ul>
 *   <li>{@code riskFreeAnnual} becomes the per-period rate {@code rf = (1 + rfAnnual)^(1/f) - 1};
 *       Sharpe uses excess returns over {@code rf}, Sortino and the downside deviation use
 *       {@code rf} as the required return, Omega uses {@code rf} as its threshold, alpha uses it
 *       on both series. The table states the rate next to every ratio that uses it.
 *   <li>VaR and CVaR are historical at 95%, as per-period returns (negative = loss).
 *   <li>Win rate, profit factor, payoff ratio and Kelly fraction count <em>periods</em> (a
 *       period with a positive return is a win), not round-trip trades.
 *   <li>Benchmark-relative fields are NaN, and {@link #benchmark()} is null, without a
 *       benchmark.
 * </ul>
 *
 * A report needs data: a series (or benchmark) that is empty or all NaN is rejected. Values
 * that are undefined for the data at hand (e.g. Calmar without a drawdown, Sharpe of a single
 * return) follow {@link Metrics}: NaN or infinity, printed as {@code -} and {@code inf} with a
 * legend under the table.
 *
 * @param periods the number of periods (including NaN ones)
 * @param frequency the frequency used to annualise
 * @param riskFreeAnnual the annual risk-free rate of the ratios
 * @param totalReturn {@link Metrics#cumulativeReturn}
 * @param cagr {@link Metrics#cagr}
 * @param annualVolatility {@link Metrics#annualVolatility}
 * @param sharpeRatio {@link Metrics#sharpeRatio} over {@code rf}, annualised
 * @param sortinoRatio {@link Metrics#sortinoRatio} over {@code rf}, annualised
 * @param downsideRisk {@link Metrics#downsideRisk} below {@code rf}, annualised
 * @param maxDrawdown {@link Metrics#maxDrawdown} (negative)
 * @param calmarRatio {@link Metrics#calmarRatio}
 * @param omegaRatio {@link Metrics#omegaRatio} with threshold {@code rf}
 * @param tailRatio {@link Metrics#tailRatio}
 * @param valueAtRisk95 historical {@link Metrics#valueAtRisk} at 95%, per period
 * @param conditionalValueAtRisk95 historical {@link Metrics#conditionalValueAtRisk} at 95%, per
 *     period
 * @param skewness {@link Metrics#skewness}
 * @param kurtosis {@link Metrics#kurtosis} (excess)
 * @param stability {@link Metrics#stability}
 * @param ulcerIndex {@link Metrics#ulcerIndex}
 * @param winRate {@link Metrics#winRate} (share of winning periods)
 * @param profitFactor {@link Metrics#profitFactor} (over periods)
 * @param payoffRatio {@link Metrics#payoffRatio} (over periods)
 * @param kellyFraction {@link Metrics#kellyFraction} (over periods)
 * @param beta {@link Metrics#beta} against the benchmark
 * @param alpha {@link Metrics#alpha} against the benchmark, annualised
 * @param informationRatio {@link Metrics#informationRatio}, annualised
 * @param trackingError {@link Metrics#trackingError}, annualised
 * @param upCapture {@link Metrics#upCapture}
 * @param downCapture {@link Metrics#downCapture}
 * @param benchmark the benchmark's own report, or null
 * @since 0.1.0
 */
public record PerformanceReport(int periods, Frequency frequency, double riskFreeAnnual,
    double totalReturn, double cagr,
    double annualVolatility, double sharpeRatio, double sortinoRatio, double downsideRisk,
    double maxDrawdown, double calmarRatio, double omegaRatio, double tailRatio,
    double valueAtRisk95, double conditionalValueAtRisk95, double skewness, double kurtosis,
    double stability, double ulcerIndex, double winRate, double profitFactor, double payoffRatio,
    double kellyFraction, double beta, double alpha, double informationRatio,
    double trackingError, double upCapture, double downCapture, PerformanceReport benchmark) {

  /**
   * The report of {@code returns} without a benchmark.
   *
   * @see #of(double[], Frequency, double, double[])
   */
  public static PerformanceReport of(double[] returns, Frequency frequency, double riskFreeAnnual) {
    return of(returns, frequency, riskFreeAnnual, null);
  }

  /**
   * The report of per-period simple {@code returns} against an optional {@code benchmark} of the
   * same length (null for none).
   *
   * @param returns per-period simple returns (NaN = missing), at least one valid
   * @param frequency periods per year for annualisation
   * @param riskFreeAnnual annual risk-free rate, &gt; -1 (e.g. 0.02)
   * @param benchmark the benchmark's per-period simple returns, or null
   * @return the report
   * @throws IllegalArgumentException if {@code returns} (or the benchmark) is empty or all NaN
   *     (the message says which), holds an infinity or a return below -1 (named by position), or
   *     the lengths differ
   */
  public static PerformanceReport of(double[] returns, Frequency frequency, double riskFreeAnnual,
      double[] benchmark) {
    Checks.notNull(returns, "returns");
    Checks.notNull(frequency, "frequency");
    Checks.finite(riskFreeAnnual, "riskFreeAnnual");
    if (riskFreeAnnual <= -1) {
      throw new IllegalArgumentException("Expected riskFreeAnnual > -1, but found " + riskFreeAnnual);
    }
    double f = frequency.periodsPerYear();
    double rf = Math.pow(1 + riskFreeAnnual, 1 / f) - 1;
    double beta = Double.NaN;
    double alpha = Double.NaN;
    double ir = Double.NaN;
    double te = Double.NaN;
    double up = Double.NaN;
    double down = Double.NaN;
    PerformanceReport bench = null;
    if (benchmark != null) {
      if (benchmark.length != returns.length) {
        throw new IllegalArgumentException("Expected returns and benchmark of equal length, but found "
            + returns.length + " and " + benchmark.length);
      }
      requireData(ReturnChecks.simple(benchmark, "benchmark"), "benchmark");
      requireData(ReturnChecks.simple(returns, "returns"), "returns");
      beta = Metrics.beta(returns, benchmark);
      alpha = Metrics.alpha(returns, benchmark, rf, frequency);
      ir = Metrics.informationRatio(returns, benchmark, frequency);
      te = Metrics.trackingError(returns, benchmark, frequency);
      up = Metrics.upCapture(returns, benchmark, frequency);
      down = Metrics.downCapture(returns, benchmark, frequency);
      bench = of(benchmark, frequency, riskFreeAnnual, null);
    }
    return compute(returns, frequency, rf, riskFreeAnnual, beta, alpha, ir, te, up, down, bench);
  }

  /** Rejects a series without any valid return (checked for bad values already). */
  private static void requireData(double[] r, String name) {
    if (r.length == 0) {
      throw new IllegalArgumentException("A performance report needs at least one return, but '"
          + name + "' is empty");
    }
    for (double v : r) {
      if (v == v) {
        return;
      }
    }
    throw new IllegalArgumentException("A performance report needs at least one return, but all "
        + r.length + " values of '" + name + "' are NaN (missing)");
  }

  /**
   * The single-series metrics from a few passes instead of one per metric: trade counts, moments,
   * the tail quantiles and the wealth path on this thread, the stability fit on a second core
   * when the series is long. Each value equals its
   * {@link Metrics} function up to rounding (a property test checks 1e-10 relative).
   */
  private static PerformanceReport compute(double[] r, Frequency frequency, double rf,
      double riskFreeAnnual, double beta, double alpha, double ir, double te, double up,
      double down, PerformanceReport bench) {
    double f = frequency.periodsPerYear();
    // The stability fit (one log per period) is independent of everything else: second core
    // (if the input turns out to be invalid, pass 1 throws and the result is dropped).
    java.util.concurrent.CompletableFuture<Double> stabilityTask = r.length >= 100_000
        ? java.util.concurrent.CompletableFuture.supplyAsync(() -> WealthPath.stability(r))
        : null;
    // Pass 1: count, sum, range, trade statistics, the wealth path (and the finiteness check).
    WealthPath path = new WealthPath();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    double sum = 0;
    double gains = 0;
    double losses = 0;
    int wins = 0;
    int lossCount = 0;
    for (int i = 0; i < r.length; i++) {
      double v = r[i];
      path.add(v);
      if (v == v) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (ReturnChecks.invalid(v)) {
          throw ReturnChecks.rejection(v, i, "returns", null);
        }
        n++;
        sum += v;
        // Branch-free: the sign of a return is a coin flip the CPU cannot predict. (v + |v|)/2
        // and (|v| - v)/2 are exactly max(v, 0) and max(-v, 0).
        double abs = Math.abs(v);
        gains += (v + abs) * 0.5;
        losses += (abs - v) * 0.5;
        wins += v > 0 ? 1 : 0;
        lossCount += v < 0 ? 1 : 0;
      }
    }
    if (n == 0) {
      requireData(r, "returns");
    }
    double mean = sum / n;
    // Pass 2: central moments, downside below rf, Omega sums around rf.
    double corr = 0;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    double down2 = 0;
    double omegaUp = 0;
    double omegaDown = 0;
    for (double v : r) {
      if (v == v) {
        double d = v - mean;
        corr += d;
        double d2 = d * d;
        m2 += d2;
        m3 += d2 * d;
        m4 += d2 * d2;
        double e = v - rf;
        double ae = Math.abs(e);
        double below = (ae - e) * 0.5; // max(-e, 0), exactly; branch-free as above
        omegaUp += (e + ae) * 0.5;
        omegaDown += below;
        down2 += below * below;
      }
    }
    double meanC = mean + corr / n;
    double std = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    double vol = std * Math.sqrt(f);
    double sharpe = n < 2 ? Double.NaN : (meanC - rf) / std * Math.sqrt(f);
    double downside = Math.sqrt(down2 / n) * Math.sqrt(f);
    double sortino = n < 2 ? Double.NaN : (meanC - rf) * f / downside;
    double omega = n < 2 ? Double.NaN : omegaUp / omegaDown;
    double g1 = (m3 / n) / Math.pow(m2 / n, 1.5);
    double g2 = (m4 / n) / ((m2 / n) * (m2 / n)) - 3;
    double skew = n < 3 ? Double.NaN : g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
    double kurt = n < 4 ? Double.NaN
        : ((n + 1) * g2 + 6) * (n - 1) / ((double) (n - 2) * (n - 3));
    int decided = wins + lossCount;
    double winRate = decided == 0 ? Double.NaN : (double) wins / decided;
    double profitFactor = gains / losses;
    double payoff = wins == 0 ? Double.NaN
        : lossCount == 0 ? Double.POSITIVE_INFINITY : (gains / wins) / (losses / lossCount);
    double kelly = winRate != winRate || payoff != payoff ? Double.NaN
        : winRate - (1 - winRate) / payoff;
    TailQuantiles.Result q = TailQuantiles.of(r, n, 0.05, min, max);
    double tailRatio = Math.abs(q.upper()) / Math.abs(q.lower());
    double var95 = q.lower();
    double cvar95 = q.lowerTailMean();
    path.finish();
    double stability = stabilityTask != null ? stabilityTask.join() : WealthPath.stability(r);
    double total = Math.expm1(path.logWealth);
    double cagr = Math.expm1(path.logWealth * f / r.length);
    double calmar = path.maxDrawdown < 0 ? cagr / -path.maxDrawdown : Double.NaN;
    double ulcer = Math.sqrt(path.sumSquaredDrawdown / r.length);
    return new PerformanceReport(r.length, frequency, riskFreeAnnual, total, cagr, vol, sharpe, sortino, downside,
        path.maxDrawdown, calmar, omega, tailRatio, var95, cvar95, skew, kurt,
        stability, ulcer, winRate, profitFactor, payoff, kelly, beta, alpha, ir, te, up,
        down, bench);
  }

  /**
   * The metrics by stable name, in table order (benchmark-relative ones only with a benchmark).
   * Percent-like values are fractions (0.1 = 10%). The names are short keys; the
   * {@link #toString() table} labels the same rows with their units and risk-free rate.
   */
  public Map<String, Double> toMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("Periods", (double) periods);
    m.put("Total return", totalReturn);
    m.put("CAGR", cagr);
    m.put("Volatility (ann.)", annualVolatility);
    m.put("Sharpe", sharpeRatio);
    m.put("Sortino", sortinoRatio);
    m.put("Downside risk (ann.)", downsideRisk);
    m.put("Max drawdown", maxDrawdown);
    m.put("Calmar", calmarRatio);
    m.put("Omega", omegaRatio);
    m.put("Tail ratio", tailRatio);
    m.put("VaR 95% (hist.)", valueAtRisk95);
    m.put("CVaR 95% (hist.)", conditionalValueAtRisk95);
    m.put("Skew", skewness);
    m.put("Kurtosis (excess)", kurtosis);
    m.put("Stability", stability);
    m.put("Ulcer index", ulcerIndex);
    m.put("Win rate", winRate);
    m.put("Profit factor", profitFactor);
    m.put("Payoff ratio", payoffRatio);
    m.put("Kelly fraction", kellyFraction);
    if (benchmark != null) {
      m.put("Beta", beta);
      m.put("Alpha (ann.)", alpha);
      m.put("Information ratio", informationRatio);
      m.put("Tracking error (ann.)", trackingError);
      m.put("Up capture", upCapture);
      m.put("Down capture", downCapture);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final java.util.Set<String> PERCENT = java.util.Set.of("Total return", "CAGR",
      "Volatility (ann.)", "Downside risk (ann.)", "Max drawdown", "VaR 95% (hist.)",
      "CVaR 95% (hist.)", "Ulcer index", "Win rate", "Kelly fraction", "Alpha (ann.)",
      "Tracking error (ann.)");

  /** The table label of a {@link #toMap()} key: its units and, where used, the risk-free rate. */
  private String label(String key) {
    String rf = "rf " + percent(riskFreeAnnual) + " a year";
    return switch (key) {
      case "Sharpe" -> "Sharpe (ann., " + rf + ")";
      case "Sortino" -> "Sortino (ann., " + rf + ")";
      case "Downside risk (ann.)" -> "Downside risk (ann., below rf)";
      case "Omega" -> "Omega (threshold rf)";
      case "Tail ratio" -> "Tail ratio (q95 / q5)";
      case "VaR 95% (hist.)" -> "VaR 95% (hist., per period)";
      case "CVaR 95% (hist.)" -> "CVaR 95% (hist., per period)";
      case "Stability" -> "Stability (R^2)";
      case "Win rate" -> "Win rate (per period)";
      case "Profit factor" -> "Profit factor (per period)";
      case "Payoff ratio" -> "Payoff ratio (per period)";
      case "Kelly fraction" -> "Kelly fraction (per period)";
      case "Alpha (ann.)" -> "Alpha (ann., " + rf + ")";
      case "Information ratio" -> "Information ratio (ann.)";
      default -> key;
    };
  }

  private static String percent(double fraction) {
    return TextTable.num(100 * fraction, 2) + "%";
  }

  /**
   * A header (periods, frequency, risk-free rate), then a two- (or three-) column table: metric
   * with its units, strategy, benchmark; and a legend when a value is undefined.
   */
  @Override
  public String toString() {
    Map<String, Double> mine = toMap();
    Map<String, Double> theirs = benchmark == null ? null : benchmark.toMap();
    TextTable t = theirs == null ? new TextTable("Metric", "Strategy")
        : new TextTable("Metric", "Strategy", "Benchmark");
    boolean undefined = false;
    for (Map.Entry<String, Double> e : mine.entrySet()) {
      String k = e.getKey();
      String a = format(k, e.getValue());
      undefined |= a.equals("-");
      if (theirs == null) {
        t.row(label(k), a);
      } else {
        Double v = theirs.get(k);
        String b = v == null ? "" : format(k, v);
        undefined |= b.equals("-");
        t.row(label(k), a, b);
      }
    }
    String head = "Performance over " + periods + " periods of " + frequency
        + "; ratios annualised, risk-free rate " + percent(riskFreeAnnual) + " a year\n";
    return head + t.render() + (undefined
        ? "- = undefined for this data (see Metrics: e.g. fewer than 2 returns, no drawdown)\n"
        : "");
  }

  private static String format(String key, double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (key.equals("Periods")) {
      return Long.toString((long) v);
    }
    return PERCENT.contains(key) ? percent(v) : TextTable.num(v, 2);
  }
}
