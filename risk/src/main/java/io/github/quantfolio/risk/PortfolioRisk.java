package io.github.quantfolio.risk;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.risk.internal.Normal;
import java.util.ArrayList;
import java.util.List;

/**
 * Ex-ante risk of a weighted portfolio under an annualised covariance matrix {@code S}:
 * volatility {@code sigma = sqrt(w' S w)}, the Euler decomposition of volatility into asset
 * contributions, diversification and concentration measures, and parametric VaR/CVaR.
 *
 * <p>Weights are fractions of portfolio value (negative = short); assets of the covariance that
 * the weights do not name are held at zero. All volatilities are annualised.
 *
 * <ul>
 *   <li>marginal contribution {@code MC_i = (S w)_i / sigma} (d sigma / d w_i);
 *   <li>component contribution {@code CC_i = w_i MC_i}, summing to {@code sigma};
 *   <li>percent contribution {@code PC_i = CC_i / sigma}, summing to 1.
 * </ul>
 *
 * @since 0.1.0
 */
public final class PortfolioRisk {

  /**
   * An asset whose weight exceeds a limit.
   *
   * @param asset the asset
   * @param weight its weight, a fraction of portfolio value (negative = short)
   * @param excessWeight how far its absolute weight exceeds the limit, a fraction &gt; 0
   * @param excessValue the excess in currency: {@code excessWeight} x the portfolio value
   */
  public record Concentration(String asset, double weight, double excessWeight, double excessValue) {
  }

  private final CovarianceMatrix covariance;
  private final List<String> assets;
  private final double[] w;
  private final double[] sw; // S w
  private final double variance;

  private PortfolioRisk(CovarianceMatrix covariance, double[] w) {
    this.covariance = covariance;
    this.assets = covariance.assets();
    this.w = w;
    int n = w.length;
    this.sw = new double[n];
    double v = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += covariance.get(i, j) * w[j];
      }
      sw[i] = s;
      v += w[i] * s;
    }
    this.variance = v;
  }

  /**
   * The risk of {@code weights} under {@code covariance}.
   *
   * @param weights fractions of portfolio value per asset (negative = short), not all zero; assets
   *     of {@code covariance} not named are held at zero
   * @param covariance the annualised covariance, naming every weighted asset
   * @return the risk of the portfolio
   * @throws IllegalArgumentException if every weight is zero (a portfolio without positions has
   *     no volatility, contributions or concentration to report), if a weighted asset is not in
   *     the covariance matrix (named), or the portfolio variance is negative (the matrix is not
   *     PSD; repair it first)
   */
  public static PortfolioRisk of(Weights weights, CovarianceMatrix covariance) {
    Checks.notNull(weights, "weights");
    Checks.notNull(covariance, "covariance");
    if (weights.assets().stream().allMatch(a -> weights.get(a) == 0)) {
      throw new IllegalArgumentException("Every weight is zero: a portfolio without positions has "
          + "no risk figures (its volatility would read 0 % and its contributions 0 / 0)");
    }
    for (String a : weights.assets()) {
      if (!covariance.assets().contains(a)) {
        throw new IllegalArgumentException("Asset '" + a + "' has a weight but is not in the "
            + "covariance matrix " + covariance.assets());
      }
    }
    PortfolioRisk r = new PortfolioRisk(covariance, weights.toArray(covariance.assets()));
    if (r.variance < 0) {
      throw new IllegalArgumentException("Portfolio variance is " + r.variance
          + " < 0: the covariance matrix is not positive semidefinite; use "
          + "nearestPositiveSemidefinite() or withDiagonalShift(...)");
    }
    return r;
  }

  /**
   * The covariance matrix used.
   *
   * @return the covariance matrix used
   */
  public CovarianceMatrix covariance() {
    return covariance;
  }

  /**
   * The weights aligned with the covariance's assets (zero where not held).
   *
   * @return the weights aligned with the covariance's assets (zero where not held)
   */
  public Weights weights() {
    return Weights.of(assets, w);
  }

  /**
   * Annualised portfolio variance {@code w' S w}.
   *
   * @return annualised portfolio variance {@code w' S w}
   */
  public double variance() {
    return variance;
  }

  /**
   * Annualised portfolio volatility {@code sqrt(w' S w)}.
   *
   * @return annualised portfolio volatility {@code sqrt(w' S w)}
   */
  public double volatility() {
    return Math.sqrt(variance);
  }

  private double[] requireRisk() {
    if (!(variance > 0)) {
      throw new IllegalArgumentException("The portfolio has zero volatility; risk contributions are undefined");
    }
    return sw;
  }

  /**
   * Marginal contributions {@code (S w)_i / sigma}.
   *
   * @return marginal contributions {@code (S w)_i / sigma}
   * @throws IllegalArgumentException if the portfolio has zero volatility
   */
  public AssetVector marginalContributions() {
    double[] s = requireRisk();
    double sigma = volatility();
    double[] out = new double[w.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = s[i] / sigma;
    }
    return AssetVector.of(assets, out);
  }

  /**
   * Component contributions {@code w_i (S w)_i / sigma}; they sum to {@link #volatility()}.
   *
   * @return the component contributions per asset, annualised; their sum is {@link #volatility()}
   */
  public AssetVector componentContributions() {
    double[] s = requireRisk();
    double sigma = volatility();
    double[] out = new double[w.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = w[i] * s[i] / sigma;
    }
    return AssetVector.of(assets, out);
  }

  /**
   * Percent contributions {@code w_i (S w)_i / sigma^2}; they sum to 1.
   *
   * @return the share of the volatility per asset, as fractions summing to 1
   */
  public AssetVector percentContributions() {
    double[] s = requireRisk();
    double[] out = new double[w.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = w[i] * s[i] / variance;
    }
    return AssetVector.of(assets, out);
  }

  /**
   * Diversification ratio {@code sum_i |w_i| sigma_i / sigma} (Choueifaty &amp; Coignard 2008):
   * 1 for a single asset or perfectly correlated assets held long, larger with diversification.
   *
   * @return the diversification ratio, &gt;= 1 for a long-only portfolio
   */
  public double diversificationRatio() {
    requireRisk();
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += Math.abs(w[i]) * Math.sqrt(covariance.get(i, i));
    }
    return s / volatility();
  }

  /**
   * Herfindahl-Hirschman index {@code sum_i (|w_i| / sum_j |w_j|)^2} of the gross weights: 1 for
   * one position, {@code 1/N} for N equal ones.
   *
   * @return the Herfindahl-Hirschman index of the gross weights, in (0, 1]
   * @throws IllegalArgumentException if every weight is zero
   */
  public double herfindahlIndex() {
    double gross = 0;
    for (double x : w) {
      gross += Math.abs(x);
    }
    if (gross == 0) {
      throw new IllegalArgumentException("Every weight is zero; concentration is undefined");
    }
    double h = 0;
    for (double x : w) {
      double s = Math.abs(x) / gross;
      h += s * s;
    }
    return h;
  }

  /**
   * The effective number of assets {@code 1 / herfindahlIndex()}.
   *
   * @return the effective number of assets {@code 1 / herfindahlIndex()}
   */
  public double effectiveNumberOfAssets() {
    return 1 / herfindahlIndex();
  }

  /**
   * Parametric (normal) value at risk over one period of {@code horizon} as a return (negative =
   * loss), assuming a zero mean: {@code Phi^-1(1 - confidence) sigma / sqrt(f)}.
   *
   * @param confidence the confidence level, 0 &lt; confidence &lt; 1 (e.g. 0.95)
   * @param horizon the length of the period, not null (e.g. {@code Frequency.DAILY} for a one-day
   *     VaR)
   * @return the value at risk as a return over one period (negative = loss)
   */
  public double valueAtRisk(double confidence, Frequency horizon) {
    Checks.inOpenRange(confidence, 0, 1, "confidence");
    Checks.notNull(horizon, "horizon");
    return Normal.quantile(1 - confidence) * volatility() / Math.sqrt(horizon.periodsPerYear());
  }

  /**
   * Parametric (normal) expected shortfall over one period of {@code horizon} as a return,
   * assuming a zero mean: {@code -phi(z) / (1 - confidence) sigma / sqrt(f)}.
   *
   * @param confidence the confidence level, 0 &lt; confidence &lt; 1 (e.g. 0.95)
   * @param horizon the length of the period, not null (e.g. {@code Frequency.DAILY} for one day)
   * @return the expected shortfall as a return over one period (negative = loss)
   */
  public double conditionalValueAtRisk(double confidence, Frequency horizon) {
    Checks.inOpenRange(confidence, 0, 1, "confidence");
    Checks.notNull(horizon, "horizon");
    double z = Normal.quantile(1 - confidence);
    return -Normal.density(z) / (1 - confidence) * volatility() / Math.sqrt(horizon.periodsPerYear());
  }

  private List<String> held() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0) {
        out.add(assets.get(i));
      }
    }
    return out;
  }

  /**
   * The average pairwise correlation among held assets (non-zero weight).
   *
   * @return the average pairwise correlation among held assets (non-zero weight)
   * @throws IllegalArgumentException if fewer than 2 assets are held
   */
  public double averagePairwiseCorrelation() {
    return covariance.select(held()).correlation().averagePairwise();
  }

  /**
   * Pairs of held assets whose correlation exceeds {@code threshold}, highest first.
   *
   * @param threshold the correlation a pair must exceed, finite (e.g. 0.8)
   * @return pairs of held assets whose correlation exceeds {@code threshold}, highest first (empty
   *     with fewer than 2 held assets)
   */
  public List<CorrelationMatrix.Pair> correlatedPairs(double threshold) {
    List<String> h = held();
    return h.size() < 2 ? List.of() : covariance.select(h).correlation().pairsAbove(threshold);
  }

  /**
   * Positions whose absolute weight exceeds {@code maxWeight}, with the excess weight and its
   * value in a portfolio worth {@code portfolioValue} (finite, &gt; 0), largest excess first.
   *
   * @param maxWeight the largest acceptable absolute weight, a finite fraction &gt;= 0 (e.g. 0.1)
   * @param portfolioValue the portfolio's value in currency, finite and &gt; 0
   * @return the positions over the limit, largest excess first (empty if none)
   */
  public List<Concentration> concentration(double maxWeight, double portfolioValue) {
    Checks.nonNegative(maxWeight, "maxWeight");
    Checks.positive(portfolioValue, "portfolioValue");
    List<Concentration> out = new ArrayList<>();
    for (int i = 0; i < w.length; i++) {
      double excess = Math.abs(w[i]) - maxWeight;
      if (excess > 0) {
        out.add(new Concentration(assets.get(i), w[i], excess, excess * portfolioValue));
      }
    }
    out.sort((a, b) -> Double.compare(b.excessWeight(), a.excessWeight()));
    return out;
  }

  /**
   * Volatility, then per held asset: weight, annualised volatility and the three contributions
   * (marginal {@code d sigma / d w_i}, component in volatility percent points, share of the
   * total in percent).
   */
  @Override
  public String toString() {
    // only an estimated covariance is known to be annualised; a given one is read as such
    StringBuilder sb = new StringBuilder("PortfolioRisk: volatility ")
        .append(TextTable.num(100 * volatility(), 2)).append(covariance.estimator().isPresent()
            ? "% (annualised)" : "% (annualised if the given covariance is)");
    if (!(variance > 0)) {
      return sb.append('\n').toString();
    }
    sb.append(", diversification ratio ").append(TextTable.num(diversificationRatio(), 2))
        .append(", effective assets ").append(TextTable.num(effectiveNumberOfAssets(), 1)).append('\n');
    TextTable t = new TextTable("asset", "weight %", "vol % (ann.)", "marginal (ann.)",
        "component %", "share %");
    double sigma = volatility();
    for (int i = 0; i < w.length; i++) {
      if (w[i] == 0) {
        continue;
      }
      t.row(assets.get(i), TextTable.num(100 * w[i], 2),
          TextTable.num(100 * Math.sqrt(covariance.get(i, i)), 2), TextTable.num(sw[i] / sigma, 4),
          TextTable.num(100 * w[i] * sw[i] / sigma, 2), TextTable.num(100 * w[i] * sw[i] / variance, 2));
    }
    return sb.append(t.render()).toString();
  }
}
