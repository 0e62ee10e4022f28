/**
 * {@link io.github.quantfolio.broker.alpaca.AlpacaBroker}: a
 * {@link io.github.quantfolio.core.adapters.Broker} for Alpaca's Trading API v2 on
 * {@code java.net.http}, paper by default, with retry-safe client order ids, bounded retries and
 * fill events derived from order state. Keys come from the caller
 * ({@link io.github.quantfolio.broker.alpaca.AlpacaCredentials}) and never appear in a message,
 * log line or {@code toString()}. See the Alpaca section of {@code docs/trading.md}.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.broker.alpaca;
