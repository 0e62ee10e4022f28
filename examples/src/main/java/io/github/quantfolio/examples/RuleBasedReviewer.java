package io.github.quantfolio.examples;

import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.core.adapters.TradeReviewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule-based stand-in for an LLM reviewer, with the same inputs and outputs: it reads the
 * proposal and its {@link ReviewContext} and approves, rejects or shrinks with a rationale and
 * risk flags. Rules: no new buy when the model's confidence is below {@code minConfidence} or
 * the symbol's annualised volatility is above {@code maxVolatility}; a buy worth more than
 * {@code maxTradeWeight} of NAV is cut to it; sells (exits) are always approved.
 *
 * @param minConfidence the least model confidence for a buy
 * @param maxVolatility the highest annualised volatility for a buy
 * @param maxTradeWeight the largest buy as a fraction of NAV
 */
public record RuleBasedReviewer(double minConfidence, double maxVolatility,
    double maxTradeWeight) implements TradeReviewer {

  @Override
  public ReviewDecision review(TradeProposal p, ReviewContext c) {
    if (p.side() == Side.SELL) {
      return ReviewDecision.approve("exits and reductions are always fine", 1);
    }
    List<String> flags = new ArrayList<>();
    double vol = c.riskMetrics().getOrDefault("volatility", Double.NaN);
    if (c.signal().confidence() < minConfidence) {
      return ReviewDecision.reject(String.format(Locale.ROOT,
          "model confidence %.2f below %.2f", c.signal().confidence(), minConfidence), 0.9)
          .withRiskFlags(List.of("weak signal"));
    }
    if (vol > maxVolatility) {
      return ReviewDecision.reject(String.format(Locale.ROOT,
          "annualised volatility %.0f %% above %.0f %%", 100 * vol, 100 * maxVolatility), 0.8)
          .withRiskFlags(List.of("high volatility"));
    }
    double cap = maxTradeWeight * c.nav() / p.referencePrice();
    if (p.quantity() > cap) {
      flags.add("concentration");
      double units = Math.floor(cap);
      if (units < 1) {
        return ReviewDecision.reject("not even one unit fits in " + maxTradeWeight
            + " of NAV", 0.9).withRiskFlags(flags);
      }
      return ReviewDecision.resize(units, String.format(Locale.ROOT,
          "trade capped at %.0f %% of NAV", 100 * maxTradeWeight), 0.8).withRiskFlags(flags);
    }
    return ReviewDecision.approve(String.format(Locale.ROOT,
        "confidence %.2f, volatility %.0f %%", c.signal().confidence(), 100 * vol), 0.7);
  }
}
