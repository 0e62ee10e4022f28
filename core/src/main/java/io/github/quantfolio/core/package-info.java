/**
 * The data model: {@link io.github.quantfolio.core.TimeIndex} (strictly increasing dates or
 * instants), {@link io.github.quantfolio.core.Frequency} (periods per year for annualisation),
 * the immutable T x N tables {@link io.github.quantfolio.core.PriceFrame},
 * {@link io.github.quantfolio.core.ReturnFrame} and {@link io.github.quantfolio.core.ValueFrame},
 * one instrument's OHLCV {@link io.github.quantfolio.core.Bars}, the labelled vectors
 * {@link io.github.quantfolio.core.AssetVector} and {@link io.github.quantfolio.core.Weights},
 * CSV and Tablesaw I/O, and the seeded {@link io.github.quantfolio.core.MarketSimulator}.
 *
 * <p>Missing values are NaN; real data is ragged, so every operation documents what it does with
 * NaN. Prices are finite and &gt; 0 where present; bad input fails with an
 * {@link IllegalArgumentException} naming the asset, the date and the value. See
 * {@code docs/data-model.md}.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.core;
