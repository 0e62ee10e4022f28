package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;

/**
 * Something calling code may want to be alerted to: a limit that cut or blocked a trade, a
 * change of trading state, or an order the broker rejected. Delivered to
 * {@link PipelineListener}s during the cycle, after the gate decided.
 *
 * @param time the cycle's decision time
 * @param kind what happened
 * @param symbol the symbol concerned, empty for a state change
 * @param from the state before (the current state for other kinds)
 * @param to the state after (the current state for other kinds)
 * @param detail the numbers, for example {@code "max position weight: 120 -> 80 (...)"}
 * @since 0.1.0
 */
public record PipelineEvent(Instant time, Kind kind, String symbol, TradingState from,
    TradingState to, String detail) {

  /** Kinds of event. */
  public enum Kind {
    /** A risk limit cut or blocked a trade. */
    LIMIT_HIT,
    /** The trading state changed (kill switch, daily loss, drawdown, resume, new day). */
    STATE_CHANGE,
    /** The broker rejected an order or failed on it. */
    ORDER_REJECTED
  }

  /**
   * Validates the fields.
   *
   * @param time the decision time
   * @param kind what happened
   * @param symbol the symbol, or empty
   * @param from the state before
   * @param to the state after
   * @param detail the numbers
   */
  public PipelineEvent {
    Checks.notNull(time, "time");
    Checks.notNull(kind, "kind");
    Checks.notNull(symbol, "symbol");
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    Checks.notNull(detail, "detail");
  }

  @Override
  public String toString() {
    return time + " " + kind + (symbol.isEmpty() ? "" : " " + symbol)
        + (kind == Kind.STATE_CHANGE ? " " + from + " -> " + to : "") + ": " + detail;
  }
}
