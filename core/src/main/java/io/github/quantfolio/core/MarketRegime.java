package io.github.quantfolio.core;

/**
 * The volatility regime of a {@link MarketSimulator simulated market} on one day: a two-state
 * Markov chain moving between a calm and a stressed state.
 *
 * @since 0.1.0
 */
public enum MarketRegime {
  /** Normal conditions: each asset has its configured drift and volatility. */
  CALM,
  /**
   * Stress: volatility multiplied by {@link MarketSimulator#stressVolatilityMultiplier()}, drift
   * shifted by {@link MarketSimulator#stressDriftShift()}, volume scaled up like volatility.
   */
  STRESSED
}
