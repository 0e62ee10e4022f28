package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
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
 *       on both series.
 *   <li>VaR and CVaR are historical at 95%, as per-period returns (negative = loss).
 *   <li>Benchmark-relative fields are NaN, and {@link #benchmark()} is null, without a
 *       benchmark.
 * </ul>
 *
 * Undefined values (e.g. Calmar without a drawdown) follow {@link Metrics}: NaN or infinity,
 * printed as {@code -} and {@code inf}.
 *
 * @param periods the number of periods (including NaN ones)
 * @param totalReturn {@link Metrics#cumulativeReturn}
 * @param cagr {@link Metrics#cagr}
 * @param annualVolatility {@link Metrics#annualVolatility}
 * @param sharpeRatio {@link Metrics#sharpeRatio} over {@code rf}
 * @param sortinoRatio {@link Metrics#sortinoRatio} over {@code rf}
 * @param downsideRisk {@link Metrics#downsideRisk} below {@code rf}
 * @param maxDrawdown {@link Metrics#maxDrawdown} (negative)
 * @param calmarRatio {@link Metrics#calmarRatio}
 * @param omegaRatio {@link Metrics#omegaRatio} with threshold {@code rf}
 * @param tailRatio {@link Metrics#tailRatio}
 * @param valueAtRisk95 historical {@link Metrics#valueAtRisk} at 95%
 * @param conditionalValueAtRisk95 historical {@link Metrics#conditionalValueAtRisk} at 95%
 * @param skewness {@link Metrics#skewness}
 * @param kurtosis {@link Metrics#kurtosis} (excess)
 * @param stability {@link Metrics#stability}
 * @param ulcerIndex {@link Metrics#ulcerIndex}
 * @param winRate {@link Metrics#winRate}
 * @param profitFactor {@link Metrics#profitFactor}
 * @param payoffRatio {@link Metrics#payoffRatio}
 * @param kellyFraction {@link Metrics#kellyFraction}
 * @param beta {@link Metrics#beta} against the benchmark
 * @param alpha {@link Metrics#alpha} against the benchmark
 * @param informationRatio {@link Metrics#informationRatio}
 * @param trackingError {@link Metrics#trackingError}
 * @param upCapture {@link Metrics#upCapture}
 * @param downCapture {@link Metrics#downCapture}
 * @param benchmark the benchmark's own report, or null
 * @since 0.1.0
 */
public record PerformanceReport(int periods, double totalReturn, double cagr,
    double annualVolatility, double sharpeRatio, double sortinoRatio, double downsideRisk,
    double maxDrawdown, double calmarRatio, double omegaRatio, double tailRatio,
    double valueAtRisk95, double conditionalValueAtRisk95, double skewness, double kurtosis,
    double stability, double ulcerIndex, double winRate, double profitFactor, double payoffRatio,
    double kellyFraction, double beta, double alpha, double informationRatio,
    double trackingError, double upCapture, double downCapture, PerformanceReport benchmark) {

  /** The report of {@code returns} without a benchmark. */
  public static PerformanceReport of(double[] returns, Frequency frequency, double riskFreeAnnual) {
    return of(returns, frequency, riskFreeAnnual, null);
  }

  /**
   * The report of per-period simple {@code returns} against an optional {@code benchmark} of the
   * same length (null for none).
   *
   * @param riskFreeAnnual annual risk-free rate, &gt; -1 (e.g. 0.02)
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
    // (if the input turns out to hold an infinity, pass 1 throws and the result is dropped).
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
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("Return at position " + i + " of 'returns' is " + v
              + "; returns must be finite (NaN for missing)");
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
    double mean = n == 0 ? Double.NaN : sum / n;
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
    double meanC = n == 0 ? Double.NaN : mean + corr / n;
    double std = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
    double vol = std * Math.sqrt(f);
    double sharpe = n < 2 ? Double.NaN : (meanC - rf) / std * Math.sqrt(f);
    double downside = n == 0 ? Double.NaN : Math.sqrt(down2 / n) * Math.sqrt(f);
    double sortino = n < 2 ? Double.NaN : (meanC - rf) * f / downside;
    double omega = n < 2 ? Double.NaN : omegaDown > 0 ? omegaUp / omegaDown : Double.NaN;
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
    double tailRatio = Double.NaN;
    double var95 = Double.NaN;
    double cvar95 = Double.NaN;
    if (n > 0) {
      TailQuantiles.Result q = TailQuantiles.of(r, n, 0.05, min, max);
      tailRatio = Math.abs(q.upper()) / Math.abs(q.lower());
      var95 = q.lower();
      cvar95 = q.lowerTailMean();
    }
    path.finish();
    double stability = stabilityTask != null ? stabilityTask.join() : WealthPath.stability(r);
    double total = Math.expm1(path.logWealth);
    double cagr = r.length == 0 ? Double.NaN : Math.expm1(path.logWealth * f / r.length);
    double calmar = path.maxDrawdown < 0 ? cagr / -path.maxDrawdown : Double.NaN;
    double ulcer = r.length == 0 ? Double.NaN : Math.sqrt(path.sumSquaredDrawdown / r.length);
    return new PerformanceReport(r.length, total, cagr, vol, sharpe, sortino, downside,
        path.maxDrawdown, calmar, omega, tailRatio, var95, cvar95, skew, kurt,
        stability, ulcer, winRate, profitFactor, payoff, kelly, beta, alpha, ir, te, up,
        down, bench);
  }

  /**
   * The metrics by display name, in table order (benchmark-relative ones only with a
   * benchmark). Percent-like values are fractions (0.1 = 10%).
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

  /** A two- (or three-) column table: metric, strategy, benchmark. */
  @Override
  public String toString() {
    Map<String, Double> mine = toMap();
    Map<String, Double> theirs = benchmark == null ? null : benchmark.toMap();
    TextTable t = theirs == null ? new TextTable("Metric", "Strategy")
        : new TextTable("Metric", "Strategy", "Benchmark");
    for (Map.Entry<String, Double> e : mine.entrySet()) {
      String k = e.getKey();
      String a = format(k, e.getValue());
      if (theirs == null) {
        t.row(k, a);
      } else {
        Double b = theirs.get(k);
        t.row(k, a, b == null ? "" : format(k, b));
      }
    }
    return t.render();
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
    return PERCENT.contains(key) ? TextTable.num(100 * v, 2) + "%" : TextTable.num(v, 2);
  }
}
