package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;

/**
 * The limits and constants every {@link PositionSizer} works with, as fractions of equity unless
 * stated. {@link #defaults()} holds seed 002's numbers.
 *
 * @param maxPortfolioRisk the most of equity all positions together may lose at their stops
 *     (seed: 2 %)
 * @param maxPositionRisk the most of equity one position may lose at its stop (seed: 0.5 %)
 * @param minConfidence signals below this confidence get no position (seed: 0.6)
 * @param basePositionSize the base size of a position (seed: 2 %)
 * @param kellyFraction the fraction of the full Kelly size taken (seed: 0.25)
 * @param confidenceMultiplier the size multiple at confidence 1 for confidence weighting (seed:
 *     2.0)
 * @param maxPositionSize the largest position, whatever the method (not in the seed: 25 %, the
 *     concentration threshold of seed 001)
 * @param targetVolatility the annualised volatility a base-size position is meant to carry, for
 *     volatility-adjusted sizing (not in the seed: 15 %, its example portfolio volatility)
 * @param correlationPenalty how much a position is shrunk per unit of positive correlation with
 *     the book: the size is multiplied by {@code 1 - penalty x max(correlation, 0)} (not in the
 *     seed: 0.5)
 * @since 0.1.0
 */
public record SizingConfig(double maxPortfolioRisk, double maxPositionRisk, double minConfidence,
    double basePositionSize, double kellyFraction, double confidenceMultiplier,
    double maxPositionSize, double targetVolatility, double correlationPenalty) {

  /**
   * Validates the fields: fractions in their ranges, multipliers positive.
   *
   * @param maxPortfolioRisk in (0, 1]
   * @param maxPositionRisk in (0, maxPortfolioRisk]
   * @param minConfidence in [0, 1)
   * @param basePositionSize in (0, 1]
   * @param kellyFraction in (0, 1]
   * @param confidenceMultiplier &gt;= 1
   * @param maxPositionSize in (0, 10] (above 1: leverage)
   * @param targetVolatility &gt; 0
   * @param correlationPenalty in [0, 1]
   */
  public SizingConfig {
    open(maxPortfolioRisk, 0, 1, "maxPortfolioRisk");
    open(maxPositionRisk, 0, maxPortfolioRisk, "maxPositionRisk");
    if (!(minConfidence >= 0 && minConfidence < 1)) {
      throw new IllegalArgumentException("SizingConfig: expected 0 <= minConfidence < 1, but"
          + " found " + minConfidence);
    }
    open(basePositionSize, 0, 1, "basePositionSize");
    open(kellyFraction, 0, 1, "kellyFraction");
    if (!(confidenceMultiplier >= 1) || confidenceMultiplier == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("SizingConfig: expected finite confidenceMultiplier >="
          + " 1, but found " + confidenceMultiplier);
    }
    open(maxPositionSize, 0, 10, "maxPositionSize");
    Checks.positive(targetVolatility, "targetVolatility");
    Checks.inRange(correlationPenalty, 0, 1, "correlationPenalty");
  }

  private static void open(double v, double lo, double hi, String name) {
    if (!(v > lo && v <= hi)) {
      throw new IllegalArgumentException("SizingConfig: expected " + lo + " < " + name + " <= "
          + hi + ", but found " + v);
    }
  }

  /**
   * Seed 002's configuration: max portfolio risk 2 %, max position risk 0.5 %, min confidence
   * 0.6, base size 2 %, Kelly fraction 0.25, confidence multiplier 2.0; plus a 25 % maximum
   * position, a 15 % target volatility and a correlation penalty of 0.5.
   *
   * @return the defaults
   */
  public static SizingConfig defaults() {
    return new SizingConfig(0.02, 0.005, 0.6, 0.02, 0.25, 2.0, 0.25, 0.15, 0.5);
  }

  /**
   * This configuration with another base position size.
   *
   * @param size in (0, 1]
   * @return a new configuration
   */
  public SizingConfig withBasePositionSize(double size) {
    return new SizingConfig(maxPortfolioRisk, maxPositionRisk, minConfidence, size,
        kellyFraction, confidenceMultiplier, maxPositionSize, targetVolatility,
        correlationPenalty);
  }

  /**
   * This configuration with another minimum confidence.
   *
   * @param confidence in [0, 1)
   * @return a new configuration
   */
  public SizingConfig withMinConfidence(double confidence) {
    return new SizingConfig(maxPortfolioRisk, maxPositionRisk, confidence, basePositionSize,
        kellyFraction, confidenceMultiplier, maxPositionSize, targetVolatility,
        correlationPenalty);
  }

  /**
   * This configuration with other risk limits.
   *
   * @param portfolio the most all positions may lose at their stops, in (0, 1]
   * @param position the most one position may lose at its stop, in (0, portfolio]
   * @return a new configuration
   */
  public SizingConfig withRiskLimits(double portfolio, double position) {
    return new SizingConfig(portfolio, position, minConfidence, basePositionSize, kellyFraction,
        confidenceMultiplier, maxPositionSize, targetVolatility, correlationPenalty);
  }

  /**
   * This configuration with another maximum position size.
   *
   * @param size in (0, 10]
   * @return a new configuration
   */
  public SizingConfig withMaxPositionSize(double size) {
    return new SizingConfig(maxPortfolioRisk, maxPositionRisk, minConfidence, basePositionSize,
        kellyFraction, confidenceMultiplier, size, targetVolatility, correlationPenalty);
  }
}
