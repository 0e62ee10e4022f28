package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The audit record of one symbol in one {@link TradingPipeline} cycle: what the model saw and
 * said, what was proposed, what the reviewer answered, each limit that cut or blocked the trade
 * and by how much, the sizing, and the orders with their status at submission. Immutable;
 * {@link DecisionRecords} writes and reads them as JSON lines, byte-identical for equal records.
 *
 * <p>A stage the cycle did not reach is null ({@code features}, {@code signal},
 * {@code proposal}, {@code review}, {@code sizing}); {@link #outcome()} says where it stopped and
 * {@link #note()} why.
 *
 * @param runId the pipeline's run id (also the seed of the client order ids)
 * @param asOf the decision time (the as-of bar's instant)
 * @param symbol the instrument
 * @param state the trading state the gate applied
 * @param features the features the model saw, or null
 * @param signal the model's signal, or null
 * @param positionBefore the signed position (including working orders) before the decision
 * @param proposal the trade proposed to the reviewer, or null
 * @param review the reviewer's decision, or null
 * @param cuts each limit that cut or blocked the trade, in the order applied
 * @param sizing the position sizer's result (sizing mode), or null
 * @param orders the orders sent to the broker, with their status at submission
 * @param outcome where the decision ended
 * @param note why it ended there (empty when the orders went out as decided)
 * @since 0.1.0
 */
public record DecisionRecord(String runId, Instant asOf, String symbol, TradingState state,
    Features features, Signal signal, double positionBefore, Proposal proposal,
    ReviewDecision review, List<Cut> cuts, Sizing sizing, List<OrderOutcome> orders,
    Outcome outcome, String note) {

  /** Where a decision ended. */
  public enum Outcome {
    /** The features or the model failed; see the note. */
    FAILED,
    /** The target equals the position: nothing to trade. */
    NO_TRADE,
    /** The reviewer rejected the proposal (or could not decide). */
    REJECTED_BY_REVIEWER,
    /** The risk gate cut the trade to nothing. */
    BLOCKED,
    /** Orders were sent and the broker accepted them (possibly filled at once). */
    SUBMITTED,
    /** The broker rejected an order or failed; see the orders and the note. */
    BROKER_REJECTED
  }

  /**
   * The trade put to the reviewer: the difference between the target position and the position
   * (including working orders).
   *
   * @param side buy or sell
   * @param quantity units, &gt; 0
   * @param price the reference price (the as-of bar's close)
   * @param targetPosition the signed position the pipeline aims at
   * @param rationale why (the model's signal, the allocation)
   */
  public record Proposal(Side side, double quantity, double price, double targetPosition,
      String rationale) {

    /**
     * Validates the fields.
     *
     * @param side buy or sell
     * @param quantity units, &gt; 0
     * @param price the reference price
     * @param targetPosition the signed target position
     * @param rationale why
     */
    public Proposal {
      Checks.notNull(side, "side");
      Checks.positive(quantity, "quantity");
      Checks.positive(price, "price");
      Checks.finite(targetPosition, "targetPosition");
      Checks.notNull(rationale, "rationale");
    }
  }

  /**
   * A limit that cut or blocked a trade: the quantity before and after it.
   *
   * @param limit the limit's name, for example {@code "max position weight"}
   * @param before units before the limit
   * @param after units after it (0 = blocked)
   * @param reason the numbers, for example {@code "weight 0.31 > limit 0.25"}
   */
  public record Cut(String limit, double before, double after, String reason) {

    /**
     * Validates the fields.
     *
     * @param limit the limit's name
     * @param before units before the limit
     * @param after units after it
     * @param reason the numbers
     */
    public Cut {
      Checks.notNull(limit, "limit");
      Checks.nonNegative(before, "before");
      Checks.nonNegative(after, "after");
      Checks.notNull(reason, "reason");
    }

    /**
     * Whether the limit stopped the trade.
     *
     * @return true when nothing is left
     */
    public boolean blocked() {
      return after == 0;
    }

    @Override
    public String toString() {
      return limit + ": " + num(before) + " -> " + num(after) + " (" + reason + ")";
    }
  }

  /**
   * An order the pipeline sent and the broker's answer at submission.
   *
   * @param clientOrderId the deterministic client order id
   * @param side buy or sell
   * @param quantity units ordered
   * @param status the status the broker returned (null when the broker threw)
   * @param filledQuantity units filled at submission
   * @param averagePrice average fill price (NaN when nothing filled)
   * @param message the broker's message or the exception's
   */
  public record OrderOutcome(String clientOrderId, Side side, double quantity,
      OrderStatus status, double filledQuantity, double averagePrice, String message) {

    /**
     * Validates the fields.
     *
     * @param clientOrderId the client order id
     * @param side buy or sell
     * @param quantity units ordered
     * @param status the broker's status, or null
     * @param filledQuantity units filled
     * @param averagePrice average fill price, or NaN
     * @param message the broker's message
     */
    public OrderOutcome {
      Checks.notNull(clientOrderId, "clientOrderId");
      Checks.notNull(side, "side");
      Checks.positive(quantity, "quantity");
      Checks.nonNegative(filledQuantity, "filledQuantity");
      Checks.notNull(message, "message");
    }

    /**
     * Whether the broker accepted the order.
     *
     * @return true unless it rejected it or threw
     */
    public boolean accepted() {
      return status != null && status != OrderStatus.REJECTED;
    }
  }

  /**
   * Validates the fields and copies the lists.
   *
   * @param runId the run id
   * @param asOf the decision time
   * @param symbol the instrument
   * @param state the trading state
   * @param features the features, or null
   * @param signal the signal, or null
   * @param positionBefore the signed position before
   * @param proposal the proposal, or null
   * @param review the review, or null
   * @param cuts the limits that cut
   * @param sizing the sizing, or null
   * @param orders the orders sent
   * @param outcome where the decision ended
   * @param note why
   */
  public DecisionRecord {
    Checks.notNull(runId, "runId");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(symbol, "symbol");
    Checks.notNull(state, "state");
    Checks.finite(positionBefore, "positionBefore");
    cuts = List.copyOf(Checks.notNull(cuts, "cuts"));
    orders = List.copyOf(Checks.notNull(orders, "orders"));
    Checks.notNull(outcome, "outcome");
    Checks.notNull(note, "note");
  }

  /**
   * The signed units the orders of this decision asked for (buys positive).
   *
   * @return the sum of the accepted orders' signed quantities
   */
  public double orderedQuantity() {
    double q = 0;
    for (OrderOutcome o : orders) {
      if (o.accepted()) {
        q += o.side() == Side.BUY ? o.quantity() : -o.quantity();
      }
    }
    return q;
  }

  /** One line: {@code 2024-01-02T21:00:00Z AAA SUBMITTED signal 0.42 (0.70) BUY 120 -> ...}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(asOf).append(' ').append(symbol).append(' ').append(outcome);
    if (state != TradingState.ACTIVE) {
      b.append(" [").append(state).append(']');
    }
    if (signal != null) {
      b.append(" signal ").append(num(signal.value())).append(" (conf ")
          .append(num(signal.confidence())).append(')');
    }
    if (proposal != null) {
      b.append(" proposed ").append(proposal.side()).append(' ').append(num(proposal.quantity()))
          .append(" @ ").append(num(proposal.price()));
    }
    if (review != null) {
      b.append(" review ").append(review.verdict());
    }
    for (Cut c : cuts) {
      b.append(" | ").append(c);
    }
    for (OrderOutcome o : orders) {
      b.append(" -> ").append(o.side()).append(' ').append(num(o.quantity())).append(' ')
          .append(o.status() == null ? "ERROR" : o.status());
    }
    boolean noteIsACut = !cuts.isEmpty() && note.equals(cuts.get(cuts.size() - 1).limit() + ": "
        + cuts.get(cuts.size() - 1).reason());
    if (!note.isEmpty() && !noteIsACut) {
      b.append(" (").append(note).append(')');
    }
    return b.toString();
  }

  static String num(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return String.format(Locale.ROOT, "%.4g", x);
  }
}
