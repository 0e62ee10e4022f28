package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.CovarianceMatrix;
import io.github.quantfolio.risk.internal.LinearSolve;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Black-Litterman model (Black &amp; Litterman 1992; He &amp; Litterman 1999; Idzorek 2005):
 * an equilibrium prior {@code Pi} blended with investor views {@code P mu = Q + e},
 * {@code e ~ N(0, Omega)}. Immutable: add views with {@code with...} methods, then read
 *
 * <pre>
 *   posterior mean        mu  = Pi + tau S P' (P tau S P' + Omega)^-1 (Q - P Pi)
 *   posterior covariance  S_p = S + tau S - tau S P' (P tau S P' + Omega)^-1 P tau S
 *   unconstrained weights w   = (delta S)^-1 mu           (Idzorek 2005, eq. 2; not normalised)
 * </pre>
 *
 * These forms never invert {@code Omega}, so a view held with full confidence ({@code omega = 0})
 * is met exactly. Units: annualised returns and covariance (as {@link CovarianceMatrix}).
 *
 * <p>Omega, per view: explicit via {@link #withOmega(double[][])}; else from a confidence
 * {@code c} in [0, 1] by Idzorek's method in closed form
 * {@code omega = (1 - c)/c x tau p S p'} (Walters 2014; {@code c = 1} gives 0, {@code c = 0}
 * drops the view); else He and Litterman's default {@code omega = tau p S p'}.
 *
 * <p>For a long-only or otherwise constrained portfolio, feed {@link #posteriorReturns()} and
 * {@link #posteriorCovariance()} (or the prior covariance) to the mean-variance optimiser.
 *
 * @since 0.1.0
 */
public final class BlackLitterman {

  /**
   * One view: the portfolio {@code p} (asset -> weight; one asset with weight 1 for an absolute
   * view, weights summing to 0 for a relative one) is expected to return {@code q} a year.
   *
   * @param portfolio view portfolio weights by asset
   * @param expectedReturn annualised expected return of the view portfolio
   * @param confidence Idzorek confidence in [0, 1], or NaN for He-Litterman's default omega
   */
  public record View(Map<String, Double> portfolio, double expectedReturn, double confidence) {
    /** Validates and copies. */
    public View {
      Checks.notNull(portfolio, "portfolio");
      if (portfolio.isEmpty()) {
        throw new IllegalArgumentException("A view needs at least one asset");
      }
      portfolio = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(portfolio));
      Checks.finite(expectedReturn, "expectedReturn");
      if (confidence == confidence) {
        Checks.inRange(confidence, 0, 1, "confidence");
      }
    }
  }

  private final CovarianceMatrix cov;
  private final AssetVector prior;
  private final double tau;
  private final List<View> views;
  private final double[][] omega; // explicit, or null

  private BlackLitterman(CovarianceMatrix cov, AssetVector prior, double tau, List<View> views,
      double[][] omega) {
    this.cov = cov;
    this.prior = prior;
    this.tau = tau;
    this.views = views;
    this.omega = omega;
  }

  /**
   * A model with prior {@code Pi} (e.g. {@link #marketImpliedPrior}) and covariance {@code S}
   * over the same assets, {@code tau = 0.05} (PyPortfolioOpt's default) and no views.
   */
  public static BlackLitterman of(CovarianceMatrix covariance, AssetVector prior) {
    Checks.notNull(covariance, "covariance");
    Checks.notNull(prior, "prior");
    if (!covariance.assets().equals(prior.assets())) {
      throw new IllegalArgumentException("Prior and covariance must list the same assets in the same "
          + "order, but found " + prior.assets() + " and " + covariance.assets());
    }
    return new BlackLitterman(covariance, prior, 0.05, List.of(), null);
  }

  /**
   * Market-implied risk aversion {@code delta = (mean(r) f - rf) / (var(r) f)} from a market
   * index's prices (one column; sample variance with n - 1), as PyPortfolioOpt.
   */
  public static double marketImpliedRiskAversion(PriceFrame marketPrices, double riskFreeRate) {
    Checks.notNull(marketPrices, "marketPrices");
    Checks.finite(riskFreeRate, "riskFreeRate");
    if (marketPrices.assetCount() != 1) {
      throw new IllegalArgumentException("Expected one market column, but found " + marketPrices.assets());
    }
    ReturnFrame r = marketPrices.returns();
    double f = r.frequency().periodsPerYear();
    String a = r.assets().get(0);
    double sd = r.std(a);
    return (r.mean(a) * f - riskFreeRate) / (sd * sd * f);
  }

  /**
   * The equilibrium prior {@code Pi = delta S w_mkt + rf} (reverse optimisation).
   *
   * @param marketWeights market-capitalisation weights over the covariance's assets
   */
  public static AssetVector marketImpliedPrior(CovarianceMatrix covariance, Weights marketWeights,
      double riskAversion, double riskFreeRate) {
    Checks.notNull(covariance, "covariance");
    Checks.notNull(marketWeights, "marketWeights");
    Checks.finite(riskAversion, "riskAversion");
    Checks.finite(riskFreeRate, "riskFreeRate");
    for (String a : marketWeights.assets()) {
      if (!covariance.assets().contains(a)) {
        throw new IllegalArgumentException("Market weight for '" + a + "', which is not in the covariance");
      }
    }
    double[] w = marketWeights.toArray(covariance.assets());
    int n = w.length;
    double[] pi = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += covariance.get(i, j) * w[j];
      }
      pi[i] = riskAversion * s + riskFreeRate;
    }
    return AssetVector.of(covariance.assets(), pi);
  }

  /** This model with another {@code tau} (&gt; 0), the uncertainty of the prior relative to S. */
  public BlackLitterman withTau(double tau) {
    Checks.positive(tau, "tau");
    return new BlackLitterman(cov, prior, tau, views, omega);
  }

  /** Adds a view. */
  public BlackLitterman withView(View view) {
    Checks.notNull(view, "view");
    for (String a : view.portfolio().keySet()) {
      cov.get(a, a); // names an unknown asset
    }
    List<View> v = new ArrayList<>(views);
    v.add(view);
    return new BlackLitterman(cov, prior, tau, List.copyOf(v), omega);
  }

  /** Adds the absolute view "asset returns q a year" with He-Litterman's default omega. */
  public BlackLitterman withAbsoluteView(String asset, double q) {
    return withView(new View(Map.of(asset, 1.0), q, Double.NaN));
  }

  /** Adds the absolute view "asset returns q a year" with an Idzorek confidence in [0, 1]. */
  public BlackLitterman withAbsoluteView(String asset, double q, double confidence) {
    return withView(new View(Map.of(asset, 1.0), q, confidence));
  }

  /**
   * Adds the relative view "the {@code portfolio} (e.g. +1 on A, -1 on B) returns q a year" with
   * an Idzorek confidence in [0, 1], or NaN for He-Litterman's default omega.
   */
  public BlackLitterman withRelativeView(Map<String, Double> portfolio, double q, double confidence) {
    return withView(new View(portfolio, q, confidence));
  }

  /**
   * Uses an explicit K x K view covariance Omega (symmetric, PSD) for the K views, replacing the
   * per-view rules.
   */
  public BlackLitterman withOmega(double[][] omega) {
    Checks.notNull(omega, "omega");
    double[][] copy = new double[omega.length][];
    for (int i = 0; i < omega.length; i++) {
      copy[i] = omega[i].clone();
    }
    return new BlackLitterman(cov, prior, tau, views, copy);
  }

  /** The views, in the order added. */
  public List<View> views() {
    return views;
  }

  /** The prior {@code Pi}. */
  public AssetVector prior() {
    return prior;
  }

  /** {@code tau}. */
  public double tau() {
    return tau;
  }

  /** Views that take part (zero-confidence views are dropped) with their P row and omega. */
  private record Active(double[][] p, double[] q, double[] omegaDiag, double[][] omegaFull) {
  }

  private Active active() {
    int n = cov.size();
    if (omega != null && omega.length != views.size()) {
      throw new IllegalArgumentException("Omega is " + omega.length + " x " + omega.length
          + " but there are " + views.size() + " views");
    }
    List<double[]> rows = new ArrayList<>();
    List<Double> qs = new ArrayList<>();
    List<Double> om = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < views.size(); k++) {
      View v = views.get(k);
      if (omega == null && v.confidence() == 0) {
        continue; // no confidence: the view carries no information
      }
      double[] p = new double[n];
      for (Map.Entry<String, Double> e : v.portfolio().entrySet()) {
        p[cov.assets().indexOf(e.getKey())] += e.getValue();
      }
      double pSp = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          pSp += p[i] * cov.get(i, j) * p[j];
        }
      }
      double c = v.confidence();
      double w = c != c ? tau * pSp : c == 1 ? 0.0 : (1 - c) / c * tau * pSp;
      rows.add(p);
      qs.add(v.expectedReturn());
      om.add(w);
      kept.add(k);
    }
    double[][] p = rows.toArray(new double[0][]);
    double[] q = qs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] d = om.stream().mapToDouble(Double::doubleValue).toArray();
    double[][] full = null;
    if (omega != null) {
      full = new double[kept.size()][kept.size()];
      for (int a = 0; a < kept.size(); a++) {
        for (int b = 0; b < kept.size(); b++) {
          full[a][b] = omega[kept.get(a)][kept.get(b)];
        }
      }
    }
    return new Active(p, q, d, full);
  }

  /** {@code tau S P'}, N x K. */
  private double[][] tauSigmaPt(double[][] p) {
    int n = cov.size();
    int k = p.length;
    double[][] out = new double[n][k];
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < k; v++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += cov.get(i, j) * p[v][j];
        }
        out[i][v] = tau * s;
      }
    }
    return out;
  }

  /** {@code P tau S P' + Omega}, K x K. */
  private double[][] viewSystem(Active a, double[][] tsp) {
    int k = a.p.length;
    int n = cov.size();
    double[][] m = new double[k][k];
    for (int u = 0; u < k; u++) {
      for (int v = 0; v < k; v++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += a.p[u][i] * tsp[i][v];
        }
        m[u][v] = s + (a.omegaFull != null ? a.omegaFull[u][v] : u == v ? a.omegaDiag[u] : 0);
      }
    }
    return m;
  }

  private double[][] solveViews(double[][] system, double[][] rhs) {
    try {
      return LinearSolve.solve(system, rhs);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("The views are redundant or contradictory: P tau S P' + "
          + "Omega is singular (e.g. two full-confidence views on the same portfolio)", e);
    }
  }

  /**
   * Posterior expected returns {@code Pi + tau S P' (P tau S P' + Omega)^-1 (Q - P Pi)}
   * (annualised); the prior if no view takes part.
   */
  public AssetVector posteriorReturns() {
    Active a = active();
    int n = cov.size();
    double[] pi = prior.toArray();
    if (a.p.length == 0) {
      return prior;
    }
    double[][] tsp = tauSigmaPt(a.p);
    double[][] rhs = new double[a.p.length][1];
    for (int v = 0; v < a.p.length; v++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += a.p[v][i] * pi[i];
      }
      rhs[v][0] = a.q[v] - s;
    }
    double[][] x = solveViews(viewSystem(a, tsp), rhs);
    double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int v = 0; v < a.p.length; v++) {
        s += tsp[i][v] * x[v][0];
      }
      mu[i] = pi[i] + s;
    }
    return AssetVector.of(cov.assets(), mu);
  }

  /**
   * Posterior covariance {@code S + tau S - tau S P' (P tau S P' + Omega)^-1 P tau S}
   * (He &amp; Litterman 1999), annualised.
   */
  public CovarianceMatrix posteriorCovariance() {
    Active a = active();
    int n = cov.size();
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = (1 + tau) * cov.get(i, j);
      }
    }
    if (a.p.length > 0) {
      double[][] tsp = tauSigmaPt(a.p);
      double[][] rhs = new double[a.p.length][n];
      for (int v = 0; v < a.p.length; v++) {
        for (int i = 0; i < n; i++) {
          rhs[v][i] = tsp[i][v]; // (tau S P')' = P tau S
        }
      }
      double[][] x = solveViews(viewSystem(a, tsp), rhs);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int v = 0; v < a.p.length; v++) {
            s += tsp[i][v] * x[v][j];
          }
          out[i][j] -= s;
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          double m = 0.5 * (out[i][j] + out[j][i]); // remove rounding asymmetry
          out[i][j] = m;
          out[j][i] = m;
        }
      }
    }
    return CovarianceMatrix.of(cov.assets(), out);
  }

  /**
   * The unconstrained optimal weights {@code (delta S)^-1 mu} for the posterior returns, as in
   * Idzorek (2005, eq. 2): not normalised (they sum to 1 only when the views are neutral on
   * average); divide by their sum for a fully invested portfolio.
   *
   * @param riskAversion delta &gt; 0
   */
  public Weights weights(double riskAversion) {
    Checks.positive(riskAversion, "riskAversion");
    double[][] a = cov.toArray();
    for (double[] row : a) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= riskAversion;
      }
    }
    double[] w;
    try {
      w = LinearSolve.solve(a, posteriorReturns().toArray());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("The covariance matrix is singular; unconstrained weights "
          + "are undefined (use a shrunk covariance or a constrained optimiser)", e);
    }
    return Weights.of(cov.assets(), w);
  }
}
