package io.github.quantfolio.core.adapters;

import io.github.quantfolio.core.internal.Checks;

/**
 * A snapshot of a trading account.
 *
 * @param cash cash available, finite (a broker with margin may report a negative value)
 * @param positionsValue the positions marked at the mid of their latest quotes, finite
 * @param paper whether the account is simulated (see {@link Broker#isPaper()})
 * @since 0.1.0
 */
public record Account(double cash, double positionsValue, boolean paper) {

  /** Validates the fields (see the record description). */
  public Account {
    Checks.finite(cash, "cash");
    Checks.finite(positionsValue, "positionsValue");
  }

  /** {@code cash + positionsValue}. */
  public double equity() {
    return cash + positionsValue;
  }
}
