/**
 * Implementation of the indicators module: argument checks, the batch kernels behind
 * {@link io.github.quantfolio.indicators.Indicators} and the rolling-window building blocks shared
 * with the streaming indicators. <b>Not public API: may change without notice</b>; use the types of
 * {@link io.github.quantfolio.indicators} instead.
 */
package io.github.quantfolio.indicators.internal;
