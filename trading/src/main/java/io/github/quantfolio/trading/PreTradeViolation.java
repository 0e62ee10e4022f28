package io.github.quantfolio.trading;

/**
 * A limit an order would break.
 *
 * @param rule which limit
 * @param limit the limit's value (NaN for {@link Rule#SYMBOL_NOT_ALLOWED}, which is a list)
 * @param actual the value the order would reach (NaN for {@link Rule#SYMBOL_NOT_ALLOWED})
 * @param message the rule, the limit and the value in words, naming the account and the order
 * @since 0.1.0
 */
public record PreTradeViolation(Rule rule, double limit, double actual, String message) {

  /** The pre-trade rules, in the order they are checked. */
  public enum Rule {
    /** The symbol is not in the account's allowed symbols. */
    SYMBOL_NOT_ALLOWED,
    /** {@code quantity x price} above the maximum order value. */
    MAX_ORDER_VALUE,
    /** The session's accepted orders already at the maximum. */
    MAX_DAILY_TRADES,
    /** The position after the order above the maximum weight of equity (increasing orders). */
    MAX_POSITION_WEIGHT,
    /** Gross exposure after the order above the maximum multiple of equity (increasing orders). */
    MAX_GROSS_EXPOSURE
  }
}
