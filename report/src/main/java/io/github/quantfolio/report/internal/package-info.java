/**
 * The report module's internals (layout, canvases, number formatting, clustering for the
 * dendrogram). May change without notice; use {@link io.github.quantfolio.report} instead.
 */
package io.github.quantfolio.report.internal;
