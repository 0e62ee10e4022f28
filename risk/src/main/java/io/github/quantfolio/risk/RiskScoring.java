package io.github.quantfolio.risk;

import io.github.quantfolio.core.internal.Checks;
import java.util.List;

/**
 * Two 0-100 summary scores of a portfolio, with documented and configurable formulas.
 *
 * <p><b>Risk score</b> (higher = riskier):
 * {@code 100 (a min(1, sigma / sigmaRef) + b c + g max(0, rhoBar))} with the annualised
 * volatility {@code sigma}, the normalised concentration
 * {@code c = (HHI - 1/N) / (1 - 1/N)} over the N held assets (0 for equal weights, 1 for a single
 * position) and the average pairwise correlation {@code rhoBar} of held assets (0 with one asset).
 * Defaults: {@code a = 0.5, b = 0.25, g = 0.25, sigmaRef = 0.40}.
 *
 * <p><b>Health score</b> (higher = healthier):
 * {@code max(0, 100 - penalty x violations - riskWeight x riskScore)}; defaults
 * {@code penalty = 15}, {@code riskWeight = 0.5}.
 *
 * @param volatilityWeight a
 * @param concentrationWeight b
 * @param correlationWeight g
 * @param referenceVolatility sigmaRef: the volatility that scores the full volatility weight
 * @param violationPenalty points lost per limit violation in the health score
 * @param riskWeight share of the risk score subtracted in the health score
 * @since 0.1.0
 */
public record RiskScoring(double volatilityWeight, double concentrationWeight,
    double correlationWeight, double referenceVolatility, double violationPenalty,
    double riskWeight) {

  /**
   * Validates: weights non-negative summing to 1, reference volatility &gt; 0.
   *
   * @param volatilityWeight a
   * @param concentrationWeight b
   * @param correlationWeight g
   * @param referenceVolatility sigmaRef: the volatility that scores the full volatility weight
   * @param violationPenalty points lost per limit violation in the health score
   * @param riskWeight share of the risk score subtracted in the health score
   */
  public RiskScoring {
    Checks.inRange(volatilityWeight, 0, 1, "volatilityWeight");
    Checks.inRange(concentrationWeight, 0, 1, "concentrationWeight");
    Checks.inRange(correlationWeight, 0, 1, "correlationWeight");
    double sum = volatilityWeight + concentrationWeight + correlationWeight;
    if (Math.abs(sum - 1) > 1e-12) {
      throw new IllegalArgumentException("Expected the three risk weights to sum to 1, but they sum to " + sum);
    }
    Checks.positive(referenceVolatility, "referenceVolatility");
    Checks.inRange(violationPenalty, 0, 100, "violationPenalty");
    Checks.inRange(riskWeight, 0, 1, "riskWeight");
  }

  /**
   * The documented defaults.
   *
   * @return the documented defaults
   */
  public static RiskScoring defaults() {
    return new RiskScoring(0.5, 0.25, 0.25, 0.40, 15, 0.5);
  }

  /**
   * The 0-100 risk score of {@code risk} (a portfolio with at least one position: a
   * {@link PortfolioRisk} of all-zero weights is rejected when it is made).
   *
   * @param risk the portfolio, not null
   * @return the risk score, in [0, 100]
   */
  public double riskScore(PortfolioRisk risk) {
    Checks.notNull(risk, "risk");
    double vol = Math.min(1, risk.volatility() / referenceVolatility);
    int held = 0;
    for (double x : risk.weights().toArray()) {
      if (x != 0) {
        held++;
      }
    }
    double conc = held == 1 ? 1 : (risk.herfindahlIndex() - 1.0 / held) / (1 - 1.0 / held);
    double corr = held <= 1 ? 0 : Math.max(0, risk.averagePairwiseCorrelation());
    double s = 100 * (volatilityWeight * vol + concentrationWeight * conc + correlationWeight * corr);
    return Math.max(0, Math.min(100, s));
  }

  /**
   * The 0-100 health score given the violations found by {@link RiskLimits#check}.
   *
   * @param risk the portfolio, not null
   * @param violations the limits it breaks, e.g. from {@link RiskLimits#check}; not null (empty
   *     when none)
   * @return the health score, in [0, 100]
   */
  public double healthScore(PortfolioRisk risk, List<RiskLimits.Violation> violations) {
    Checks.notNull(violations, "violations");
    return Math.max(0, 100 - violationPenalty * violations.size() - riskWeight * riskScore(risk));
  }
}
