package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.internal.Linear;
import io.github.quantfolio.risk.CovarianceMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Black-Litterman model (Black and Litterman 1992; He and Litterman 1999; Idzorek 2005):
 * combines a prior of annualised expected returns {@code pi} (typically the market-implied
 * {@link #marketImpliedPrior}) with K views {@code P mu = Q + e}, {@code e ~ N(0, Omega)}.
 * Immutable; {@code with...} returns a new instance.
 *
 * <p>With {@code A = P (tau S) P' + Omega}, the posterior is computed in the update form (which
 * also admits {@code Omega = 0}, i.e. fully confident views):
 *
 * <pre>
 *   mu_BL    = pi + tau S P' A^-1 (Q - P pi)
 *   M        = tau S - tau S P' A^-1 P tau S            (uncertainty of mu_BL)
 *   S_BL     = S + M                                    (posterior covariance of returns)
 * </pre>
 *
 * equal to the precision form {@code [(tau S)^-1 + P'Omega^-1 P]^-1 [(tau S)^-1 pi +
 * P'Omega^-1 Q]} when {@code Omega} is invertible. Omega is, per view k: by default He and
 * Litterman's {@code tau P_k S P_k'}; with {@link #withConfidences(double...)} Idzorek's
 * confidence {@code c_k} in [0, 1] through the closed form {@code tau ((1 - c_k) / c_k) P_k S P_k'}
 * (Walters 2011; PyPortfolioOpt's {@code idzorek_method}; {@code c = 0.5} equals the default,
 * {@code c = 1} makes the view hold exactly, {@code c = 0} ignores it); or a caller's
 * {@link #withOmega(double[][])}. {@code tau} defaults to 0.05.
 *
 * <p>Fully confident views (zero variance in Omega) are exact constraints on the mean: one that
 * restates earlier ones (its pick a combination of theirs, its q the same combination) is left
 * out, as it changes nothing; ones that contradict each other have no posterior, and the
 * posterior methods throw {@link OptimizationException} naming them, e.g.
 * {@code Views 1 ('A - B = 0.05') and 2 ('B - A = 0.03') contradict each other ...}.
 *
 * <p>To get constrained (e.g. long-only) Black-Litterman portfolios, pass the posterior to
 * {@link MeanVariance}: {@code MeanVariance.of(bl.posteriorReturns(), bl.posteriorCovariance())}.
 *
 * @since 0.1.0
 */
public final class BlackLitterman {

  private record View(double[] p, double q, String text) {
  }

  private final CovarianceMatrix cov;
  private final double[] prior;
  private final double tau;
  private final List<View> views;
  private final double[] confidences; // null: default omega
  private final double[][] omega; // null: default or confidences

  private BlackLitterman(CovarianceMatrix cov, double[] prior, double tau, List<View> views,
      double[] confidences, double[][] omega) {
    this.cov = cov;
    this.prior = prior;
    this.tau = tau;
    this.views = views;
    this.confidences = confidences;
    this.omega = omega;
  }

  /**
   * A model with a prior of annualised expected returns and an annualised covariance, no views.
   *
   * @param cov the annualised covariance of the assets, not a singular unshrunk estimate
   * @param prior annualised expected returns {@code pi} (fractions, 0.07 = 7 % a year), on the
   *     assets of {@code cov} in the same order
   * @return the model, with {@code tau = 0.05} and no views
   * @throws IllegalArgumentException if the assets of the prior and the covariance differ
   * @throws OptimizationException if {@code cov} is a singular estimate without shrinkage (as
   *     {@link MeanVariance#of(CovarianceMatrix)}): the posterior covariance would inherit its
   *     spurious zero-risk directions without the record of how it was estimated
   */
  public static BlackLitterman of(CovarianceMatrix cov, AssetVector prior) {
    Checks.notNull(cov, "cov");
    Checks.notNull(prior, "prior");
    if (!prior.assets().equals(cov.assets())) {
      throw new IllegalArgumentException("Prior and covariance must cover the same assets in the "
          + "same order, but prior has " + prior.assets() + " and cov has " + cov.assets());
    }
    CovarianceChecks.requireNotSingularEstimate(cov, "BlackLitterman");
    return new BlackLitterman(cov, prior.toArray(), 0.05, List.of(), null, null);
  }

  /**
   * The market-implied prior {@code pi = delta S w_mkt + rf} (reverse optimisation; He and
   * Litterman 1999), annualised.
   *
   * @param marketWeights market-capitalisation weights on the covariance's assets (missing = 0)
   * @param cov the annualised covariance of the assets
   * @param riskAversion {@code delta > 0}, e.g. {@link #marketImpliedRiskAversion}
   * @param riskFreeRate the annual risk-free rate (fraction, 0.02 = 2 %), finite
   * @return the annualised implied expected return of each asset of {@code cov}
   */
  public static AssetVector marketImpliedPrior(Weights marketWeights, CovarianceMatrix cov,
      double riskAversion, double riskFreeRate) {
    Checks.notNull(marketWeights, "marketWeights");
    Checks.notNull(cov, "cov");
    Checks.positive(riskAversion, "riskAversion");
    Checks.finite(riskFreeRate, "riskFreeRate");
    for (String a : marketWeights.assets()) {
      if (!cov.assets().contains(a)) {
        throw new IllegalArgumentException("Market weight for '" + a + "', which is not an asset "
            + "of the covariance " + cov.assets());
      }
    }
    double[] w = new double[cov.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = marketWeights.getOrZero(cov.assets().get(i));
    }
    double[] sw = Linear.multiply(cov.toArray(), w);
    for (int i = 0; i < sw.length; i++) {
      sw[i] = riskAversion * sw[i] + riskFreeRate;
    }
    return AssetVector.of(cov.assets(), sw);
  }

  /**
   * The market's implied risk aversion {@code delta = (E[r_m] f - rf) / (var(r_m) f)} from the
   * prices of a market index (the frame's only column; simple returns, NaN skipped, sample
   * variance with n - 1; {@code f} = the frame's periods per year), as PyPortfolioOpt's
   * {@code market_implied_risk_aversion}.
   *
   * @param marketPrices prices of one market index (a single column), with a known frequency
   * @param riskFreeRate the annual risk-free rate (fraction, 0.02 = 2 %), finite
   * @return the implied risk aversion {@code delta}, &gt; 0
   * @throws IllegalArgumentException if the frame has more than one column or fewer than 2 returns
   * @throws OptimizationException if the market's mean return is not above {@code riskFreeRate} (no
   *     positive risk aversion)
   */
  public static double marketImpliedRiskAversion(PriceFrame marketPrices, double riskFreeRate) {
    Checks.notNull(marketPrices, "marketPrices");
    Checks.finite(riskFreeRate, "riskFreeRate");
    if (marketPrices.assets().size() != 1) {
      throw new IllegalArgumentException("Expected the prices of one market index, but found "
          + marketPrices.assets().size() + " columns " + marketPrices.assets());
    }
    ReturnFrame r = marketPrices.returns();
    double f = r.frequency().periodsPerYear();
    double[] x = r.column(0);
    double sum = 0;
    int n = 0;
    for (double v : x) {
      if (v == v) {
        sum += v;
        n++;
      }
    }
    if (n < 2) {
      throw new IllegalArgumentException("Expected at least 2 market returns, but found " + n);
    }
    double mean = sum / n;
    double ss = 0;
    for (double v : x) {
      if (v == v) {
        ss += (v - mean) * (v - mean);
      }
    }
    double var = ss / (n - 1);
    if (!(var > 0)) {
      throw new IllegalArgumentException("The market index's " + n + " returns do not vary; its "
          + "implied risk aversion (excess return / variance) is undefined");
    }
    double delta = (mean * f - riskFreeRate) / (var * f);
    if (!(delta > 0)) {
      throw new OptimizationException("The market returned " + MeanVariance.fmt(mean * f)
          + " a year (arithmetic mean), not above the risk-free rate "
          + MeanVariance.fmt(riskFreeRate)
          + ", so its implied risk aversion would be " + MeanVariance.fmt(delta) + ", which no "
          + "prior can use; use a longer history or choose a risk aversion (e.g. 2.5)");
    }
    return delta;
  }

  /**
   * The same model with another {@code tau > 0} (scale of the prior's uncertainty).
   *
   * @param tau the scale of the prior's uncertainty, finite and &gt; 0 (typically 0.01 to 0.1)
   * @return a copy of this model with {@code tau}
   */
  public BlackLitterman withTau(double tau) {
    return new BlackLitterman(cov, prior, Checks.positive(tau, "tau"), views, confidences, omega);
  }

  /**
   * Adds the absolute view {@code mu_asset = q} (annualised).
   *
   * @param asset an asset of the model
   * @param q its expected return, annualised (fraction, 0.05 = 5 % a year), finite
   * @return a copy of this model with the view added last
   * @throws IllegalStateException if confidences or an Omega are already set (see {@link
   *     #withView})
   */
  public BlackLitterman withAbsoluteView(String asset, double q) {
    Checks.finite(q, "q");
    return add(pick(Map.of(Checks.notNull(asset, "asset"), 1.0)), q, asset + " = "
        + MeanVariance.fmt(q));
  }

  /**
   * Adds the relative view {@code mu_outperformer - mu_underperformer = q}.
   *
   * @param outperformer the asset expected to return more, an asset of the model
   * @param underperformer the asset expected to return less, another asset of the model
   * @param q the annualised difference of their expected returns (fraction, 0.02 = 2 % a year),
   *     finite (negative reverses the view)
   * @return a copy of this model with the view added last
   * @throws IllegalStateException if confidences or an Omega are already set (see {@link
   *     #withView})
   */
  public BlackLitterman withRelativeView(String outperformer, String underperformer, double q) {
    if (Checks.notNull(outperformer, "outperformer").equals(underperformer)) {
      throw new IllegalArgumentException("A relative view needs two different assets, but both "
          + "are '" + outperformer + "'");
    }
    Checks.notNull(underperformer, "underperformer");
    Checks.finite(q, "q");
    return add(pick(Map.of(outperformer, 1.0, underperformer, -1.0)), q, outperformer + " - "
        + underperformer + " = " + MeanVariance.fmt(q));
  }

  /**
   * Adds the general view {@code sum_i pick_i mu_i = q} (one row of P; e.g. market-cap weighted
   * baskets as in Idzorek's third view). Views are added before {@link #withConfidences} or
   * {@link #withOmega}, which give one entry per view.
   *
   * @param pick the coefficient of each named asset (finite, at least one non-zero); assets not
   *     named count 0
   * @param q the annualised expected value of the pick (fraction), finite
   * @return a copy of this model with the view added last
   * @throws IllegalArgumentException for an unknown asset or an all-zero pick
   * @throws IllegalStateException if confidences or an Omega are already set (they are for the
   *     views before this one; add every view first)
   */
  public BlackLitterman withView(Map<String, Double> pick, double q) {
    Checks.finite(q, "q");
    double[] p = pick(pick);
    return add(p, q, viewText(p, q));
  }

  /** The row of P for a pick by asset (validated). */
  private double[] pick(Map<String, Double> pick) {
    Checks.notNull(pick, "pick");
    double[] p = new double[cov.size()];
    boolean any = false;
    for (Map.Entry<String, Double> e : pick.entrySet()) {
      int i = cov.assets().indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException("View on unknown asset '" + e.getKey() + "'; assets are "
            + cov.assets());
      }
      p[i] = Checks.finite(e.getValue(), "pick of '" + e.getKey() + "'");
      any |= p[i] != 0;
    }
    if (!any) {
      throw new IllegalArgumentException("A view needs a non-zero pick, but found " + pick);
    }
    return p;
  }

  /**
   * This model plus one view. Confidences or an Omega set earlier are for the views before it:
   * dropping them in silence turned a 100%-confident view into a He-Litterman one (posterior
   * 17.2% for a view of 30%), so the call is refused instead.
   */
  private BlackLitterman add(double[] p, double q, String text) {
    if (confidences != null || omega != null) {
      throw new IllegalStateException("Cannot add the view '" + text + "' after "
          + (omega != null ? "withOmega(...)" : "withConfidences(...)") + ": its " + views.size()
          + (omega != null ? " x " + views.size() + " Omega is" : " confidence"
              + (views.size() == 1 ? " is" : "s are")) + " for the view"
          + (views.size() == 1 ? "" : "s") + " added before; add every view first, then call "
          + (omega != null ? "withOmega once with a row and column per view"
              : "withConfidences once with one confidence per view"));
    }
    List<View> v = new ArrayList<>(views);
    v.add(new View(p, q, text));
    return new BlackLitterman(cov, prior, tau, List.copyOf(v), null, null);
  }

  /**
   * Idzorek confidences, one per view in the order added, each in [0, 1] (see the class comment).
   * Call it after every view is added: a view added later is refused, since these confidences
   * would not cover it.
   *
   * @param confidences one confidence per view, in the order added, each in [0, 1]; copied
   * @return a copy of this model with Idzorek's Omega from {@code confidences}
   * @throws IllegalArgumentException if the count differs from the views or a value is outside
   */
  public BlackLitterman withConfidences(double... confidences) {
    Checks.notNull(confidences, "confidences");
    if (confidences.length != views.size()) {
      throw new IllegalArgumentException("Expected " + views.size() + " confidences (one per view),"
          + " but found " + confidences.length);
    }
    for (int k = 0; k < confidences.length; k++) {
      Checks.inRange(confidences[k], 0, 1, "confidence of view " + (k + 1) + " ('"
          + views.get(k).text() + "')");
    }
    return new BlackLitterman(cov, prior, tau, views, confidences.clone(), null);
  }

  /**
   * An explicit view covariance Omega (K x K, symmetric positive semidefinite; copied; rows and
   * columns in the order the views were added). A zero variance makes a view fully confident.
   * Call it after every view is added: a view added later is refused.
   *
   * @param omega the K x K covariance of the view errors, in annualised return units squared, rows
   *     and columns in the order the views were added; copied
   * @return a copy of this model with {@code omega}
   * @throws IllegalArgumentException if the shape differs from the number of views, an entry is
   *     not finite, a variance is negative, or the matrix is not symmetric (to 1e-12 relative),
   *     has a covariance larger than the product of the two standard deviations (named), or is
   *     otherwise not positive semidefinite (an eigenvalue below {@code -1e-12 x} the largest;
   *     the first views whose block fails are named)
   */
  public BlackLitterman withOmega(double[][] omega) {
    Checks.notNull(omega, "omega");
    int k = views.size();
    if (omega.length != k) {
      throw new IllegalArgumentException("Expected a " + k + " x " + k + " Omega, but found "
          + omega.length + " rows");
    }
    double[][] o = new double[k][];
    for (int i = 0; i < k; i++) {
      if (omega[i] == null || omega[i].length != k) {
        throw new IllegalArgumentException("Expected row " + i + " of Omega to have " + k
            + " entries, but found " + (omega[i] == null ? "none" : omega[i].length));
      }
      o[i] = omega[i].clone();
      for (int j = 0; j < k; j++) {
        Checks.finite(o[i][j], "Omega entry (" + i + ", " + j + ")");
      }
    }
    // a covariance of view errors: variances >= 0, symmetric, correlations within [-1, 1]
    for (int i = 0; i < k; i++) {
      if (o[i][i] < 0) {
        throw new IllegalArgumentException("Omega entry (" + i + ", " + i + "), the variance of "
            + "view " + (i + 1) + " ('" + views.get(i).text() + "'), is " + o[i][i]
            + "; expected >= 0");
      }
      for (int j = 0; j < i; j++) {
        double scale = Math.max(Math.max(Math.abs(o[i][j]), Math.abs(o[j][i])),
            Math.sqrt(o[i][i] * o[j][j]));
        if (Math.abs(o[i][j] - o[j][i]) > 1e-12 * scale) {
          throw new IllegalArgumentException("Omega is not symmetric: entry (" + i + ", " + j
              + ") is " + o[i][j] + " but (" + j + ", " + i + ") is " + o[j][i]);
        }
        o[i][j] = 0.5 * (o[i][j] + o[j][i]); // rounding asymmetry averaged away
        o[j][i] = o[i][j];
        if (Math.abs(o[i][j]) > Math.sqrt(o[i][i] * o[j][j]) * (1 + 1e-12)) {
          throw new IllegalArgumentException("Omega entry (" + i + ", " + j + ") is " + o[i][j]
              + ", larger in magnitude than sqrt(Omega(" + i + ", " + i + ") x Omega(" + j + ", "
              + j + ")) = " + Math.sqrt(o[i][i] * o[j][j]) + ": not a covariance");
        }
      }
    }
    requirePositiveSemidefinite(o);
    return new BlackLitterman(cov, prior, tau, views, null, o);
  }

  /**
   * Refuses an Omega that passed the entry-wise checks but is not positive semidefinite (e.g.
   * three views with error correlations 0.9 between views 1 and 2 and between 2 and 3, but -0.9
   * between 1 and 3: every pair is a valid covariance, the whole is not). With such an Omega
   * some combination of the views has a negative error variance, and the posterior can move away
   * from the views. The message names
   * the first views (in the order added) that together cannot be a covariance, and the smallest
   * eigenvalue of their block.
   */
  private void requirePositiveSemidefinite(double[][] o) {
    int k = o.length;
    if (k < 3 || psd(o, k)) {
      return; // blocks of 1 and 2 views were checked entry by entry
    }
    for (int m = 3; m <= k; m++) {
      if (m == k || !psd(o, m)) {
        double[] ev = block(o, m).eigenvalues();
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < m; i++) {
          which.append(i == 0 ? "" : i == m - 1 ? " and " : ", ").append(i + 1).append(" ('")
              .append(views.get(i).text()).append("')");
        }
        throw new IllegalArgumentException("Omega is not positive semidefinite: the block of "
            + "views " + which + " has the eigenvalue " + MeanVariance.fmt(ev[0]) + " < 0, so "
            + "some combination of these views would have a negative error variance; Omega "
            + "must be a covariance matrix of the view errors");
      }
    }
  }

  /** Whether the leading {@code m x m} block of {@code o} is positive semidefinite. */
  private static boolean psd(double[][] o, int m) {
    return block(o, m).isPositiveSemidefinite();
  }

  /** The leading {@code m x m} block of {@code o}, for its eigenvalues. */
  private static CovarianceMatrix block(double[][] o, int m) {
    List<String> names = new ArrayList<>();
    double[][] b = new double[m][m];
    for (int i = 0; i < m; i++) {
      names.add("view " + (i + 1));
      System.arraycopy(o[i], 0, b[i], 0, m);
    }
    return CovarianceMatrix.of(names, b);
  }

  /**
   * The prior {@code pi}.
   *
   * @return the prior {@code pi}
   */
  public AssetVector prior() {
    return AssetVector.of(cov.assets(), prior);
  }

  /**
   * The posterior expected returns {@code mu_BL} (annualised).
   *
   * @return the posterior expected returns {@code mu_BL} (annualised)
   * @throws OptimizationException if fully confident views contradict each other (named)
   */
  public AssetVector posteriorReturns() {
    return AssetVector.of(cov.assets(), posterior().mu);
  }

  /**
   * The posterior covariance {@code S + M} (annualised).
   *
   * @return the posterior covariance {@code S + M} (annualised)
   * @throws OptimizationException if fully confident views contradict each other (named)
   */
  public CovarianceMatrix posteriorCovariance() {
    return CovarianceMatrix.of(cov.assets(), posterior().sigma);
  }

  /**
   * The unconstrained Black-Litterman weights {@code w = (delta S_BL)^-1 (mu_BL - rf)} (He and
   * Litterman 1999), not normalised: with no views and the market-implied prior they are
   * {@code w_mkt / (1 + tau)}.
   *
   * @param riskAversion {@code delta > 0}
   * @param riskFreeRate annualised; the rate included in the prior
   * @return the unconstrained weights, not normalised (they need not sum to 1)
   */
  public Weights weights(double riskAversion, double riskFreeRate) {
    Checks.positive(riskAversion, "riskAversion");
    Checks.finite(riskFreeRate, "riskFreeRate");
    Posterior p = posterior();
    int n = prior.length;
    double[][] a = new double[n][n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = riskAversion * p.sigma[i][j];
      }
      b[i] = p.mu[i] - riskFreeRate;
    }
    try {
      return Weights.of(cov.assets(), Linear.solve(a, b));
    } catch (ArithmeticException e) {
      throw new OptimizationException("Unconstrained Black-Litterman weights need an invertible "
          + "posterior covariance, but it is singular (the covariance given to of() is); use "
          + "MeanVariance on the posterior instead", e);
    }
  }

  private record Posterior(double[] mu, double[][] sigma) {
  }

  private Posterior posterior() {
    int n = prior.length;
    double[][] s = cov.toArray();
    List<Integer> used = new ArrayList<>();
    for (int k = 0; k < views.size(); k++) {
      if (confidences == null || confidences[k] > 0) {
        used.add(k); // a zero-confidence view carries no information
      }
    }
    int k = used.size();
    if (k == 0) {
      double[][] sigma = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          sigma[i][j] = (1 + tau) * s[i][j];
        }
      }
      return new Posterior(prior.clone(), sigma);
    }
    double[][] tauS = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        tauS[i][j] = tau * s[i][j];
      }
    }
    double[][] p;
    double[] q;
    double[][] tauSPt;
    double[][] a;
    while (true) {
      k = used.size();
      p = new double[k][];
      q = new double[k];
      List<String> texts = new ArrayList<>();
      for (int r = 0; r < k; r++) {
        p[r] = views.get(used.get(r)).p();
        q[r] = views.get(used.get(r)).q();
        texts.add(views.get(used.get(r)).text());
      }
      tauSPt = Linear.multiply(tauS, Linear.transpose(p)); // n x k
      a = Linear.multiply(p, tauSPt); // k x k = P tau S P'
      double[][] om = omegaFor(used, a);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          a[i][j] += om[i][j];
        }
      }
      int dependent = ViewConflicts.firstDependent(a);
      if (dependent < 0) {
        break;
      }
      // a fully confident restatement of earlier views: drop it and recompute; a contradiction
      // throws, naming the views
      ViewConflicts.requireConsistent(a, q, dependent, used, texts);
      used.remove(dependent);
    }
    double[] resid = new double[k];
    double[] ppi = Linear.multiply(p, prior);
    for (int r = 0; r < k; r++) {
      resid[r] = q[r] - ppi[r];
    }
    double[][] aInvPtauS;
    double[] aInvResid;
    try {
      aInvPtauS = Linear.solve(a, Linear.transpose(tauSPt)); // k x n
      aInvResid = Linear.solve(a, resid);
    } catch (ArithmeticException e) {
      // not expected after independentViews; never show the elimination's pivot to the user
      throw new OptimizationException("The views cannot be combined: P tau S P' + Omega is "
          + "singular to working precision; lower the confidence of a view or remove one", e);
    }
    double[] mu = prior.clone();
    double[] shift = Linear.multiply(tauSPt, aInvResid);
    for (int i = 0; i < n; i++) {
      mu[i] += shift[i];
    }
    double[][] m = Linear.multiply(tauSPt, aInvPtauS);
    double[][] sigma = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sigma[i][j] = s[i][j] + tauS[i][j] - m[i][j];
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double v = 0.5 * (sigma[i][j] + sigma[j][i]);
        sigma[i][j] = v;
        sigma[j][i] = v;
      }
    }
    return new Posterior(mu, sigma);
  }

  /** A view in words, assets in the covariance's order, e.g. {@code A01 - A02 = 0.05}. */
  private String viewText(double[] p, double q) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length; i++) {
      if (p[i] == 0) {
        continue;
      }
      double m = Math.abs(p[i]);
      sb.append(sb.length() == 0 ? (p[i] < 0 ? "-" : "") : (p[i] < 0 ? " - " : " + "))
          .append(m == 1 ? "" : MeanVariance.fmt(m) + " ").append(cov.assets().get(i));
    }
    return sb.append(" = ").append(MeanVariance.fmt(q)).toString();
  }

  private double[][] omegaFor(List<Integer> used, double[][] pTauSPt) {
    int k = used.size();
    double[][] om = new double[k][k];
    if (omega != null) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          om[i][j] = omega[used.get(i)][used.get(j)];
        }
      }
      return om;
    }
    for (int r = 0; r < k; r++) {
      double base = pTauSPt[r][r]; // tau P_k S P_k'
      if (confidences == null) {
        om[r][r] = base;
      } else {
        double c = confidences[used.get(r)];
        om[r][r] = base * (1 - c) / c;
      }
    }
    return om;
  }

  /** The views and settings, one line each. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("BlackLitterman: ").append(cov.size()).append(" assets, tau ")
        .append(MeanVariance.fmt(tau)).append(", ").append(views.size()).append(" view")
        .append(views.size() == 1 ? "" : "s")
        .append(views.isEmpty() ? "" : " (on annualised returns)")
        .append(omega != null ? ", explicit Omega"
            : confidences != null ? ", Idzorek confidences " + Arrays.toString(confidences)
            : ", He-Litterman Omega").append('\n');
    for (View v : views) {
      sb.append("  ").append(v.text()).append('\n');
    }
    return sb.toString();
  }
}
