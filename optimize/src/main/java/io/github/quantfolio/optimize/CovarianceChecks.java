package io.github.quantfolio.optimize;

import io.github.quantfolio.optimize.internal.Psd;
import java.util.Arrays;
import io.github.quantfolio.risk.CovarianceMatrix;

/**
 * The checks every covariance-based optimizer makes on its covariance before it accepts it:
 * positive semidefinite (else a repair is suggested), and not a singular unshrunk estimate.
 *
 * <p>Why the second: a covariance estimated from T return periods without shrinkage has rank at
 * most T, so with fewer periods than assets it is singular, and so is an estimate in which one
 * asset's returns are a combination of others'. A singular matrix has directions of zero
 * variance that are artefacts of the sample; an optimizer finds them and reports portfolios with
 * near-zero risk (500 noise assets, 100 periods: "Sharpe 270"). Shrinkage
 * ({@code CovarianceEstimator.ledoitWolf()}) makes the estimate positive definite. A matrix built
 * by hand with {@link CovarianceMatrix#of} (no observations recorded) is the caller's model and
 * is accepted singular or not: e.g. an asset duplicated on purpose.
 *
 * <p>The numerical test ({@link #SINGULAR_TOLERANCE}): Cholesky factorisation of the correlation
 * matrix, in asset order. Its k-th pivot is the share of asset k's variance not explained by the
 * assets before it ({@code 1 - R^2} of that regression); a pivot at or below 1e-10 means the
 * asset is, to working precision, a combination of the others. It is independent of the scale
 * of each asset's variance (a low-volatility asset is not "singular"), a rank-deficient estimate
 * always meets it (its pivots are rounding noise, ~1e-16 x N), and no matrix whose condition
 * number is below 1e10 can meet it (each pivot is at least the smallest eigenvalue of the
 * correlation matrix).
 */
final class CovarianceChecks {

  /** Largest share of an asset's variance left unexplained by the others for "singular". */
  static final double SINGULAR_TOLERANCE = 1e-10;

  private CovarianceChecks() {
  }

  /**
   * Refuses a covariance that is not positive semidefinite, suggesting the repair.
   *
   * @throws OptimizationException naming the smallest and largest eigenvalues
   */
  static void requirePositiveSemidefinite(CovarianceMatrix cov) {
    // a successful Cholesky proves definiteness cheaply; otherwise the exact eigenvalue check
    if (Psd.choleskySucceeds(cov.toArray()) || cov.isPositiveSemidefinite()) {
      return;
    }
    double[] ev = cov.eigenvalues();
    String repair = unshrunkEstimate(cov)
        // the nearest PSD matrix of an unshrunk estimate is singular, which is refused below
        ? "cov.withDiagonalShift(minEigenvalue) with a positive minEigenvalue, or estimate it "
            + "with CovarianceEstimator.ledoitWolf()"
        : "cov.nearestPositiveSemidefinite() or cov.withDiagonalShift(minEigenvalue)";
    throw new OptimizationException("Covariance matrix is not positive semidefinite (smallest "
        + "eigenvalue " + Diagnostics.fmt(ev[0]) + ", largest " + Diagnostics.fmt(ev[ev.length - 1])
        + "); repair it with " + repair);
  }

  /**
   * Refuses a singular covariance that was estimated without shrinkage (see the class comment);
   * accepts any matrix built by hand and any shrunk estimate.
   *
   * @param optimizer the refusing optimizer for the message, e.g. "MeanVariance"
   * @throws OptimizationException stating the observations, the asset found dependent and the
   *     remedy
   */
  static void requireNotSingularEstimate(CovarianceMatrix cov, String optimizer) {
    if (!unshrunkEstimate(cov)) {
      return;
    }
    int n = cov.size();
    int t = cov.observations();
    double[] unexplained = new double[1];
    int k = dependentAsset(cov.toArray(), unexplained);
    if (k < 0) {
      return;
    }
    String asset = cov.assets().get(k);
    // a shrinkage estimator that chose intensity 0 (e.g. on returns that never vary) is no
    // better than the sample, but "use Ledoit-Wolf" would send its user in a circle
    boolean shrinkageEstimator = cov.shrinkage().isPresent();
    String how = shrinkageEstimator ? "with shrinkage intensity 0" : "without shrinkage";
    String more = t <= n ? ", or use more observations than assets" : "";
    String fact;
    String remedy;
    if (t <= n) {
      fact = "estimated " + how + " from " + t + " observations for " + n + " assets, it is "
          + "singular (a sample covariance has rank at most its number of observations)";
      remedy = shrinkageEstimator
          ? "set a positive intensity with CovarianceEstimator.shrunk(target, intensity)" + more
          : "estimate it with shrinkage, e.g. CovarianceEstimator.ledoitWolf()" + more;
    } else if (!(cov.get(k, k) > 0)) {
      fact = "estimated " + how + " from " + t + " observations, it is singular: the returns of '"
          + asset + "' do not vary (zero variance)";
      remedy = "leave '" + asset + "' out or use a period in which its returns vary"
          + (shrinkageEstimator ? "" : ", or estimate it with shrinkage, e.g. "
              + "CovarianceEstimator.ledoitWolf()");
    } else {
      fact = "estimated " + how + " from " + t + " observations, it is singular: the returns of '"
          + asset + "' are a linear combination of those of the assets before it (share of its "
          + "variance left unexplained " + Diagnostics.fmt(Math.max(0, unexplained[0])) + ")";
      remedy = shrinkageEstimator
          ? "set a positive intensity with CovarianceEstimator.shrunk(target, intensity), or "
              + "leave '" + asset + "' out"
          : "estimate it with shrinkage, e.g. CovarianceEstimator.ledoitWolf()";
    }
    throw new OptimizationException(optimizer + " refuses this covariance matrix: " + fact
        + ", so some portfolios would show a near-zero risk that only the sample implies; "
        + remedy);
  }

  /** Whether {@code cov} was estimated from data (observations recorded) without shrinkage. */
  private static boolean unshrunkEstimate(CovarianceMatrix cov) {
    return cov.observations() > 0
        && (cov.shrinkage().isEmpty() || cov.shrinkage().getAsDouble() == 0);
  }

  /**
   * The first asset whose Cholesky pivot on the correlation matrix (its variance share left
   * unexplained by the assets before it) is at most {@link #SINGULAR_TOLERANCE}, or -1; that
   * share is stored in {@code unexplained[0]}. An asset with zero variance counts (share 0).
   */
  static int dependentAsset(double[][] s, double[] unexplained) {
    int n = s.length;
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(s[i][i] > 0)) {
        unexplained[0] = 0;
        return i;
      }
      sd[i] = Math.sqrt(s[i][i]);
    }
    double[][] corr = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        corr[i][j] = s[i][j] / (sd[i] * sd[j]);
      }
    }
    double[] floor = new double[n];
    Arrays.fill(floor, SINGULAR_TOLERANCE);
    return Psd.firstPivotAtMost(corr, floor, unexplained);
  }

  /**
   * The long-only, fully invested portfolio of least variance, as text ({@code 'A' 50.00%, 'B'
   * 50.00%}), if its variance is zero (at most {@link Diagnostics#RISKLESS} x the largest
   * variance): a combination of assets that hedge each other exactly, possible only in a
   * singular matrix. Else null. A QP solve (O(N^3)): for failure paths only.
   */
  static String zeroVarianceMix(CovarianceMatrix cov) {
    OptimalPortfolio least;
    try {
      least = MeanVariance.of(cov).minVolatility();
    } catch (OptimizationException e) {
      return null;
    }
    double maxVar = 0;
    for (int i = 0; i < cov.size(); i++) {
      maxVar = Math.max(maxVar, cov.get(i, i));
    }
    double v = least.volatility() * least.volatility();
    if (!(v <= Diagnostics.RISKLESS * maxVar)) {
      return null;
    }
    StringBuilder held = new StringBuilder();
    for (String a : cov.assets()) {
      double w = least.weights().get(a);
      if (w > 1e-9) {
        held.append(held.length() == 0 ? "" : ", ").append('\'').append(a).append("' ")
            .append(Diagnostics.pct(w));
      }
    }
    return held.toString();
  }
}
