package io.github.quantfolio.core.adapters;

/**
 * A snapshot of a trading account.
 *
 * @param cash cash available, finite (a broker with margin may report a negative value)
 * @param positionsValue the positions marked at the mid of their latest quotes, finite (and so
 *     is {@code cash + positionsValue})
 * @param paper whether the account is simulated (see {@link Broker#isPaper()})
 * @since 0.1.0
 */
public record Account(double cash, double positionsValue, boolean paper) {

  /**
   * Validates the fields (see the record description).
   *
   * @param cash cash available, finite (a broker with margin may report a negative value)
   * @param positionsValue the positions marked at the mid of their latest quotes, finite (and so
   *    is {@code cash + positionsValue})
   * @param paper whether the account is simulated (see {@link Broker#isPaper()})
   */
  public Account {
    Values.finite(cash, "Account", "cash");
    Values.finite(positionsValue, "Account", "positionsValue");
    Values.finite(cash + positionsValue, "Account", "equity (cash + positionsValue)");
  }

  /**
   * {@code cash + positionsValue}.
   *
   * @return {@code cash + positionsValue}
   */
  public double equity() {
    return cash + positionsValue;
  }
}
