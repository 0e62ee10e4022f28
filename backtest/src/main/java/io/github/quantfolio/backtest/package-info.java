/**
 * Vectorized multi-asset backtesting: {@link io.github.quantfolio.backtest.Backtest} runs target
 * weights, signals, orders or a {@link io.github.quantfolio.backtest.Strategy} through one ledger
 * with costs, stops and next-bar fills, and returns a
 * {@link io.github.quantfolio.backtest.BacktestResult} (equity, trades, costs, report).
 *
 * @since 0.1.0
 */
package io.github.quantfolio.backtest;
