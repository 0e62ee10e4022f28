package io.github.quantfolio.trading;

import java.time.Instant;

/**
 * One line of the {@link Accounts} audit log.
 *
 * @param time when it happened (from the accounts' clock)
 * @param account the account it concerns
 * @param kind what happened
 * @param clientOrderId the order it concerns, or empty
 * @param detail the order, the rule broken, the broker's message or the operator, in words
 * @since 0.1.0
 */
public record AuditEntry(Instant time, String account, Kind kind, String clientOrderId,
    String detail) {

  /** What an audit entry records. */
  public enum Kind {
    /** The active account changed (the detail names the operator for a live account). */
    SWITCH,
    /** A switch was refused (a live account without its confirmation). */
    SWITCH_REFUSED,
    /** An order passed the pre-trade check and the broker accepted it. */
    ORDER_SUBMITTED,
    /** An order broke a pre-trade rule and did not reach the broker. */
    ORDER_REJECTED_PRE_TRADE,
    /** The broker returned the order as rejected. */
    ORDER_REJECTED_BY_BROKER,
    /** An order id the broker already had: its existing order was returned, nothing executed. */
    ORDER_DUPLICATE,
    /** The broker call failed with an exception (the order may or may not exist there). */
    ORDER_ERROR,
    /** An order was cancelled. */
    ORDER_CANCELLED,
    /** A new trading session began: the daily counters were reset. */
    SESSION_RESET
  }

  /** For example {@code 2024-05-01T14:30:00Z U123456 ORDER_SUBMITTED q3f...: BUY 10 'AAPL'}. */
  @Override
  public String toString() {
    return time + " " + account + " " + kind + (clientOrderId.isEmpty() ? "" : " " + clientOrderId)
        + ": " + detail;
  }
}
