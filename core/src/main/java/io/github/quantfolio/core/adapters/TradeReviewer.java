package io.github.quantfolio.core.adapters;

/**
 * The review hook (for example an LLM, a risk desk or a rule set): approves, rejects or resizes
 * a proposed trade and says why, seeing the proposal and its {@link ReviewContext} (signal,
 * book, risk metrics, limits). Implemented by calling code:
 *
 * <pre>{@code
 * TradeReviewer capNotional = (p, context) -> p.notional() <= 0.05 * context.nav()
 *     ? ReviewDecision.approve("within 5 % of NAV", 1)
 *     : ReviewDecision.resize(Math.floor(0.05 * context.nav() / p.referencePrice()),
 *           "capped at 5 % of NAV", 1);
 * }</pre>
 *
 * Implementations should be thread-safe and never return null; a reviewer that cannot decide
 * (a timeout, an unparsable answer) should reject with a rationale saying so. A reviewer only
 * advises: in a {@code TradingPipeline} the risk gate runs after it and may only keep or cut
 * what it approved, so a resize above the proposal never enlarges a trade.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TradeReviewer {

  /**
   * The decision on {@code proposal}; never null.
   *
   * @param proposal the proposed trade
   * @param context what the reviewer may take into account (signal, book, metrics, limits)
   * @return the decision on {@code proposal}; never null
   */
  ReviewDecision review(TradeProposal proposal, ReviewContext context);

  /**
   * A reviewer that approves every proposal (confidence 1): a pipeline without review.
   *
   * @return the approving reviewer
   */
  static TradeReviewer approveAll() {
    return (p, c) -> ReviewDecision.approve("no reviewer", 1);
  }
}
