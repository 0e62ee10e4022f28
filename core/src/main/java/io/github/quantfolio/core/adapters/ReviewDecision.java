package io.github.quantfolio.core.adapters;

import java.util.List;

/**
 * A {@link TradeReviewer}'s answer: approve the proposal as it is, reject it, or resize it.
 *
 * @param verdict approve, reject or resize
 * @param resizedQuantity for {@link Verdict#RESIZE} the new quantity, finite and &gt; 0;
 *     otherwise 0
 * @param rationale why (not null; may be empty)
 * @param confidence the reviewer's confidence in the decision, in [0, 1]
 * @param riskFlags short labels of the risks the reviewer saw (for example "earnings tomorrow"),
 *     in its order; may be empty
 * @param rawAnswer the reviewer's answer as it came (an LLM's text, for the audit trail); empty
 *     when there is none
 * @since 0.1.0
 */
public record ReviewDecision(Verdict verdict, double resizedQuantity, String rationale,
    double confidence, List<String> riskFlags, String rawAnswer) {

  /** What the reviewer decided. */
  public enum Verdict {
    /** Trade as proposed. */
    APPROVE,
    /** Do not trade. */
    REJECT,
    /** Trade {@link ReviewDecision#resizedQuantity()} units instead. */
    RESIZE
  }

  /**
   * Validates the fields (see the record description).
   *
   * @param verdict approve, reject or resize
   * @param resizedQuantity for {@link Verdict#RESIZE} the new quantity, finite and &gt; 0;
   *    otherwise 0
   * @param rationale why (not null; may be empty)
   * @param confidence the reviewer's confidence in the decision, in [0, 1]
   * @param riskFlags short labels of the risks the reviewer saw; may be empty, no null element
   * @param rawAnswer the reviewer's answer as it came; empty when there is none
   */
  public ReviewDecision {
    Values.notNull(verdict, "Review decision", "verdict");
    String what = "Review decision (" + verdict + ")";
    if (verdict == Verdict.RESIZE) {
      Values.positive(resizedQuantity, what, "resizedQuantity");
    } else if (resizedQuantity != 0) {
      throw new IllegalArgumentException(what + ": expected resizedQuantity 0, but found "
          + resizedQuantity);
    }
    Values.notNull(rationale, what, "rationale");
    Values.confidence(confidence, what);
    Values.notNull(riskFlags, what, "riskFlags");
    for (int i = 0; i < riskFlags.size(); i++) {
      Values.notNull(riskFlags.get(i), what, "riskFlags[" + i + "]");
    }
    riskFlags = List.copyOf(riskFlags);
    Values.notNull(rawAnswer, what, "rawAnswer");
  }

  /**
   * A decision with no risk flags and no raw answer.
   *
   * @param verdict approve, reject or resize
   * @param resizedQuantity for {@link Verdict#RESIZE} the new quantity, finite and &gt; 0;
   *    otherwise 0
   * @param rationale why (not null; may be empty)
   * @param confidence the reviewer's confidence in the decision, in [0, 1]
   */
  public ReviewDecision(Verdict verdict, double resizedQuantity, String rationale,
      double confidence) {
    this(verdict, resizedQuantity, rationale, confidence, List.of(), "");
  }

  /**
   * This decision with these risk flags.
   *
   * @param flags short labels of the risks the reviewer saw, no null element
   * @return a copy with {@code flags}
   */
  public ReviewDecision withRiskFlags(List<String> flags) {
    return new ReviewDecision(verdict, resizedQuantity, rationale, confidence, flags, rawAnswer);
  }

  /**
   * This decision with the reviewer's raw answer attached (kept for the audit trail).
   *
   * @param answer the answer as it came, not null
   * @return a copy with {@code answer}
   */
  public ReviewDecision withRawAnswer(String answer) {
    return new ReviewDecision(verdict, resizedQuantity, rationale, confidence, riskFlags, answer);
  }

  /**
   * Approve as proposed.
   *
   * @param rationale why (not null; may be empty)
   * @param confidence the reviewer's confidence in the decision, in [0, 1]
   * @return an {@link Verdict#APPROVE} decision
   */
  public static ReviewDecision approve(String rationale, double confidence) {
    return new ReviewDecision(Verdict.APPROVE, 0, rationale, confidence);
  }

  /**
   * Reject.
   *
   * @param rationale why (not null; may be empty)
   * @param confidence the reviewer's confidence in the decision, in [0, 1]
   * @return a {@link Verdict#REJECT} decision
   */
  public static ReviewDecision reject(String rationale, double confidence) {
    return new ReviewDecision(Verdict.REJECT, 0, rationale, confidence);
  }

  /**
   * Trade {@code quantity} units instead of the proposed quantity.
   *
   * @param quantity the units to trade instead (usually fewer; not checked against the
   *     proposal), finite and &gt; 0
   * @param rationale why (not null; may be empty)
   * @param confidence the reviewer's confidence in the decision, in [0, 1]
   * @return a {@link Verdict#RESIZE} decision
   */
  public static ReviewDecision resize(double quantity, String rationale, double confidence) {
    return new ReviewDecision(Verdict.RESIZE, quantity, rationale, confidence);
  }

  /**
   * The units to trade for {@code proposal}: its quantity, 0, or the resized quantity.
   *
   * @param proposal the proposal this decision answers
   * @return the proposal's quantity, 0, or the resized quantity
   */
  public double quantityFor(TradeProposal proposal) {
    Values.notNull(proposal, "Review decision (" + verdict + ")", "proposal");
    return switch (verdict) {
      case APPROVE -> proposal.quantity();
      case REJECT -> 0;
      case RESIZE -> resizedQuantity;
    };
  }
}
