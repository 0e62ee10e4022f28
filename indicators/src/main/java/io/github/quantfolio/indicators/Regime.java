package io.github.quantfolio.indicators;

/**
 * A market regime label of one bar, assigned by {@link RegimeDetector}.
 *
 * @since 0.1.0
 */
public enum Regime {
  /** A strong trend (ADX at or above its threshold) with a rising moving average. */
  TRENDING_UP,
  /** A strong trend with a falling moving average. */
  TRENDING_DOWN,
  /** No strong trend (ADX below its threshold) and ordinary volatility. */
  RANGING,
  /** Volatility in the top of its own recent distribution; takes precedence over trend labels. */
  HIGH_VOLATILITY,
  /** Not enough complete bars yet (warm-up, or after a missing bar): no label. */
  UNKNOWN
}
