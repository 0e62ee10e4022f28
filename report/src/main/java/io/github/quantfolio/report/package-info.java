/**
 * Pictures of Quantfolio results with no third-party dependency: a small immutable chart model
 * ({@link io.github.quantfolio.report.Chart}, {@link io.github.quantfolio.report.Axis},
 * {@link io.github.quantfolio.report.Mark}) rendered as SVG text
 * ({@link io.github.quantfolio.report.SvgRenderer}, byte-identical for the same input) or as a PNG
 * through Java2D ({@link io.github.quantfolio.report.PngRenderer}, works with
 * {@code java.awt.headless=true}); ready-made chart kinds in
 * {@link io.github.quantfolio.report.Charts} (equity, underwater drawdown, monthly heatmap, rolling
 * ratios, weights, efficient frontier, correlation heatmap, HRP dendrogram, sweeps,
 * walk-forward folds); and a self-contained HTML {@link io.github.quantfolio.report.Tearsheet}
 * (inline CSS and SVG, no script, nothing loaded from anywhere).
 *
 * <p>Colours come from the Okabe-Ito palette and colour-blind-safe diverging and sequential
 * scales ({@link io.github.quantfolio.report.Palette}). A chart never throws on awkward data
 * (one point, a constant or all-NaN series, negative values on a log axis, values near
 * {@code Double.MAX_VALUE}): it draws what it can and writes "cannot draw: &lt;why&gt;" for the
 * rest.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.report;
