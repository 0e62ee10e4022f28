package io.github.quantfolio.optimize;

import io.github.quantfolio.core.internal.Checks;

/**
 * The thresholds of {@link RebalanceAdvisor}; {@link #defaults()} holds seed 001's values where the
 * seed states one and documented choices where it does not (each marked below). Weights are
 * fractions of portfolio value (0.25 = 25 %), volatilities annualised fractions, penalties points
 * of the 0-100 health score.
 *
 * @param maxPositionWeight a position above this weight is over-concentrated (seed: 25 %)
 * @param positionTargetWeight an over-concentrated position is trimmed to this weight (seed: 23 %,
 *     "2 % buffer"); at most {@code maxPositionWeight}
 * @param maxCategoryWeight a category above this weight is over-concentrated (seed: 40 %)
 * @param categoryTargetWeight an over-concentrated category is trimmed, pro rata over its members,
 *     to this weight (choice: 38 %, the seed's 2-point buffer applied to categories); at most
 *     {@code maxCategoryWeight}
 * @param hhiMedium HHI at or above which concentration is medium (choice: 0.15, the 1,500 of the
 *     U.S. DOJ/FTC Horizontal Merger Guidelines 2010, section 5.3, on a 0-1 scale)
 * @param hhiHigh HHI above which concentration is high (choice: 0.25, the guidelines' 2,500)
 * @param lookback returns in the correlation, volatility and momentum window (seed: 30 days)
 * @param correlationThreshold pairs of major positions correlated above this are flagged (seed:
 *     0.7)
 * @param majorPositionWeight a position at or above this weight is "major" for correlation and
 *     "significant" for momentum (choice: 5 %)
 * @param correlationReduction fraction of the weaker performer's weight to sell (choice: 20 %)
 * @param highVolatility annualised volatility above which a large position is re-sized (choice:
 *     0.80, a crypto book's "high"); the new weight is {@code w x highVolatility / sigma}
 * @param largePositionWeight a position at or above this weight is "large" (choice: 10 %)
 * @param momentumThreshold window return below which momentum is strongly negative (choice:
 *     -0.15)
 * @param momentumReduction fraction of the weight to sell on negative momentum (choice: 25 %)
 * @param positionPenalty health points lost per over-concentrated position (seed: 15)
 * @param correlationPenaltyPerPair health points lost per flagged pair (choice: 10, which
 *     reproduces the seed's example: 100 - 15 - 10 = 75)
 * @param correlationPenaltyMax most health points lost to correlation (seed: 30)
 * @param categoryPenalty health points lost per over-concentrated category (seed: 10)
 * @param healthThreshold below this health score the book needs rebalancing (seed: 70)
 * @since 0.1.0
 */
public record AdvisorConfig(double maxPositionWeight, double positionTargetWeight,
    double maxCategoryWeight, double categoryTargetWeight, double hhiMedium, double hhiHigh,
    int lookback, double correlationThreshold, double majorPositionWeight,
    double correlationReduction, double highVolatility, double largePositionWeight,
    double momentumThreshold, double momentumReduction, double positionPenalty,
    double correlationPenaltyPerPair, double correlationPenaltyMax, double categoryPenalty,
    double healthThreshold) {

  /**
   * Validates every threshold; messages name the component and its value.
   *
   * @param maxPositionWeight in (0, 1]
   * @param positionTargetWeight in [0, maxPositionWeight]
   * @param maxCategoryWeight in (0, 1]
   * @param categoryTargetWeight in [0, maxCategoryWeight]
   * @param hhiMedium in [0, 1]
   * @param hhiHigh in [hhiMedium, 1]
   * @param lookback at least 2 returns
   * @param correlationThreshold in [-1, 1]
   * @param majorPositionWeight in [0, 1]
   * @param correlationReduction in [0, 1]
   * @param highVolatility &gt; 0, finite
   * @param largePositionWeight in [0, 1]
   * @param momentumThreshold in [-1, 0]
   * @param momentumReduction in [0, 1]
   * @param positionPenalty in [0, 100]
   * @param correlationPenaltyPerPair in [0, 100]
   * @param correlationPenaltyMax in [0, 100]
   * @param categoryPenalty in [0, 100]
   * @param healthThreshold in [0, 100]
   */
  public AdvisorConfig {
    Checks.greaterThan(maxPositionWeight, 0, "maxPositionWeight");
    Checks.inRange(maxPositionWeight, 0, 1, "maxPositionWeight");
    Checks.inRange(positionTargetWeight, 0, maxPositionWeight, "positionTargetWeight");
    Checks.greaterThan(maxCategoryWeight, 0, "maxCategoryWeight");
    Checks.inRange(maxCategoryWeight, 0, 1, "maxCategoryWeight");
    Checks.inRange(categoryTargetWeight, 0, maxCategoryWeight, "categoryTargetWeight");
    Checks.inRange(hhiMedium, 0, 1, "hhiMedium");
    Checks.inRange(hhiHigh, hhiMedium, 1, "hhiHigh");
    if (lookback < 2) {
      throw new IllegalArgumentException("Expected lookback >= 2 returns, but found " + lookback);
    }
    Checks.inRange(correlationThreshold, -1, 1, "correlationThreshold");
    Checks.inRange(majorPositionWeight, 0, 1, "majorPositionWeight");
    Checks.inRange(correlationReduction, 0, 1, "correlationReduction");
    Checks.finite(highVolatility, "highVolatility");
    Checks.greaterThan(highVolatility, 0, "highVolatility");
    Checks.inRange(largePositionWeight, 0, 1, "largePositionWeight");
    Checks.inRange(momentumThreshold, -1, 0, "momentumThreshold");
    Checks.inRange(momentumReduction, 0, 1, "momentumReduction");
    Checks.inRange(positionPenalty, 0, 100, "positionPenalty");
    Checks.inRange(correlationPenaltyPerPair, 0, 100, "correlationPenaltyPerPair");
    Checks.inRange(correlationPenaltyMax, 0, 100, "correlationPenaltyMax");
    Checks.inRange(categoryPenalty, 0, 100, "categoryPenalty");
    Checks.inRange(healthThreshold, 0, 100, "healthThreshold");
  }

  /**
   * Seed 001's thresholds (25 % position limit trimmed to 23 %, 40 % category limit, 30-day
   * window, 0.7 correlation, health penalties 15 / up to 30 / 10, healthy above 70) and the
   * documented choices for what the seed leaves open.
   *
   * @return the default configuration
   */
  public static AdvisorConfig defaults() {
    return new AdvisorConfig(0.25, 0.23, 0.40, 0.38, 0.15, 0.25, 30, 0.7, 0.05, 0.20, 0.80, 0.10,
        -0.15, 0.25, 15, 10, 30, 10, 70);
  }

  /**
   * A copy with another position limit and trim target.
   *
   * @param max the position limit, in (0, 1]
   * @param target the weight an over-concentrated position is trimmed to, in [0, max]
   * @return the copy
   */
  public AdvisorConfig withPositionLimit(double max, double target) {
    return new AdvisorConfig(max, target, maxCategoryWeight, categoryTargetWeight, hhiMedium,
        hhiHigh, lookback, correlationThreshold, majorPositionWeight, correlationReduction,
        highVolatility, largePositionWeight, momentumThreshold, momentumReduction, positionPenalty,
        correlationPenaltyPerPair, correlationPenaltyMax, categoryPenalty, healthThreshold);
  }

  /**
   * A copy with another window length.
   *
   * @param returns returns in the window, at least 2
   * @return the copy
   */
  public AdvisorConfig withLookback(int returns) {
    return new AdvisorConfig(maxPositionWeight, positionTargetWeight, maxCategoryWeight,
        categoryTargetWeight, hhiMedium, hhiHigh, returns, correlationThreshold,
        majorPositionWeight, correlationReduction, highVolatility, largePositionWeight,
        momentumThreshold, momentumReduction, positionPenalty, correlationPenaltyPerPair,
        correlationPenaltyMax, categoryPenalty, healthThreshold);
  }

  /**
   * A copy with other health-score penalties.
   *
   * @param position points per over-concentrated position, in [0, 100]
   * @param perPair points per flagged correlated pair, in [0, 100]
   * @param correlationMax most points lost to correlation, in [0, 100]
   * @param category points per over-concentrated category, in [0, 100]
   * @return the copy
   */
  public AdvisorConfig withHealthPenalties(double position, double perPair, double correlationMax,
      double category) {
    return new AdvisorConfig(maxPositionWeight, positionTargetWeight, maxCategoryWeight,
        categoryTargetWeight, hhiMedium, hhiHigh, lookback, correlationThreshold,
        majorPositionWeight, correlationReduction, highVolatility, largePositionWeight,
        momentumThreshold, momentumReduction, position, perPair, correlationMax, category,
        healthThreshold);
  }
}
