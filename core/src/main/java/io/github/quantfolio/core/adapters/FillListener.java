package io.github.quantfolio.core.adapters;

/**
 * Receives every execution of a {@link Broker}, in order, once each (for example
 * {@code broker.addFillListener(ledger::record)}). Brokers call listeners after their own state
 * has been updated and outside their locks; a listener should return quickly.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FillListener {

  /**
   * Called once per execution.
   *
   * @param fill the execution
   */
  void onFill(Fill fill);
}
