/**
 * The backtest engine's kernels. Internal: may change without notice; use the public API of
 * {@code io.github.quantfolio.backtest}.
 */
package io.github.quantfolio.backtest.internal;
