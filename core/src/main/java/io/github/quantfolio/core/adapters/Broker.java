package io.github.quantfolio.core.adapters;

import java.util.List;
import java.util.Optional;

/**
 * A brokerage connection: account, positions, quotes and orders. Calling code implements it for
 * a real broker; Quantfolio ships {@link PaperBroker}.
 *
 * <p><b>Idempotency.</b> Orders are keyed by the caller's {@link OrderRequest#clientOrderId()}.
 * {@link #submit} with an id the broker has seen returns that order as it stands and executes
 * nothing; with the same id but a different request it throws. {@link #cancel} of an order that
 * is already final returns it unchanged. So every call may be retried safely.
 *
 * <p><b>Errors.</b> A well-formed order the broker refuses (no quote, insufficient cash, ...) is
 * returned with status {@link OrderStatus#REJECTED} and a message; exceptions are for misuse
 * (unknown id, conflicting reuse of an id) and connection failures. Implementations should be
 * thread-safe.
 *
 * @since 0.1.0
 */
public interface Broker {

  /**
   * Whether orders are simulated ({@code true}) or reach a real market with real money.
   *
   * @return whether orders are simulated ({@code true}) or reach a real market with real money
   */
  boolean isPaper();

  /**
   * The account now: cash, positions marked to market, paper flag.
   *
   * @return the account now: cash, positions marked to market, paper flag
   */
  Account account();

  /**
   * The non-empty positions now, in no particular order (unmodifiable).
   *
   * @return the non-empty positions now, in no particular order (unmodifiable)
   */
  List<Position> positions();

  /**
   * The latest quote of {@code symbol}, or empty if the broker has none.
   *
   * @param symbol the instrument
   * @return the latest quote of {@code symbol}, or empty if the broker has none
   */
  Optional<Quote> quote(String symbol);

  /**
   * Submits an order, or returns the existing order with the same client order id.
   *
   * @param request the order, with the caller's client order id
   * @return the new order, or the existing one with that client order id, in its current state
   * @throws IllegalArgumentException if an order with this client order id exists and its
   *     request differs from {@code request}
   */
  Order submit(OrderRequest request);

  /**
   * Cancels the order with this client order id if it is still open; returns it in its
   * resulting state (unchanged if already final).
   *
   * @param clientOrderId the caller's id of the order
   * @return the order in its resulting state: cancelled, or unchanged if it was already final
   * @throws IllegalArgumentException if there is no order with this id
   */
  Order cancel(String clientOrderId);

  /**
   * The order with this client order id, in its current state, or empty if unknown.
   *
   * @param clientOrderId the caller's id of the order
   * @return the order with this client order id, in its current state, or empty if unknown
   */
  Optional<Order> order(String clientOrderId);

  /**
   * Registers {@code listener} to receive every later execution, once each, in order.
   *
   * @param listener the listener
   */
  void addFillListener(FillListener listener);

  /**
   * Stops sending executions to {@code listener} (no effect if it is not registered).
   *
   * @param listener the listener
   */
  void removeFillListener(FillListener listener);
}
