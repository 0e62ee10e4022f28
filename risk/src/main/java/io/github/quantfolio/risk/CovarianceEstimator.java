package io.github.quantfolio.risk;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.internal.CrossProduct;
import io.github.quantfolio.risk.internal.Moments;
import io.github.quantfolio.risk.internal.ReturnChecks;
import io.github.quantfolio.risk.internal.ShrinkageMath;
import java.util.List;
import java.util.Locale;

/**
 * Estimates an annualised {@link CovarianceMatrix} from per-period returns. Immutable and
 * thread-safe; pick an estimator with a factory and, optionally, a {@link MissingData} policy:
 *
 * <pre>{@code
 * CovarianceMatrix s  = CovarianceEstimator.sample().estimate(returns);
 * CovarianceMatrix lw = CovarianceEstimator.ledoitWolf(ShrinkageTarget.CONSTANT_CORRELATION)
 *     .estimate(returns);
 * CovarianceMatrix ew = CovarianceEstimator.exponential(180)
 *     .withMissingData(MissingData.COMPLETE_ROWS).estimate(returns);
 * }</pre>
 *
 * <p><b>Units.</b> Every estimate is per period, then multiplied by the return frame's
 * {@link io.github.quantfolio.core.Frequency#periodsPerYear() periods per year} (square-root-of-
 * time scaling of volatility). Returns are used as given (simple or log).
 *
 * <p><b>Formulas</b> (x = returns, T periods, N assets, means over the periods used):
 *
 * <ul>
 *   <li>{@link #sample()}: {@code S_ij = sum_t (x_ti - mean_i)(x_tj - mean_j) / (T - 1)}.
 *   <li>{@link #exponential(double)}: with {@code a = 2 / (span + 1)} and weights
 *       {@code w_t = (1 - a)^(T - 1 - t)} (the newest period weighs 1),
 *       {@code E_ij = sum_t w_t d_ti d_tj / sum_t w_t} where {@code d_ti = x_ti - mean_i} is
 *       centred on the asset's own full-sample mean (PyPortfolioOpt's {@code exp_cov}, pandas'
 *       {@code ewm(span).mean()} with {@code adjust=True}); periods where either return is
 *       missing are left out of both sums.
 *   <li>{@link #semicovariance(double)}: {@code d_ti = min(x_ti - b, 0)},
 *       {@code SC_ij = sum_t d_ti d_tj / T} (Estrada 2007; PyPortfolioOpt's
 *       {@code semicovariance}).
 *   <li>Shrinkage ({@link #ledoitWolf(ShrinkageTarget)}, {@link #oracleApproximating()},
 *       {@link #shrunk(ShrinkageTarget, double)}): {@code (1 - delta) S + delta F} where here
 *       {@code S = sum_t (x_ti - mean_i)(x_tj - mean_j) / T} (divisor T, as in the published
 *       estimators and scikit-learn), {@code F} the {@link ShrinkageTarget} and {@code delta}
 *       the estimated (or given) intensity reported by {@link CovarianceMatrix#shrinkage()}.
 * </ul>
 *
 * <p><b>Missing data.</b> Sample, exponential and semicovariance default to
 * {@link MissingData#PAIRWISE}; shrinkage estimators default to
 * {@link MissingData#COMPLETE_ROWS} and refuse PAIRWISE. With no NaN in the frame all policies
 * give the same result.
 *
 * <p>An estimator is a {@link CovarianceModel}: wherever a model is accepted (the walk-forward
 * allocators, {@link CovarianceModel#fromVolatilities} as the correlation source), an estimator
 * and a forecasting model of one's own are interchangeable.
 *
 * @since 0.1.0
 */
public final class CovarianceEstimator implements CovarianceModel {

  private enum Kind { SAMPLE, EXPONENTIAL, SEMICOVARIANCE, LEDOIT_WOLF, OAS, FIXED }

  private final Kind kind;
  private final ShrinkageTarget target;
  private final double parameter; // span, benchmark or fixed intensity
  private final MissingData missing;

  private CovarianceEstimator(Kind kind, ShrinkageTarget target, double parameter,
      MissingData missing) {
    this.kind = kind;
    this.target = target;
    this.parameter = parameter;
    this.missing = missing;
  }

  /**
   * The sample covariance (divisor T - 1), pairwise by default.
   *
   * @return the sample covariance estimator (divisor T - 1, {@code PAIRWISE})
   */
  public static CovarianceEstimator sample() {
    return new CovarianceEstimator(Kind.SAMPLE, null, Double.NaN, MissingData.PAIRWISE);
  }

  /**
   * Exponentially weighted covariance with the given span (in periods; PyPortfolioOpt's default
   * is 180), pairwise by default.
   *
   * @param span the span in periods, finite and &gt;= 1 (decay {@code a = 2 / (span + 1)})
   * @return the exponentially weighted estimator ({@code PAIRWISE})
   */
  public static CovarianceEstimator exponential(double span) {
    Checks.finite(span, "span");
    if (span < 1) {
      throw new IllegalArgumentException("Expected span >= 1, but found " + span);
    }
    return new CovarianceEstimator(Kind.EXPONENTIAL, null, span, MissingData.PAIRWISE);
  }

  /**
   * Semicovariance of returns below a benchmark, pairwise by default.
   *
   * @param benchmarkPerPeriod the per-period return below which deviations count (e.g. 0, or the
   *     per-period risk-free rate)
   * @return the semicovariance estimator ({@code PAIRWISE})
   */
  public static CovarianceEstimator semicovariance(double benchmarkPerPeriod) {
    Checks.finite(benchmarkPerPeriod, "benchmarkPerPeriod");
    return new CovarianceEstimator(Kind.SEMICOVARIANCE, null, benchmarkPerPeriod,
        MissingData.PAIRWISE);
  }

  /**
   * Ledoit-Wolf shrinkage towards {@code target} with the optimal estimated intensity.
   *
   * @param target the matrix to shrink towards, not null
   * @return the Ledoit-Wolf estimator ({@code COMPLETE_ROWS})
   */
  public static CovarianceEstimator ledoitWolf(ShrinkageTarget target) {
    return new CovarianceEstimator(Kind.LEDOIT_WOLF, Checks.notNull(target, "target"),
        Double.NaN, MissingData.COMPLETE_ROWS);
  }

  /**
   * Ledoit-Wolf shrinkage towards {@link ShrinkageTarget#CONSTANT_VARIANCE} (scikit-learn's
   * default).
   *
   * @return the Ledoit-Wolf estimator towards the scaled identity ({@code COMPLETE_ROWS})
   */
  public static CovarianceEstimator ledoitWolf() {
    return ledoitWolf(ShrinkageTarget.CONSTANT_VARIANCE);
  }

  /**
   * Oracle approximating shrinkage (Chen et al. 2010) towards the scaled identity.
   *
   * @return the oracle approximating shrinkage estimator ({@code COMPLETE_ROWS})
   */
  public static CovarianceEstimator oracleApproximating() {
    return new CovarianceEstimator(Kind.OAS, ShrinkageTarget.CONSTANT_VARIANCE, Double.NaN,
        MissingData.COMPLETE_ROWS);
  }

  /**
   * Shrinkage with a fixed intensity: {@code (1 - intensity) S + intensity F}.
   *
   * @param target the matrix {@code F} to shrink towards, not null
   * @param intensity the weight of the target, in [0, 1] (0 gives {@code S} with divisor T, 1 the
   *     target)
   * @return the fixed-intensity shrinkage estimator ({@code COMPLETE_ROWS})
   */
  public static CovarianceEstimator shrunk(ShrinkageTarget target, double intensity) {
    Checks.notNull(target, "target");
    Checks.inRange(intensity, 0, 1, "intensity");
    return new CovarianceEstimator(Kind.FIXED, target, intensity, MissingData.COMPLETE_ROWS);
  }

  /**
   * This estimator with another missing-data policy.
   *
   * @param policy the missing-data policy, not null
   * @return a copy of this estimator with {@code policy}
   * @throws IllegalArgumentException for {@link MissingData#PAIRWISE} on a shrinkage estimator
   */
  public CovarianceEstimator withMissingData(MissingData policy) {
    Checks.notNull(policy, "policy");
    if (policy == MissingData.PAIRWISE && isShrinkage()) {
      throw new IllegalArgumentException("PAIRWISE is not available for " + this
          + ": shrinkage formulas need one complete data matrix; use COMPLETE_ROWS or ZERO_FILL");
    }
    return new CovarianceEstimator(kind, target, parameter, policy);
  }

  /**
   * The missing-data policy in force.
   *
   * @return the missing-data policy in force
   */
  public MissingData missingData() {
    return missing;
  }

  private boolean isShrinkage() {
    return kind == Kind.LEDOIT_WOLF || kind == Kind.OAS || kind == Kind.FIXED;
  }

  /**
   * Estimates the annualised covariance of every asset of {@code returns}. The result records
   * how it was estimated (periods used out of the frame's, the missing-data policy, pairwise
   * counts, shrinkage) and whether too few periods make it singular; its {@code toString()}
   * says so. Fewer periods than assets are accepted (the estimate is a valid statistic, e.g. for
   * the risk of a given portfolio) but flagged by {@link CovarianceMatrix#isRankDeficient()}.
   *
   * @param returns per-period returns, one column per asset (simple returns must be &gt;= -1)
   * @return the annualised estimate
   * @throws IllegalArgumentException if fewer than 2 periods are usable (overall, or for a pair
   *     under PAIRWISE: the message names the pair), if the frame's frequency is unknown, if a
   *     simple return is below -1 (naming asset, date and value), if a target is undefined
   *     (e.g. constant correlation with a zero-variance asset, named), if a pair's exponential
   *     weights all underflow to 0, or if an entry overflows the double range
   */
  @Override
  public CovarianceMatrix estimate(ReturnFrame returns) {
    Checks.notNull(returns, "returns");
    // checked before the frequency: one row has none to infer, but that is not the cause
    if (returns.rows() < 2) {
      throw new IllegalArgumentException("A covariance needs at least 2 periods, but the return "
          + "frame has " + returns.rows());
    }
    double periodsPerYear;
    try {
      periodsPerYear = returns.frequency().periodsPerYear();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<String> assets = returns.assets();
    int total = returns.rows();
    double[][] x = returns.toArray();
    long missingValues = checkedMissingCount(returns, x);
    boolean hasNaN = missingValues > 0;
    if (hasNaN && missing == MissingData.COMPLETE_ROWS) {
      x = completeRows(x, assets);
    }
    String sparsest = null; // ZERO_FILL: the asset with the fewest real returns, for toString
    int sparsestReturns = -1;
    if (hasNaN && missing == MissingData.ZERO_FILL) {
      for (int i = 0; i < x.length; i++) {
        double[] col = x[i];
        int real = 0;
        for (int t = 0; t < col.length; t++) {
          if (col[t] != col[t]) {
            col[t] = 0.0;
          } else {
            real++;
          }
        }
        if (sparsest == null || real < sparsestReturns) {
          sparsest = assets.get(i);
          sparsestReturns = real;
        }
      }
    }
    boolean pairwise = hasNaN && missing == MissingData.PAIRWISE;
    int rows = x[0].length;
    Result r;
    switch (kind) {
      case SAMPLE:
        r = pairwise ? pairwiseSample(x, assets) : completeSample(x, rows);
        break;
      case EXPONENTIAL:
        r = exponential(x, assets, rows);
        break;
      case SEMICOVARIANCE:
        r = semicovariance(x, assets, rows);
        break;
      default:
        r = shrinkage(x, assets, rows);
        break;
    }
    double[][] v = r.values;
    for (int i = 0; i < v.length; i++) {
      double[] row = v[i];
      for (int j = 0; j < row.length; j++) {
        row[j] *= periodsPerYear;
        if (!Double.isFinite(row[j])) { // products of huge returns overflow
          throw new IllegalArgumentException("The covariance of '" + assets.get(i) + "' and '"
              + assets.get(j) + "' is " + row[j] + ": the returns are too large for a covariance"
              + " in doubles (squares overflow)");
        }
      }
    }
    // rank of a centred T-row data matrix <= T - 1; the semicovariance is not centred (<= T);
    // a pairwise matrix is no Gram matrix and has no such bound
    int rankBound = pairwise ? -1 : kind == Kind.SEMICOVARIANCE ? rows : rows - 1;
    CovarianceMatrix.Estimation how = new CovarianceMatrix.Estimation(this, total,
        r.maxPairObservations, hasNaN ? missingValues : 0, pairwise, rankBound, sparsest,
        sparsestReturns);
    return new CovarianceMatrix(assets, v, r.observations, r.shrinkage, how, 0.0);
  }

  /**
   * The number of missing values of {@code x} (the frame's columns); rejects simple returns
   * below -1 naming asset and date.
   */
  private static long checkedMissingCount(ReturnFrame returns, double[][] x) {
    boolean simple = returns.type() == ReturnFrame.Type.SIMPLE;
    long missingValues = 0;
    for (int i = 0; i < x.length; i++) {
      double[] col = x[i];
      for (int t = 0; t < col.length; t++) {
        double v = col[t];
        if (v != v) {
          missingValues++;
        } else if (simple && v < -1) {
          throw ReturnChecks.rejection(v, t, returns.assets().get(i), returns.index());
        }
      }
    }
    return missingValues;
  }

  /** The rows of {@code x} where every asset has a value. */
  private static double[][] completeRows(double[][] x, List<String> assets) {
    int rows = x[0].length;
    boolean[] keep = new boolean[rows];
    int kept = 0;
    for (int t = 0; t < rows; t++) {
      boolean ok = true;
      for (double[] col : x) {
        if (col[t] != col[t]) {
          ok = false;
          break;
        }
      }
      keep[t] = ok;
      kept += ok ? 1 : 0;
    }
    if (kept < 2) {
      int sparsest = 0;
      int fewest = Integer.MAX_VALUE;
      for (int i = 0; i < x.length; i++) {
        int c = 0;
        for (double v : x[i]) {
          c += v == v ? 1 : 0;
        }
        if (c < fewest) {
          fewest = c;
          sparsest = i;
        }
      }
      throw new IllegalArgumentException("A covariance needs at least 2 periods, but only " + kept
          + " of " + rows + " periods have a return for every asset (COMPLETE_ROWS; the sparsest, '"
          + assets.get(sparsest) + "', has " + fewest + "); use PAIRWISE or fewer assets");
    }
    double[][] out = new double[x.length][kept];
    for (int i = 0; i < x.length; i++) {
      for (int t = 0, k = 0; t < rows; t++) {
        if (keep[t]) {
          out[i][k++] = x[i][t];
        }
      }
    }
    return out;
  }

  /**
   * A kernel's output: per-period values, the periods used (the smallest pairwise count under
   * PAIRWISE), the largest pairwise count (= observations otherwise), the shrinkage (NaN if none).
   */
  private record Result(double[][] values, int observations, int maxPairObservations,
      double shrinkage) {
  }

  private static void requireRows(int rows, String what) {
    if (rows < 2) {
      throw new IllegalArgumentException("A covariance needs at least 2 periods, but " + what
          + " has " + rows);
    }
  }

  private static double[] center(double[][] x, int rows) {
    double[] means = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double mean = Moments.mean(x[i]);
      double[] col = x[i];
      for (int t = 0; t < rows; t++) {
        col[t] -= mean;
      }
      means[i] = mean;
    }
    return means;
  }

  private static Result completeSample(double[][] x, int rows) {
    requireRows(rows, "the data");
    center(x, rows);
    double[][] s = CrossProduct.gram(x);
    scale(s, 1.0 / (rows - 1));
    return new Result(s, rows, rows, Double.NaN);
  }

  /**
   * pandas-style pairwise covariance. Columns are first centred on their own full-sample means
   * (which changes nothing algebraically but avoids cancellation), then for each pair
   * {@code (sum xy - sum x sum y / n) / (n - 1)} over the n common periods, from three cross
   * products of the zero-filled data {@code X} and the presence mask {@code M}:
   * {@code X^T X}, {@code X^T M} and {@code M^T M}.
   */
  private static Result pairwiseSample(double[][] x, List<String> assets) {
    int n = x.length;
    int rows = x[0].length;
    double[][] mask = new double[n][rows];
    for (int i = 0; i < n; i++) {
      double[] col = x[i];
      double mean = Moments.mean(col);
      for (int t = 0; t < rows; t++) {
        if (col[t] == col[t]) {
          col[t] -= mean;
          mask[i][t] = 1.0;
        } else {
          col[t] = 0.0;
        }
      }
    }
    double[][] xx = CrossProduct.gram(x);
    double[][] xm = CrossProduct.cross(x, mask); // xm[i][j] = sum over common periods of x_i
    double[][] mm = CrossProduct.gram(mask);
    double[][] out = new double[n][n];
    int minObs = Integer.MAX_VALUE;
    int maxObs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        int common = (int) Math.round(mm[i][j]);
        if (common < 2) {
          throw new IllegalArgumentException(i == j
              ? "Asset '" + assets.get(i) + "' has " + common + " return(s); a covariance needs 2"
              : "Assets '" + assets.get(j) + "' and '" + assets.get(i) + "' share " + common
                  + " period(s); a pairwise covariance needs 2");
        }
        minObs = Math.min(minObs, common);
        maxObs = Math.max(maxObs, i == j ? 0 : common);
        double v = (xx[i][j] - xm[i][j] * xm[j][i] / common) / (common - 1);
        out[i][j] = v;
        out[j][i] = v;
      }
    }
    return new Result(out, minObs, n == 1 ? minObs : maxObs, Double.NaN);
  }

  private Result exponential(double[][] x, List<String> assets, int rows) {
    requireRows(rows, "the data");
    int n = x.length;
    double a = 2.0 / (parameter + 1.0);
    double[] sqrtW = new double[rows];
    for (int t = 0; t < rows; t++) {
      sqrtW[t] = Math.sqrt(Math.pow(1 - a, rows - 1 - t));
    }
    double[][] mask = new double[n][rows]; // sqrt(w_t) where present
    double[][] presence = new double[n][rows]; // 1 where present (weights may underflow to 0)
    boolean anyMissing = false;
    for (int i = 0; i < n; i++) {
      double[] col = x[i];
      double mean = Moments.mean(col);
      if (mean != mean) {
        throw new IllegalArgumentException("Asset '" + assets.get(i) + "' has no return");
      }
      for (int t = 0; t < rows; t++) {
        if (col[t] == col[t]) {
          col[t] = (col[t] - mean) * sqrtW[t];
          mask[i][t] = sqrtW[t];
          presence[i][t] = 1.0;
        } else {
          col[t] = 0.0;
          anyMissing = true;
        }
      }
    }
    double[][] num = CrossProduct.gram(x);
    int minObs = rows;
    int maxObs = n == 1 ? rows : 0;
    if (anyMissing) {
      double[][] den = CrossProduct.gram(mask);
      double[][] present = CrossProduct.gram(presence);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (present[i][j] < 1) {
            throw new IllegalArgumentException("Assets '" + assets.get(i) + "' and '"
                + assets.get(j) + "' share no period");
          }
          if (!(den[i][j] > 0)) { // would be 0/0: a NaN entry
            throw new IllegalArgumentException("Assets '" + assets.get(i) + "' and '"
                + assets.get(j) + "' share " + Math.round(present[i][j]) + " periods, but all so "
                + "far before the end that their exponential weights (span " + parameter
                + ") underflow to 0; use a longer span or leave the asset out");
          }
          minObs = (int) Math.min(minObs, present[i][j]);
          if (i != j) {
            maxObs = (int) Math.max(maxObs, present[i][j]);
          }
          num[i][j] /= den[i][j];
        }
      }
    } else {
      double wSum = 0;
      for (double w : sqrtW) {
        wSum += w * w;
      }
      scale(num, 1.0 / wSum);
      maxObs = rows;
    }
    return new Result(num, minObs, maxObs, Double.NaN);
  }

  private Result semicovariance(double[][] x, List<String> assets, int rows) {
    int n = x.length;
    double[][] mask = new double[n][rows];
    boolean anyMissing = false;
    for (int i = 0; i < n; i++) {
      double[] col = x[i];
      for (int t = 0; t < rows; t++) {
        if (col[t] == col[t]) {
          col[t] = Math.min(col[t] - parameter, 0.0);
          mask[i][t] = 1.0;
        } else {
          col[t] = 0.0;
          anyMissing = true;
        }
      }
    }
    double[][] s = CrossProduct.gram(x);
    if (!anyMissing) {
      if (rows < 1) {
        throw new IllegalArgumentException("A semicovariance needs at least 1 period");
      }
      scale(s, 1.0 / rows);
      return new Result(s, rows, rows, Double.NaN);
    }
    double[][] counts = CrossProduct.gram(mask);
    int minObs = rows;
    int maxObs = n == 1 ? rows : 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int c = (int) Math.round(counts[i][j]);
        if (c < 1) {
          throw new IllegalArgumentException("Assets '" + assets.get(i) + "' and '"
              + assets.get(j) + "' share no period");
        }
        minObs = Math.min(minObs, c);
        if (i != j) {
          maxObs = Math.max(maxObs, c);
        }
        s[i][j] /= c;
      }
    }
    return new Result(s, minObs, maxObs, Double.NaN);
  }

  private Result shrinkage(double[][] x, List<String> assets, int rows) {
    requireRows(rows, "the data");
    center(x, rows);
    double[][] s = CrossProduct.gram(x);
    scale(s, 1.0 / rows);
    ShrinkageMath.Shrunk shrunk;
    try {
      if (kind == Kind.OAS) {
        shrunk = ShrinkageMath.oracleApproximating(s, rows);
      } else {
        switch (target) {
          case CONSTANT_VARIANCE:
            shrunk = ShrinkageMath.constantVariance(x, s, rows);
            break;
          case SINGLE_FACTOR:
            shrunk = ShrinkageMath.singleFactor(x, s, rows);
            break;
          default:
            shrunk = ShrinkageMath.constantCorrelation(x, s, rows);
            break;
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(nameAsset(e.getMessage(), assets), e);
    }
    double delta = kind == Kind.FIXED ? parameter : shrunk.intensity();
    return new Result(ShrinkageMath.combine(s, shrunk.target(), delta), rows, rows, delta);
  }

  /** Replaces "position k" in a kernel message by the asset's name. */
  private static String nameAsset(String message, List<String> assets) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("position (\\d+)").matcher(message);
    if (m.find()) {
      int k = Integer.parseInt(m.group(1));
      return message.replace(m.group(), "'" + assets.get(k) + "'");
    }
    return message;
  }

  private static void scale(double[][] m, double f) {
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= f;
      }
    }
  }

  @Override
  public String toString() {
    String k;
    switch (kind) {
      case SAMPLE:
        k = "sample";
        break;
      case EXPONENTIAL:
        k = "exponential(span=" + parameter + ")";
        break;
      case SEMICOVARIANCE:
        k = "semicovariance(benchmark=" + parameter + ")";
        break;
      case LEDOIT_WOLF:
        k = "ledoitWolf(" + target + ")";
        break;
      case OAS:
        k = "oracleApproximating";
        break;
      default:
        k = "shrunk(" + target + ", " + parameter + ")";
        break;
    }
    return "CovarianceEstimator." + k + " [" + missing.name().toLowerCase(Locale.ROOT) + "]";
  }
}
