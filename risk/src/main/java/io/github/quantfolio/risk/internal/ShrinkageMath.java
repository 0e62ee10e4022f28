package io.github.quantfolio.risk.internal;

/**
 * Shrinkage intensities and targets on a complete, column-centred data matrix
 * {@code x[asset][t]} with sample covariance {@code s = x^T x / T} (divisor T, as in the
 * published estimators). Every formula costs the one Gram matrix plus O(T N) and O(N^2) work:
 * the sums over {@code N x N} products in the published matrix forms are rewritten as sums over
 * time of per-period sums (e.g. {@code sum_ij (y^T y)_ij = sum_t (sum_i x_ti^2)^2}).
 */
public final class ShrinkageMath {

  /** A target matrix and the intensity to use with it. */
  public record Shrunk(double[][] target, double intensity) {
  }

  private ShrinkageMath() {
  }

  /** {@code sum_t (sum_i x_ti^2)^2}: the sum of all entries of {@code (X^2)^T (X^2)}. */
  static double sumSquaredRowNorms(double[][] x, int rows) {
    double[] rowSq = new double[rows];
    for (double[] col : x) {
      for (int t = 0; t < rows; t++) {
        rowSq[t] += col[t] * col[t];
      }
    }
    double s = 0;
    for (double v : rowSq) {
      s += v * v;
    }
    return s;
  }

  static double sumOfSquares(double[][] s) {
    double acc = 0;
    for (double[] row : s) {
      for (double v : row) {
        acc += v * v;
      }
    }
    return acc;
  }

  static double trace(double[][] s) {
    double acc = 0;
    for (int i = 0; i < s.length; i++) {
      acc += s[i][i];
    }
    return acc;
  }

  static double[][] scaledIdentity(int n, double mu) {
    double[][] f = new double[n][n];
    for (int i = 0; i < n; i++) {
      f[i][i] = mu;
    }
    return f;
  }

  /**
   * Ledoit-Wolf (2004) towards {@code mu I}, exactly as scikit-learn's
   * {@code ledoit_wolf_shrinkage}: {@code beta = (sum_t |x_t|^4 / T - |S|_F^2) / (N T)},
   * {@code delta = |S - mu I|_F^2 / N}, intensity {@code min(beta, delta) / delta} (0 when
   * {@code beta = 0}, and 0 for a single asset).
   */
  public static Shrunk constantVariance(double[][] x, double[][] s, int rows) {
    int n = s.length;
    double mu = trace(s) / n;
    double[][] target = scaledIdentity(n, mu);
    if (n == 1) {
      return new Shrunk(target, 0.0);
    }
    double betaRaw = sumSquaredRowNorms(x, rows);
    double deltaRaw = sumOfSquares(s);
    double beta = (betaRaw / rows - deltaRaw) / ((double) n * rows);
    double delta = (deltaRaw - 2 * mu * trace(s) + n * mu * mu) / n;
    beta = Math.min(beta, delta);
    return new Shrunk(target, beta == 0 ? 0.0 : beta / delta);
  }

  /**
   * Oracle approximating shrinkage (Chen, Wiesel, Eldar &amp; Hero 2010) towards {@code mu I},
   * as scikit-learn's {@code oas}: with {@code alpha = mean(S_ij^2)} and {@code mu = tr(S)/N},
   * intensity {@code min(1, (alpha + mu^2) / ((T + 1)(alpha - mu^2 / N)))} (1 when the
   * denominator is 0).
   */
  public static Shrunk oracleApproximating(double[][] s, int rows) {
    int n = s.length;
    double mu = trace(s) / n;
    double alpha = sumOfSquares(s) / ((double) n * n);
    double num = alpha + mu * mu;
    double den = (rows + 1.0) * (alpha - mu * mu / n);
    double intensity = den == 0 ? 1.0 : Math.min(num / den, 1.0);
    return new Shrunk(scaledIdentity(n, mu), intensity);
  }

  /**
   * Ledoit-Wolf (2003) towards the single-index model on the equal-weighted market
   * {@code m_t = mean_i x_ti}, following the authors' {@code covMarket.m} (as ported in
   * PyPortfolioOpt): {@code F_ij = c_i c_j / v} off the diagonal with {@code c_i = cov(x_i, m)},
   * {@code v = var(m)}, {@code F_ii = S_ii}; intensity {@code max(0, min(1, (pi - rho) / gamma / T))}.
   *
   * @throws IllegalArgumentException if the market has zero variance
   */
  public static Shrunk singleFactor(double[][] x, double[][] s, int rows) {
    int n = s.length;
    double t = rows;
    double[] m = new double[rows];
    for (double[] col : x) {
      for (int k = 0; k < rows; k++) {
        m[k] += col[k];
      }
    }
    for (int k = 0; k < rows; k++) {
      m[k] /= n;
    }
    double varM = 0;
    for (double v : m) {
      varM += v * v;
    }
    varM /= t;
    if (!(varM > 0)) {
      throw new IllegalArgumentException(
          "The equal-weighted market has zero variance; the single-factor target is undefined");
    }
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int k = 0; k < rows; k++) {
        acc += x[i][k] * m[k];
      }
      c[i] = acc / t;
    }
    double[][] f = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        f[i][j] = i == j ? s[i][i] : c[i] * c[j] / varM;
      }
    }
    double gamma = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = s[i][j] - f[i][j];
        gamma += d * d;
      }
    }
    // Per-period sums: rowSq_t = sum_i x_ti^2, xc_t = sum_j x_tj c_j.
    double[] rowSq = new double[rows];
    double[] xc = new double[rows];
    for (int i = 0; i < n; i++) {
      double[] col = x[i];
      for (int k = 0; k < rows; k++) {
        rowSq[k] += col[k] * col[k];
        xc[k] += col[k] * c[i];
      }
    }
    double sumS2 = sumOfSquares(s);
    double p = 0;
    for (double v : rowSq) {
      p += v * v;
    }
    p = p / t - sumS2;
    double fourth = 0;
    double diagS2 = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < rows; k++) {
        double y = x[i][k] * x[i][k];
        fourth += y * y;
      }
      diagS2 += s[i][i] * s[i][i];
    }
    double rDiag = fourth / t - diagS2;
    // Sc = S c, cSc = c' S c
    double[] sc = new double[n];
    double cSc = 0;
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int j = 0; j < n; j++) {
        acc += s[i][j] * c[j];
      }
      sc[i] = acc;
      cSc += c[i] * acc;
    }
    // roff1 = [sum_ij v1_ij c_j - sum_i v1_ii c_i] / v, v1 = y'z / T - c_i S_ij, z_tj = x_tj m_t
    double sumV1c = 0;
    double sumV3cc = 0;
    for (int k = 0; k < rows; k++) {
      sumV1c += rowSq[k] * m[k] * xc[k];
      sumV3cc += m[k] * m[k] * xc[k] * xc[k];
    }
    sumV1c = sumV1c / t;
    double cSumSc = 0;
    for (int i = 0; i < n; i++) {
      cSumSc += c[i] * sc[i];
    }
    sumV1c -= cSumSc;
    double diagV1c = 0;
    double diagV3cc = 0;
    for (int i = 0; i < n; i++) {
      double x3m = 0;
      double x2m2 = 0;
      double[] col = x[i];
      for (int k = 0; k < rows; k++) {
        double x2 = col[k] * col[k];
        x3m += x2 * col[k] * m[k];
        x2m2 += x2 * m[k] * m[k];
      }
      diagV1c += (x3m / t - c[i] * s[i][i]) * c[i];
      diagV3cc += (x2m2 / t - varM * s[i][i]) * c[i] * c[i];
    }
    double rOff1 = (sumV1c - diagV1c) / varM;
    double rOff3 = (sumV3cc / t - varM * cSc - diagV3cc) / (varM * varM);
    double r = rDiag + 2 * rOff1 - rOff3;
    double kappa = (p - r) / gamma;
    return new Shrunk(f, Math.max(0.0, Math.min(1.0, kappa / t)));
  }

  /**
   * Ledoit-Wolf (2004, "Honey, I shrunk the sample covariance matrix") towards constant
   * correlation, following the authors' {@code covCor.m}: {@code F_ij = rbar sqrt(S_ii S_jj)},
   * {@code F_ii = S_ii}; intensity {@code max(0, min(1, (pi - rho) / gamma / T))}.
   *
   * @throws IllegalArgumentException if an asset has zero variance (position given)
   */
  public static Shrunk constantCorrelation(double[][] x, double[][] s, int rows) {
    int n = s.length;
    double t = rows;
    double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(s[i][i] > 0)) {
        throw new IllegalArgumentException("Asset at position " + i
            + " has zero variance; the constant-correlation target is undefined");
      }
      sd[i] = Math.sqrt(s[i][i]);
    }
    double rBar;
    if (n == 1) {
      rBar = 0;
    } else {
      double sumCorr = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          sumCorr += s[i][j] / (sd[i] * sd[j]);
        }
      }
      rBar = (sumCorr - n) / ((double) n * (n - 1));
    }
    double[][] f = new double[n][n];
    double gamma = 0;
    double svSv = 0; // sum_ij sd_i sd_j S_ij
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        f[i][j] = i == j ? s[i][i] : rBar * (sd[i] * sd[j]); // grouped so F is exactly symmetric
        double d = s[i][j] - f[i][j];
        gamma += d * d;
        svSv += sd[i] * sd[j] * s[i][j];
      }
    }
    if (n == 1 || gamma == 0) {
      return new Shrunk(f, 0.0); // the sample already equals the target
    }
    double[] rowSq = new double[rows];
    double[] a = new double[rows]; // sum_i x_ti^3 / sd_i
    double[] b = new double[rows]; // sum_j x_tj sd_j
    double fourth = 0;
    double diagPhi = 0;
    double varSq = 0;
    for (int i = 0; i < n; i++) {
      double[] col = x[i];
      double f4 = 0;
      for (int k = 0; k < rows; k++) {
        double v = col[k];
        double v2 = v * v;
        rowSq[k] += v2;
        a[k] += v2 * v / sd[i];
        b[k] += v * sd[i];
        f4 += v2 * v2;
      }
      fourth += f4;
      diagPhi += f4 / t - s[i][i] * s[i][i];
      varSq += s[i][i] * s[i][i];
    }
    double phi = 0;
    double ab = 0;
    for (int k = 0; k < rows; k++) {
      phi += rowSq[k] * rowSq[k];
      ab += a[k] * b[k];
    }
    phi = phi / t - sumOfSquares(s);
    // sum_{i != j} (sd_j / sd_i) theta_ij with theta_ij = (x_i^3 . x_j) / T - S_ii S_ij
    double thetaSum = (ab - fourth) / t - (svSv - varSq);
    double rho = diagPhi + rBar * thetaSum;
    double kappa = (phi - rho) / gamma;
    return new Shrunk(f, Math.max(0.0, Math.min(1.0, kappa / t)));
  }

  /** {@code (1 - delta) S + delta F}. */
  public static double[][] combine(double[][] s, double[][] f, double delta) {
    int n = s.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = (1 - delta) * s[i][j] + delta * f[i][j];
      }
    }
    return out;
  }
}
