package io.github.quantfolio.core.adapters;

/**
 * The review hook (for example an LLM, a risk desk or a rule set): approves, rejects or resizes
 * a proposed trade and says why. Implemented by calling code:
 *
 * <pre>{@code
 * TradeReviewer capNotional = p -> p.notional() <= 10_000
 *     ? ReviewDecision.approve("within limit", 1)
 *     : ReviewDecision.resize(Math.floor(10_000 / p.referencePrice()), "notional capped", 1);
 * }</pre>
 *
 * Implementations should be thread-safe and never return null; a reviewer that cannot decide
 * (a timeout, an unparsable answer) should reject with a rationale saying so.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TradeReviewer {

  /**
   * The decision on {@code proposal}; never null.
   *
   * @param proposal the proposed trade
   * @return the decision on {@code proposal}; never null
   */
  ReviewDecision review(TradeProposal proposal);
}
