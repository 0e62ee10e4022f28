/**
 * Thin adapter interfaces through which calling code wires a broker, a machine-learning model and
 * a reviewer (for example an LLM) into Quantfolio, plus the small immutable values they exchange.
 * Quantfolio implements none of the real services; it ships {@link
 * io.github.quantfolio.core.adapters.PaperBroker}, an in-memory simulated broker.
 *
 * <ul>
 *   <li>{@link io.github.quantfolio.core.adapters.Broker}: account, positions, quotes, and orders
 *       keyed by a caller-chosen client order id, so that a retried submission is never executed
 *       twice; {@link io.github.quantfolio.core.adapters.Broker#isPaper()} tells simulated from
 *       live trading.
 *   <li>{@link io.github.quantfolio.core.adapters.SignalModel}: features in, a signal in [-1, 1]
 *       with a confidence in [0, 1] out (the ML hook).
 *   <li>{@link io.github.quantfolio.core.adapters.TradeReviewer}: a trade proposal and its
 *       {@link io.github.quantfolio.core.adapters.ReviewContext} in, approve,
 *       reject or resize with a rationale and a confidence out (the LLM hook).
 * </ul>
 *
 * <p>Values are records with validating constructors: quantities and prices are finite and
 * positive, confidences in [0, 1], and identifiers not blank; anything else throws
 * {@link IllegalArgumentException} naming the field and the value ({@link NullPointerException}
 * for nulls). Units: prices in the quote currency per unit, quantities in units (shares,
 * contracts, coins), cash in the account currency, which is assumed to be the quote currency.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.core.adapters;
