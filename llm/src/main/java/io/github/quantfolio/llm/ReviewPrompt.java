package io.github.quantfolio.llm;

import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The text a {@link ChatCompletionsReviewer} sends: a system message (the reviewer's role) and a
 * user message holding the proposal, the portfolio context and the answer format.
 *
 * <p>The user message is deterministic: equal proposals and contexts give identical text on any
 * JVM locale (maps in their insertion order, numbers in a fixed notation). Numbers are written
 * as the shortest decimal that reads back as the same double ({@code 0.1}, {@code 18750}), in
 * scientific notation below 1e-6 and from 1e15 on ({@code 1.0E-7}); a NaN (an unknown feature or
 * metric) is written {@code unknown}. Weights and exposures are fractions of NAV ({@code 0.1} =
 * 10 %). Free text (the proposal's rationale) is quoted as a JSON string, and names that hold
 * control characters or quotes are too, so no input can break the message's layout.
 *
 * <p>Besides the inputs the message states two derived numbers, because language models are
 * unreliable at arithmetic: the trade's notional as a fraction of NAV, and the symbol's signed
 * position weight after the trade at the reference price,
 * {@code w_after = w_now + s x quantity x referencePrice / NAV} ({@code s} = +1 for a buy, -1 for
 * a sell; {@code w_now} = 0 for a symbol not held). Both are omitted when NAV is not positive.
 *
 * <p>The answer format always ends the user message, so a custom system prompt cannot drop it:
 * one JSON object with {@code decision} (APPROVE, REJECT or RESIZE), {@code size_multiplier}
 * (for RESIZE in (0, 1]; 1 for APPROVE; 0 for REJECT), {@code rationale}, {@code confidence}
 * (0 to 1) and {@code risk_flags}; the reviewer may only approve, reject or shrink.
 *
 * @since 0.1.0
 */
public final class ReviewPrompt {

  /** The default system message: the reviewer's role and its one rule (never enlarge). */
  public static final String DEFAULT_SYSTEM_PROMPT = "You are a cautious risk reviewer for a"
      + " systematic trading portfolio. You receive one proposed trade and the state of the"
      + " portfolio. Decide whether the trade goes ahead as proposed (APPROVE), does not go ahead"
      + " (REJECT), or goes ahead smaller (RESIZE). You may only approve, reject or shrink a"
      + " trade: never enlarge it, and never relax a limit; a risk gate enforces the limits after"
      + " you. Weigh the trade against the limits in force, the concentration and exposure it"
      + " creates, the strength and confidence of the signal, the risk metrics and the recent"
      + " returns. Reject when the information is insufficient or contradictory. Answer with one"
      + " JSON object only, in the format the user message gives.";

  /** The closing section of every user message: the answer format and the reviewer's powers. */
  public static final String ANSWER_FORMAT = String.join("\n",
      "## Answer",
      "Reply with one JSON object and nothing else, with exactly these fields:",
      "- \"decision\": \"APPROVE\" (trade as proposed), \"REJECT\" (do not trade) or \"RESIZE\""
          + " (trade less). You may only approve, reject or shrink the trade: never enlarge it"
          + " or relax a limit.",
      "- \"size_multiplier\": the fraction of the proposed quantity to trade: for RESIZE greater"
          + " than 0 and at most 1 (0.5 = half the quantity); 1 for APPROVE; 0 for REJECT.",
      "- \"rationale\": one or two sentences saying why.",
      "- \"confidence\": your confidence in the decision, from 0 to 1.",
      "- \"risk_flags\": short labels of the risks you see, e.g. [\"concentration\"]; [] if none.",
      "Example: {\"decision\": \"RESIZE\", \"size_multiplier\": 0.5, \"rationale\": \"The full"
          + " trade would exceed the position limit.\", \"confidence\": 0.8, \"risk_flags\":"
          + " [\"position limit\"]}");

  private ReviewPrompt() {
  }

  /**
   * The user message for {@code proposal} in {@code context}: the proposed trade, the signal,
   * the features, the portfolio (NAV, cash, exposure, positions), the risk metrics, the
   * symbol's recent returns, the limits in force, then {@link #ANSWER_FORMAT}. Sections whose
   * map or array is empty say {@code none}.
   *
   * @param proposal the proposed trade
   * @param context what the reviewer may take into account
   * @return the message, lines separated by {@code \n}
   * @throws NullPointerException if an argument is null
   */
  public static String userMessage(TradeProposal proposal, ReviewContext context) {
    Checks.notNull(proposal, "proposal");
    Checks.notNull(context, "context");
    String symbol = name(proposal.symbol());
    StringBuilder b = new StringBuilder(2048);
    b.append("Review this proposed trade.\n\n");

    b.append("## Proposed trade\n");
    line(b, "symbol", symbol);
    line(b, "side", proposal.side().name());
    line(b, "quantity", number(proposal.quantity()));
    line(b, "reference price", number(proposal.referencePrice()));
    line(b, "notional", number(proposal.notional()) + " (quantity x reference price)");
    double nav = context.nav();
    if (nav > 0) {
      double fraction = proposal.notional() / nav;
      Double held = context.positionWeights().get(proposal.symbol());
      double now = held == null ? 0 : held;
      double after = now + (proposal.side() == Side.BUY ? fraction : -fraction);
      line(b, "notional / NAV", number(fraction));
      line(b, "position weight of NAV", "now " + number(now) + ", after the trade about "
          + number(after) + " (at the reference price)");
    } else {
      line(b, "notional / NAV", "n/a (NAV is not positive)");
    }
    line(b, "rationale", quoted(proposal.rationale()));

    b.append("\n## Signal (the model's view of ").append(symbol)
        .append(": -1 strongest sell, 0 none, +1 strongest buy)\n");
    line(b, "value", number(context.signal().value()));
    line(b, "confidence", number(context.signal().confidence()));

    b.append("\n## Features the model saw\n");
    map(b, context.features());

    b.append("\n## Portfolio at ").append(context.asOf()).append('\n');
    line(b, "NAV", number(nav));
    line(b, "cash", number(context.cash()));
    line(b, "gross exposure", number(context.grossExposure())
        + " (sum of absolute position values / NAV)");
    line(b, "net exposure", number(context.netExposure())
        + " (sum of signed position values / NAV)");
    if (context.positionWeights().isEmpty()) {
      line(b, "positions", "none");
    } else {
      b.append("positions (signed weight of NAV):\n");
      for (Map.Entry<String, Double> e : context.positionWeights().entrySet()) {
        b.append("- ").append(name(e.getKey())).append(": ").append(number(e.getValue()))
            .append('\n');
      }
    }

    b.append("\n## Risk metrics\n");
    map(b, context.riskMetrics());

    b.append("\n## Recent simple returns of ").append(symbol).append(", oldest first\n");
    double[] returns = context.recentReturns();
    if (returns.length == 0) {
      b.append("none\n");
    } else {
      for (int i = 0; i < returns.length; i++) {
        b.append(i == 0 ? "" : ", ").append(number(returns[i]));
      }
      b.append('\n');
    }

    b.append("\n## Limits in force\n");
    map(b, context.limits());

    b.append('\n').append(ANSWER_FORMAT);
    return b.toString();
  }

  /**
   * How the message writes {@code x}: {@code unknown} for NaN, {@code 0} for either zero, the
   * shortest plain decimal that reads back as {@code x} for {@code 1e-6 <= |x| < 1e15}, and
   * {@link Double#toString(double)} otherwise.
   *
   * @param x any double
   * @return its text, independent of the JVM's locale
   */
  static String number(double x) {
    if (Double.isNaN(x)) {
      return "unknown";
    }
    if (x == 0) {
      return "0";
    }
    double a = Math.abs(x);
    if (a >= 1e-6 && a < 1e15) {
      return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
    return Double.toString(x);
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(label).append(": ").append(value).append('\n');
  }

  private static void map(StringBuilder b, Map<String, Double> m) {
    if (m.isEmpty()) {
      b.append("none\n");
      return;
    }
    for (Map.Entry<String, Double> e : m.entrySet()) {
      line(b, name(e.getKey()), number(e.getValue()));
    }
  }

  /** A name as it is, unless it could break the layout: then quoted as a JSON string. */
  private static String name(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ' ' || c == '"' || c == '\\' || c == 0x7f || c == '\u2028' || c == '\u2029') {
        return quoted(s);
      }
    }
    return s.strip().equals(s) ? s : quoted(s);
  }

  /** {@code s} as a JSON string literal: quotes, backslashes and control characters escaped. */
  static String quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          if (c < ' ' || c == 0x7f || c == '\u2028' || c == '\u2029') {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
      }
    }
    return b.append('"').toString();
  }
}
