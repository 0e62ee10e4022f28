package io.github.quantfolio.risk;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.risk.internal.Eigen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An immutable, symmetric N x N covariance matrix labelled by asset, <b>annualised</b> (variance
 * per year: a 20% annual volatility is a diagonal entry of 0.04), as produced by a
 * {@link CovarianceEstimator}, forecast by a {@link CovarianceModel} or given by the caller.
 *
 * <p>Besides the values it records how it was estimated: the estimator and its
 * {@link MissingData} policy, the periods used out of those available ({@link #observations()},
 * {@link #availablePeriods()}; under {@code PAIRWISE} the smallest and largest number of periods a
 * pair shares), the shrinkage intensity, and whether the data had too few periods for the matrix
 * to be invertible ({@link #isRankDeficient()}). {@link #toString()} states all of it on its
 * first lines, so that an estimate from 100 periods for 500 assets cannot pass unnoticed.
 *
 * <p>It need not be positive semidefinite (pairwise estimation can break that):
 * {@link #isPositiveSemidefinite()} checks and {@link #nearestPositiveSemidefinite()} /
 * {@link #withDiagonalShift(double)} repair.
 *
 * @since 0.1.0
 */
public final class CovarianceMatrix {

  /** Relative asymmetry accepted (and averaged away) in user-supplied matrices. */
  static final double SYMMETRY_TOLERANCE = 1e-12;
  /**
   * Eigenvalues above {@code -PSD_TOLERANCE x largest eigenvalue} count as non-negative: rounding
   * in a decomposition leaves negative values of that order on exactly singular matrices.
   */
  public static final double PSD_TOLERANCE = 1e-12;

  /**
   * How an estimate was made.
   *
   * @param estimator the estimator (with its missing-data policy)
   * @param periods rows of the return frame, before the missing-data policy
   * @param maxPairObservations the most periods any pair of assets shares (PAIRWISE), else the
   *     periods used
   * @param missingValues NaN cells in the frame (0 when there were none)
   * @param pairwise whether PAIRWISE estimation with missing values took place
   * @param rankBound an upper bound on the rank from the periods used (T - 1 for centred
   *     estimators, T for the semicovariance), -1 when there is none (pairwise)
   * @param sparsestAsset under ZERO_FILL with missing values, the asset with the fewest real
   *     returns (null otherwise)
   * @param sparsestReturns its number of real (not filled) returns (-1 when not recorded)
   */
  record Estimation(CovarianceEstimator estimator, int periods, int maxPairObservations,
      long missingValues, boolean pairwise, int rankBound, String sparsestAsset,
      int sparsestReturns) {
  }

  private final List<String> assets;
  private final Map<String, Integer> positions;
  private final double[][] values;
  private final int observations;
  private final double shrinkage; // NaN when not a shrinkage estimate
  private final Estimation estimation; // null for a matrix given with of(...)
  private final double diagonalShift; // added by withDiagonalShift (0 if none)

  CovarianceMatrix(List<String> assets, double[][] values, int observations, double shrinkage,
      Estimation estimation, double diagonalShift) {
    this.assets = assets;
    this.values = values;
    this.observations = observations;
    this.shrinkage = shrinkage;
    this.estimation = estimation;
    this.diagonalShift = diagonalShift;
    Map<String, Integer> p = new HashMap<>();
    for (int i = 0; i < assets.size(); i++) {
      p.put(assets.get(i), i);
    }
    this.positions = p;
  }

  /**
   * A covariance matrix from annualised values (copied). Entries must be finite, the diagonal
   * non-negative, and the matrix symmetric to within {@code 1e-12} relative (such rounding
   * asymmetry is averaged away).
   *
   * @param assets the asset names (at least one, distinct, not blank), in row and column order
   * @param annualised the N x N annualised covariances (variance per year), {@code [row][column]}
   *     in the order of {@code assets}; copied
   * @return the covariance matrix (with no estimation record: {@link #observations()} is 0)
   * @throws IllegalArgumentException naming the entry that breaks a rule
   */
  public static CovarianceMatrix of(List<String> assets, double[][] annualised) {
    List<String> names = Checks.assetNames(assets, "assets");
    Checks.notNull(annualised, "annualised");
    int n = names.size();
    if (annualised.length != n) {
      throw new IllegalArgumentException("Expected " + n + " rows (one per asset), but found "
          + annualised.length);
    }
    double[][] v = new double[n][];
    for (int i = 0; i < n; i++) {
      if (annualised[i] == null || annualised[i].length != n) {
        throw new IllegalArgumentException("Row of '" + names.get(i) + "' must have " + n
            + " entries, but has " + (annualised[i] == null ? "none" : annualised[i].length));
      }
      v[i] = annualised[i].clone();
    }
    for (int i = 0; i < n; i++) {
      if (!(v[i][i] >= 0) || v[i][i] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("Variance of '" + names.get(i) + "' is " + v[i][i]
            + "; expected a finite number >= 0");
      }
      for (int j = 0; j < i; j++) {
        double a = v[i][j];
        double b = v[j][i];
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
          throw new IllegalArgumentException("Covariance of '" + names.get(i) + "' and '"
              + names.get(j) + "' is not finite: " + a + " / " + b);
        }
        double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)),
            Math.sqrt(v[i][i] * v[j][j]));
        if (Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
          throw new IllegalArgumentException("Matrix is not symmetric: entry ('" + names.get(i)
              + "', '" + names.get(j) + "') is " + a + " but ('" + names.get(j) + "', '"
              + names.get(i) + "') is " + b);
        }
        double m = 0.5 * (a + b);
        v[i][j] = m;
        v[j][i] = m;
      }
    }
    return new CovarianceMatrix(names, v, 0, Double.NaN, null, 0.0);
  }

  /**
   * The asset names, in row and column order.
   *
   * @return the asset names, in row and column order
   */
  public List<String> assets() {
    return assets;
  }

  /**
   * The number of assets N.
   *
   * @return the number of assets N
   */
  public int size() {
    return assets.size();
  }

  /**
   * The annualised covariance of two assets.
   *
   * @param a the first asset, one of {@link #assets()}
   * @param b the second asset, one of {@link #assets()}
   * @return their annualised covariance (the variance of {@code a} when {@code b} equals it)
   */
  public double get(String a, String b) {
    return values[position(a)][position(b)];
  }

  /**
   * The annualised covariance at row {@code i}, column {@code j}.
   *
   * @param i the row, 0 &lt;= i &lt; N, in the order of {@link #assets()}
   * @param j the column, 0 &lt;= j &lt; N
   * @return the annualised covariance of assets {@code i} and {@code j}
   */
  public double get(int i, int j) {
    return values[i][j];
  }

  /**
   * The annualised variance of {@code asset}.
   *
   * @param asset one of {@link #assets()}
   * @return the annualised variance of {@code asset}
   */
  public double variance(String asset) {
    int i = position(asset);
    return values[i][i];
  }

  int position(String asset) {
    Integer p = positions.get(Checks.notNull(asset, "asset"));
    if (p == null) {
      throw new IllegalArgumentException("Unknown asset '" + asset + "'; this matrix has " + assets);
    }
    return p;
  }

  /**
   * A copy of the values, {@code [row][column]}.
   *
   * @return a copy of the values, {@code [row][column]}
   */
  public double[][] toArray() {
    double[][] out = new double[values.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }

  /**
   * The number of return periods the estimate used: the rows kept under
   * {@link MissingData#COMPLETE_ROWS}, every row under {@link MissingData#ZERO_FILL} (filled
   * values included: an asset may have far fewer real returns, see {@link #filledValues()} and
   * {@link #toString()}), the smallest pairwise count under {@link MissingData#PAIRWISE}; 0 for
   * a matrix given with {@link #of}.
   *
   * @return the number of periods used (see above); 0 for a matrix given with {@link #of}
   */
  public int observations() {
    return observations;
  }

  /**
   * The number of missing returns that {@link MissingData#ZERO_FILL} replaced by 0 — values the
   * estimate treats as observations although nobody observed them; 0 under the other policies
   * and for a matrix given with {@link #of}.
   *
   * @return the count of filled values
   * @since 0.1.0
   */
  public long filledValues() {
    return estimation != null && estimation.sparsestAsset() != null ? estimation.missingValues()
        : 0;
  }

  /**
   * The number of periods (rows) of the return frame the estimate was computed from, before the
   * missing-data policy dropped or filled anything; 0 for a matrix given with {@link #of}. With
   * {@link #observations()} it says how much of the data an estimate used (e.g. 895 of 7,126
   * periods under {@code COMPLETE_ROWS}).
   *
   * @return the periods of the return frame before the missing-data policy; 0 for a matrix given
   *     with {@link #of}
   * @since 0.1.0
   */
  public int availablePeriods() {
    return estimation == null ? 0 : estimation.periods();
  }

  /**
   * The largest number of periods any pair of assets shares under {@link MissingData#PAIRWISE}
   * estimation with missing values (the smallest is {@link #observations()}); otherwise equal to
   * {@link #observations()}.
   *
   * @return the most periods any pair shares under {@code PAIRWISE} with missing values, else
   *     {@link #observations()}
   * @since 0.1.0
   */
  public int maxPairObservations() {
    return estimation == null ? observations : estimation.maxPairObservations();
  }

  /**
   * The estimator that produced this matrix (its {@code toString()} names the method and the
   * {@link MissingData} policy); empty for a matrix given with {@link #of}.
   *
   * @return the estimator, or empty for a matrix given with {@link #of}
   * @since 0.1.0
   */
  public Optional<CovarianceEstimator> estimator() {
    return Optional.ofNullable(estimation == null ? null : estimation.estimator());
  }

  /**
   * The shrinkage intensity {@code delta} in {@code (1 - delta) S + delta F}, in [0, 1], for
   * shrinkage estimates; empty otherwise.
   *
   * @return the shrinkage intensity in [0, 1], or empty if this is not a shrinkage estimate
   */
  public OptionalDouble shrinkage() {
    return shrinkage == shrinkage ? OptionalDouble.of(shrinkage) : OptionalDouble.empty();
  }

  /**
   * Whether the estimate is singular by construction because it used too few periods: a sample
   * or exponentially weighted estimate from {@code T} periods has rank at most {@code T - 1}
   * (the semicovariance at most {@code T}), so {@code T <= N} (semicovariance {@code T < N})
   * periods for {@code N} assets give a singular matrix, on which optimizers find spurious
   * riskless portfolios. False for shrinkage estimates with a positive intensity, after a
   * positive {@link #withDiagonalShift(double)}, for pairwise estimates with missing values (no
   * such bound exists; {@link #toString()} warns when pairs share few periods) and for matrices
   * given with {@link #of} (check {@link #eigenvalues()}). Other causes of singularity (a
   * constant asset, collinear assets) are not detected here.
   *
   * @return whether too few periods make the estimate singular by construction
   * @since 0.1.0
   */
  public boolean isRankDeficient() {
    return estimation != null && estimation.rankBound() >= 0 && estimation.rankBound() < size()
        && !(shrinkage > 0) && !(diagonalShift > 0);
  }

  /**
   * Annualised volatilities {@code sqrt(diag)}.
   *
   * @return annualised volatilities {@code sqrt(diag)}
   */
  public AssetVector volatilities() {
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.sqrt(values[i][i]);
    }
    return AssetVector.of(assets, v);
  }

  /**
   * The correlation matrix {@code C_ij / sqrt(C_ii C_jj)}.
   *
   * @return the correlation matrix {@code C_ij / sqrt(C_ii C_jj)}
   * @throws IllegalArgumentException if an asset has zero variance (its correlations are
   *     undefined; the message names it)
   */
  public CorrelationMatrix correlation() {
    int n = values.length;
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(values[i][i] > 0)) {
        throw new IllegalArgumentException("Asset '" + assets.get(i)
            + "' has zero variance; its correlations are undefined");
      }
      sd[i] = Math.sqrt(values[i][i]);
    }
    double[][] c = new double[n][n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1.0;
      for (int j = 0; j < i; j++) {
        double r = values[i][j] / (sd[i] * sd[j]);
        c[i][j] = r;
        c[j][i] = r;
      }
    }
    return new CorrelationMatrix(assets, c);
  }

  /**
   * The named assets, in the given order.
   *
   * @param names the assets to keep (at least one, distinct, each in {@link #assets()}), in order
   * @return the sub-matrix of the named assets, in the given order (estimation record kept)
   */
  public CovarianceMatrix select(List<String> names) {
    List<String> chosen = Checks.assetNames(names, "names");
    int[] idx = new int[chosen.size()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = position(chosen.get(k));
    }
    double[][] v = new double[idx.length][idx.length];
    for (int i = 0; i < idx.length; i++) {
      for (int j = 0; j < idx.length; j++) {
        v[i][j] = values[idx[i]][idx[j]];
      }
    }
    return new CovarianceMatrix(chosen, v, observations, shrinkage, estimation, diagonalShift);
  }

  /**
   * The eigenvalues, ascending.
   *
   * @return the eigenvalues, ascending
   */
  public double[] eigenvalues() {
    return Eigen.values(values);
  }

  /**
   * Whether every eigenvalue is at least {@code -PSD_TOLERANCE x} the largest one (non-negative
   * up to rounding).
   *
   * @return whether the matrix is positive semidefinite up to {@link #PSD_TOLERANCE}
   */
  public boolean isPositiveSemidefinite() {
    if (Eigen.choleskySucceeds(values)) {
      return true; // positive definite; the eigenvalues are not needed
    }
    double[] ev = eigenvalues();
    double top = Math.max(ev[ev.length - 1], 0);
    return ev[0] >= -PSD_TOLERANCE * top;
  }

  /**
   * The nearest positive semidefinite matrix in the Frobenius norm (Higham 1988, "Computing a
   * nearest symmetric positive semidefinite matrix"): eigenvalues below zero are set to zero and
   * the matrix is rebuilt from the eigenvectors. Returns this matrix if it is already PSD.
   *
   * @return the nearest PSD matrix in the Frobenius norm, or this matrix if it is PSD
   */
  public CovarianceMatrix nearestPositiveSemidefinite() {
    if (isPositiveSemidefinite()) {
      return this;
    }
    Eigen.Result e = Eigen.symmetric(values);
    int n = values.length;
    double[][] out = new double[n][n];
    for (int k = 0; k < n; k++) {
      double lambda = Math.max(e.values()[k], 0.0);
      if (lambda == 0) {
        continue;
      }
      double[] v = e.vectors()[k];
      for (int i = 0; i < n; i++) {
        double li = lambda * v[i];
        for (int j = 0; j <= i; j++) {
          out[i][j] += li * v[j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        out[j][i] = out[i][j];
      }
    }
    return new CovarianceMatrix(assets, out, observations, shrinkage, estimation, diagonalShift);
  }

  /**
   * This matrix plus {@code max(0, minEigenvalue - lambda_min) I}, so that its smallest
   * eigenvalue is at least {@code minEigenvalue} (a diagonal shift keeps the eigenvectors and all
   * covariances; only variances grow). Returns this matrix if no shift is needed.
   *
   * @param minEigenvalue the smallest eigenvalue wanted, &gt;= 0 (annualised variance units)
   * @return the shifted matrix, or this matrix if its smallest eigenvalue is already at least
   *     {@code minEigenvalue}
   */
  public CovarianceMatrix withDiagonalShift(double minEigenvalue) {
    Checks.finite(minEigenvalue, "minEigenvalue");
    if (minEigenvalue < 0) {
      throw new IllegalArgumentException("Expected minEigenvalue >= 0, but found " + minEigenvalue);
    }
    double shift = minEigenvalue - eigenvalues()[0];
    if (shift <= 0) {
      return this;
    }
    double[][] out = toArray();
    for (int i = 0; i < out.length; i++) {
      out[i][i] += shift;
    }
    return new CovarianceMatrix(assets, out, observations, shrinkage, estimation,
        diagonalShift + shift);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CovarianceMatrix m && m.assets.equals(assets)
        && java.util.Arrays.deepEquals(m.values, values) && m.observations == observations
        && Double.compare(m.shrinkage, shrinkage) == 0;
  }

  @Override
  public int hashCode() {
    return assets.hashCode() * 31 + java.util.Arrays.deepHashCode(values);
  }

  /**
   * How the matrix was made (estimator, periods used of those available, missing-data policy and
   * pairwise counts, shrinkage, diagonal shift), a warning line when too few periods make it
   * singular (or, pairwise, unreliable), then the values (at most 8 x 8 shown). Only an estimate
   * says "(annualised)": a matrix given with {@link #of} states that its values are the caller's.
   */
  @Override
  public String toString() {
    // only an estimate is known to be annualised (the estimator scaled it by the frame's
    // frequency); values given with of(...) are whatever the caller passed
    StringBuilder sb = new StringBuilder("CovarianceMatrix ").append(size()).append(" x ")
        .append(size()).append(estimation == null ? ", " : " (annualised), ")
        .append(provenance());
    if (shrinkage == shrinkage) {
      sb.append(", shrinkage ").append(TextTable.num(shrinkage, 4));
    }
    if (diagonalShift > 0) {
      sb.append(", diagonal shift ").append(TextTable.auto(diagonalShift, 3));
    }
    sb.append('\n');
    String warning = warning();
    if (warning != null) {
      sb.append(warning).append('\n');
    }
    return sb.append(table(assets, values, 6)).toString();
  }

  /** The estimator and the data it used, in words. */
  private String provenance() {
    if (estimation == null) {
      return "given with CovarianceMatrix.of (not estimated by Quantfolio: the values are as "
          + "supplied, read as annualised by every method, which Quantfolio cannot check)";
    }
    Estimation e = estimation;
    String method = e.estimator().toString();
    if (e.missingValues() == 0) {
      return method + " from " + observations + " periods (no missing returns)";
    }
    return switch (e.estimator().missingData()) {
      case COMPLETE_ROWS -> method + " from " + observations + " of " + e.periods()
          + " periods (COMPLETE_ROWS dropped " + (e.periods() - observations)
          + " periods with a missing return)";
      case ZERO_FILL -> method + " from " + observations + " periods (ZERO_FILL counted "
          + e.missingValues() + " missing returns as 0: filled values, not observations; '"
          + e.sparsestAsset() + "' has only " + e.sparsestReturns() + " real returns)";
      case PAIRWISE -> method + " from " + e.periods() + " periods (PAIRWISE: pairs share "
          + observations + " to " + e.maxPairObservations() + " periods)";
    };
  }

  /** The singularity warning, or null. */
  private String warning() {
    if (isRankDeficient()) {
      return "SINGULAR: estimated from " + observations + " periods for " + size()
          + " assets (rank at most " + estimation.rankBound() + " < " + size()
          + "); optimizers would find spurious riskless portfolios: consider "
          + "CovarianceEstimator.ledoitWolf()";
    }
    if (estimation != null && estimation.pairwise() && !(shrinkage > 0) && !(diagonalShift > 0)
        && observations <= size()) {
      return "WARNING: some pairs share only " + observations + " periods for " + size()
          + " assets: the pairwise matrix may be singular or indefinite; consider "
          + "CovarianceEstimator.ledoitWolf()";
    }
    return null;
  }

  static String table(List<String> assets, double[][] values, int decimals) {
    int shown = Math.min(8, assets.size());
    List<String> header = new ArrayList<>();
    header.add("");
    header.addAll(assets.subList(0, shown));
    TextTable t = new TextTable(header.toArray(new String[0]));
    for (int i = 0; i < shown; i++) {
      String[] row = new String[shown + 1];
      row[0] = assets.get(i);
      for (int j = 0; j < shown; j++) {
        row[j + 1] = TextTable.num(values[i][j], decimals);
      }
      t.row(row);
    }
    String s = t.render();
    if (shown < assets.size()) {
      s += "... " + (assets.size() - shown) + " more assets not shown\n";
    }
    return s;
  }
}
