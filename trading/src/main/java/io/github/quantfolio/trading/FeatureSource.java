package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.adapters.Features;

/**
 * Turns a symbol's bars into the {@link Features} a signal model sees as of one bar. The
 * contract a {@link TradingPipeline} relies on: the result depends only on bars
 * {@code 0..asOfIndex} (nothing after the as-of bar), and the same bars give the same features
 * in replay, paper and live runs. {@code FeatureBuilder} is the library's implementation; a
 * lambda will do for a custom model.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FeatureSource {

  /**
   * The features of {@code bars} as of bar {@code asOfIndex}.
   *
   * @param bars the symbol's bars (may extend past the as-of bar; those must not be read)
   * @param asOfIndex the index of the as-of bar in {@code bars}
   * @return the features, with {@code asOf()} the as-of bar's instant
   */
  Features features(Bars bars, int asOfIndex);
}
