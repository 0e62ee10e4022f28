/**
 * Technical indicators with TA-Lib's definitions: batch functions on primitive arrays in
 * {@link io.github.quantfolio.indicators.Indicators} (full-length outputs, NaN during the
 * warm-up, one documented NaN policy), an O(1) streaming twin of each (O(log n) for CCI) ({@code Streaming*} classes)
 * that gives the same numbers bar by bar, entry signals of classic strategies in
 * {@link io.github.quantfolio.indicators.Signals}, and market regime labels in
 * {@link io.github.quantfolio.indicators.RegimeDetector}.
 *
 * <p>Formulas, lookbacks, seeds and references: {@code docs/indicators.md} and the Javadoc of each
 * method. The {@code internal} sub-package is not API.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.indicators;
