/**
 * Vectorized multi-asset backtesting engine, strategies, walk-forward re-optimization and
 * parameter sweeps. The module's content lands with its own issue; this package currently holds no
 * public types.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.backtest;
