package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.risk.internal.History;
import io.github.quantfolio.risk.internal.ReturnChecks;
import io.github.quantfolio.risk.internal.TailQuantiles;
import io.github.quantfolio.risk.internal.WealthPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p><b>History.</b> The report covers the series' history, from its first to its last valid
 * return (see {@link Metrics}): NaN before the first return (a late listing) and after the last
 * are not part of it, so every row — CAGR and volatility alike — describes the same periods.
 * {@link #periods()} is the history's length, {@link #validReturns()} the returns in it (fewer
 * when it has gaps), {@link #start()} its first position in the given array. The benchmark column
 * covers the same positions as the strategy.
 *
 * <p><b>Undefined values.</b> A report needs data: a series (or benchmark) that is empty or all
 * NaN is rejected. Values that are undefined for the data at hand follow {@link Metrics}'s
 * minimum samples and rules — NaN or infinity, printed as {@code -} and {@code inf}, with a
 * legend under the table that says why each {@code -} is undefined: CAGR, Calmar, alpha and the
 * capture ratios need a history of at least one year (they are annualised by compounding), the
 * historical VaR, CVaR and tail ratio at least 20 returns, anything with a standard deviation at
 * least 2; Calmar needs a drawdown.
 *
 * @param periods the length of the history: periods from the first to the last valid return
 *     (gaps inside included), the {@code T} of the CAGR
 * @param validReturns the valid returns in the history, the {@code n} of the statistics
 * @param start position of the history's first period in the given array (0 unless it began
 *     with NaN)
 * @param inputPeriods the length of the given array
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
 * @param correlation {@link Metrics#correlation} of the returns with the benchmark's (Pearson,
 *     over periods where both have a value)
 * @param benchmark the benchmark's own report, or null
 * @since 0.1.0
 */
public record PerformanceReport(int periods, int validReturns, int start, int inputPeriods,
    Frequency frequency, double riskFreeAnnual,
    double totalReturn, double cagr,
    double annualVolatility, double sharpeRatio, double sortinoRatio, double downsideRisk,
    double maxDrawdown, double calmarRatio, double omegaRatio, double tailRatio,
    double valueAtRisk95, double conditionalValueAtRisk95, double skewness, double kurtosis,
    double stability, double ulcerIndex, double winRate, double profitFactor, double payoffRatio,
    double kellyFraction, double beta, double alpha, double informationRatio,
    double trackingError, double upCapture, double downCapture, double correlation,
    PerformanceReport benchmark) {

  /**
   * A report without the correlation field (NaN); the constructor of releases before 0.3.
   *
   * @param periods see the record's components, in the same order, without {@code correlation}
   * @param validReturns see the record
   * @param start see the record
   * @param inputPeriods see the record
   * @param frequency see the record
   * @param riskFreeAnnual see the record
   * @param totalReturn see the record
   * @param cagr see the record
   * @param annualVolatility see the record
   * @param sharpeRatio see the record
   * @param sortinoRatio see the record
   * @param downsideRisk see the record
   * @param maxDrawdown see the record
   * @param calmarRatio see the record
   * @param omegaRatio see the record
   * @param tailRatio see the record
   * @param valueAtRisk95 see the record
   * @param conditionalValueAtRisk95 see the record
   * @param skewness see the record
   * @param kurtosis see the record
   * @param stability see the record
   * @param ulcerIndex see the record
   * @param winRate see the record
   * @param profitFactor see the record
   * @param payoffRatio see the record
   * @param kellyFraction see the record
   * @param beta see the record
   * @param alpha see the record
   * @param informationRatio see the record
   * @param trackingError see the record
   * @param upCapture see the record
   * @param downCapture see the record
   * @param benchmark see the record
   */
  public PerformanceReport(int periods, int validReturns, int start, int inputPeriods,
      Frequency frequency, double riskFreeAnnual, double totalReturn, double cagr,
      double annualVolatility, double sharpeRatio, double sortinoRatio, double downsideRisk,
      double maxDrawdown, double calmarRatio, double omegaRatio, double tailRatio,
      double valueAtRisk95, double conditionalValueAtRisk95, double skewness, double kurtosis,
      double stability, double ulcerIndex, double winRate, double profitFactor,
      double payoffRatio, double kellyFraction, double beta, double alpha,
      double informationRatio, double trackingError, double upCapture, double downCapture,
      PerformanceReport benchmark) {
    this(periods, validReturns, start, inputPeriods, frequency, riskFreeAnnual, totalReturn,
        cagr, annualVolatility, sharpeRatio, sortinoRatio, downsideRisk, maxDrawdown,
        calmarRatio, omegaRatio, tailRatio, valueAtRisk95, conditionalValueAtRisk95, skewness,
        kurtosis, stability, ulcerIndex, winRate, profitFactor, payoffRatio, kellyFraction, beta,
        alpha, informationRatio, trackingError, upCapture, downCapture, Double.NaN, benchmark);
  }

  /**
   * The report of {@code returns} without a benchmark.
   *
   * @param returns per-period simple returns (NaN = missing), at least one valid
   * @param frequency periods per year for annualisation
   * @param riskFreeAnnual annual risk-free rate, &gt; -1 (e.g. 0.02)
   * @return the report, with NaN benchmark-relative fields
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
   * @param benchmark the benchmark's per-period simple returns, or null; its column and the
   *     relative metrics cover the strategy's history only
   * @return the report
   * @throws IllegalArgumentException if {@code returns} is empty or all NaN, or the benchmark has
   *     no valid return within the strategy's history (the message says which), if either holds
   *     an infinity or a return below -1 (named by position), or the lengths differ
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
    double corr = Double.NaN;
    PerformanceReport bench = null;
    History h = History.of(returns);
    if (benchmark != null) {
      if (benchmark.length != returns.length) {
        throw new IllegalArgumentException("Expected returns and benchmark of equal length, but found "
            + returns.length + " and " + benchmark.length);
      }
      requireData(ReturnChecks.simple(benchmark, "benchmark"), "benchmark");
      requireData(ReturnChecks.simple(returns, "returns"), "returns");
      double[] r = slice(returns, h);
      double[] b = slice(benchmark, h);
      if (History.of(b).first() < 0) {
        throw new IllegalArgumentException("The benchmark has no valid return within the history "
            + "of 'returns' (positions " + h.first() + " .. " + h.last() + ")");
      }
      beta = Metrics.beta(r, b);
      alpha = Metrics.alpha(r, b, rf, frequency);
      ir = Metrics.informationRatio(r, b, frequency);
      te = Metrics.trackingError(r, b, frequency);
      up = Metrics.upCapture(r, b, frequency);
      down = Metrics.downCapture(r, b, frequency);
      corr = Metrics.correlation(r, b);
      bench = of(b, frequency, riskFreeAnnual, null);
    }
    if (h.first() < 0) {
      requireData(ReturnChecks.simple(returns, "returns"), "returns");
    }
    return compute(slice(returns, h), h.first(), returns.length, frequency, rf, riskFreeAnnual,
        beta, alpha, ir, te, up, down, corr, bench);
  }

  /** The history's periods of {@code a} (the array itself when that is all of it). */
  private static double[] slice(double[] a, History h) {
    return h.first() == 0 && h.last() == a.length - 1 ? a
        : Arrays.copyOfRange(a, h.first(), h.last() + 1);
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
   * The single-series metrics of the history {@code r} (starting at position {@code start} of
   * the given array of length {@code inputPeriods}) from a few passes instead of one per metric:
   * trade counts, moments, the tail quantiles and the wealth path on this thread, the stability
   * fit on a second core when the series is long. Each value equals its {@link Metrics} function
   * up to rounding (a property test checks 1e-10 relative).
   */
  private static PerformanceReport compute(double[] r, int start, int inputPeriods,
      Frequency frequency, double rf, double riskFreeAnnual, double beta, double alpha,
      double ir, double te, double up, double down, double correlation,
      PerformanceReport bench) {
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
          throw ReturnChecks.rejection(v, start + i, "returns", null);
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
    if (!(Math.abs(sum) < Double.POSITIVE_INFINITY)) { // returns near the double range
      mean = 0;
      for (double v : r) {
        mean += v == v ? v / n : 0;
      }
    }
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
    double scale = 1; // the central moments are sums of (d / scale)^k
    if (!(m4 < Double.POSITIVE_INFINITY) && n >= 2) {
      // fourth (or second) powers overflowed: redo them relative to the largest deviation
      scale = Math.scalb(1.0, Math.getExponent(Math.max(max - mean, mean - min)));
      m2 = 0;
      m3 = 0;
      m4 = 0;
      for (double v : r) {
        if (v == v) {
          double d = (v - mean) / scale;
          double d2 = d * d;
          m2 += d2;
          m3 += d2 * d;
          m4 += d2 * d2;
        }
      }
    }
    double std = n < 2 ? Double.NaN : scale * Math.sqrt(m2 / (n - 1));
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
    double tailRatio = Double.NaN;
    double var95 = Double.NaN;
    double cvar95 = Double.NaN;
    if (n >= TailQuantiles.minimumCount(1 - 0.95)) { // see Metrics: a 5 % tail needs 20 returns
      TailQuantiles.Result q = TailQuantiles.of(r, n, 1 - 0.95, min, max);
      tailRatio = Math.abs(q.upper()) / Math.abs(q.lower());
      var95 = q.lower();
      cvar95 = q.lowerTailMean();
    }
    path.finish();
    double stability = stabilityTask != null ? stabilityTask.join() : WealthPath.stability(r);
    double total = Math.expm1(path.logWealth);
    // r is the history: its length is the elapsed time T; annualised only over a year or more
    double cagr = r.length >= f ? Math.expm1(path.logWealth * f / r.length) : Double.NaN;
    double calmar = path.maxDrawdown < 0 ? cagr / -path.maxDrawdown : Double.NaN;
    double ulcer = Math.sqrt(path.sumSquaredDrawdown / r.length);
    return new PerformanceReport(r.length, n, start, inputPeriods, frequency, riskFreeAnnual,
        total, cagr, vol, sharpe, sortino, downside,
        path.maxDrawdown, calmar, omega, tailRatio, var95, cvar95, skew, kurt,
        stability, ulcer, winRate, profitFactor, payoff, kelly, beta, alpha, ir, te, up,
        down, correlation, bench);
  }

  /**
   * The metrics by stable name, in table order (benchmark-relative ones only with a benchmark).
   * Percent-like values are fractions (0.1 = 10%). The names are short keys; the
   * {@link #toString() table} labels the same rows with their units and risk-free rate.
   *
   * @return the metrics by stable name, in table order (benchmark-relative ones only with a
   *     benchmark)
   */
  public Map<String, Double> toMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("Periods", (double) periods);
    m.put("Valid returns", (double) validReturns);
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
      m.put("Correlation", correlation);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final java.util.Set<String> PERCENT = java.util.Set.of("Total return", "CAGR",
      "Volatility (ann.)", "Downside risk (ann.)", "Max drawdown", "VaR 95% (hist.)",
      "CVaR 95% (hist.)", "Ulcer index", "Win rate", "Kelly fraction", "Alpha (ann.)",
      "Tracking error (ann.)");

  /**
   * The label the {@link #toString() table} gives a {@link #toMap()} key: the key with its units
   * and, where used, the risk-free rate ({@code "Sharpe (ann., rf 2.00% a year)"},
   * {@code "Win rate (per period)"}); other keys unchanged. For reports of one's own (the HTML
   * tearsheet uses it) so that every printed Sharpe ratio says its rate.
   *
   * @param key a key of {@link #toMap()}
   * @return its label
   */
  public String label(String key) {
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
   * A header (periods, frequency, risk-free rate; and the history's positions when the series
   * began or ended with NaN or has gaps), then a two- (or three-) column table: metric with its
   * units, strategy, benchmark; and a legend that says why each undefined value ({@code -}) is
   * undefined.
   */
  @Override
  public String toString() {
    Map<String, Double> mine = toMap();
    Map<String, Double> theirs = benchmark == null ? null : benchmark.toMap();
    TextTable t = theirs == null ? new TextTable("Metric", "Strategy")
        : new TextTable("Metric", "Strategy", "Benchmark");
    Map<String, List<String>> why = new LinkedHashMap<>(); // reason -> rows
    for (Map.Entry<String, Double> e : mine.entrySet()) {
      String k = e.getKey();
      String a = format(k, e.getValue());
      if (a.equals("-")) {
        why.computeIfAbsent(undefinedBecause(k), x -> new ArrayList<>()).add(k);
      }
      if (theirs == null) {
        t.row(label(k), a);
      } else {
        Double v = theirs.get(k);
        String b = v == null ? "" : format(k, v);
        if (b.equals("-")) {
          why.computeIfAbsent("benchmark: " + benchmark.undefinedBecause(k),
              x -> new ArrayList<>()).add(k);
        }
        t.row(label(k), a, b);
      }
    }
    StringBuilder sb = new StringBuilder("Performance over ").append(periods)
        .append(" periods of ").append(frequency).append("; ratios annualised, risk-free rate ")
        .append(percent(riskFreeAnnual)).append(" a year\n");
    int after = inputPeriods - start - periods;
    int gaps = periods - validReturns;
    if (start > 0 || after > 0 || gaps > 0) {
      sb.append("History: positions ").append(start).append(" .. ").append(start + periods - 1)
          .append(" of the ").append(inputPeriods).append(" given, first to last valid return");
      if (start > 0 || after > 0) {
        sb.append(" (").append(start).append(" NaN before and ").append(after)
            .append(" after it are not part of it)");
      }
      sb.append("; ").append(validReturns).append(" returns");
      if (gaps > 0) {
        sb.append(" and ").append(gaps).append(" gaps (NaN inside, counted as no change)");
      }
      sb.append(benchmark == null ? "\n" : "; the benchmark over the same positions\n");
    }
    sb.append(t.render());
    if (!why.isEmpty()) {
      sb.append("- = undefined for this data:\n");
      for (Map.Entry<String, List<String>> e : why.entrySet()) {
        sb.append("  ").append(String.join(", ", e.getValue())).append(": ").append(e.getKey())
            .append('\n');
      }
    }
    return sb.toString();
  }

  /** Why the value of {@code key} is undefined (NaN) in this report, in words. */
  private String undefinedBecause(String key) {
    double f = frequency.periodsPerYear();
    String shortHistory = "a history of " + periods + (periods == 1 ? " period" : " periods")
        + " is shorter than a year ("
        + TextTable.num(f, 0) + " periods), so it is not annualised (see Total return)";
    int tail = TailQuantiles.minimumCount(1 - 0.95);
    String few = validReturns + " valid return" + (validReturns == 1 ? "" : "s");
    switch (key) {
      case "CAGR":
        return periods < f ? shortHistory : "undefined";
      case "Calmar":
        return periods < f ? shortHistory : "no drawdown";
      case "Alpha (ann.)", "Up capture", "Down capture":
        return periods < f ? shortHistory : key.equals("Alpha (ann.)")
            ? "the benchmark does not vary" : "the benchmark never moved that way";
      case "VaR 95% (hist.)", "CVaR 95% (hist.)", "Tail ratio":
        return validReturns < tail ? few + "; a 5% tail needs at least " + tail
            : "both tail quantiles are 0";
      case "Skew":
        return validReturns < 3 ? few + "; skewness needs 3" : "the returns do not vary";
      case "Kurtosis (excess)":
        return validReturns < 4 ? few + "; kurtosis needs 4" : "the returns do not vary";
      case "Stability":
        return validReturns < 3 ? few + "; a fitted line needs 3 points"
            : "flat or wiped-out wealth";
      case "Win rate":
        return "no period with a non-zero return";
      case "Profit factor":
        return "no gain and no loss";
      case "Payoff ratio", "Kelly fraction":
        return "no winning period";
      case "Correlation":
        return "fewer than 3 periods in common, or a series that does not vary";
      default:
        return validReturns < 2 ? few + "; a standard deviation needs 2"
            : "0 / 0 (no dispersion, or nothing above or below the risk-free rate)";
    }
  }

  private static String format(String key, double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (key.equals("Periods") || key.equals("Valid returns")) {
      return Long.toString((long) v);
    }
    return PERCENT.contains(key) ? percent(v) : TextTable.num(v, 2);
  }
}
