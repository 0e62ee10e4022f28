package io.github.quantfolio.llm;

import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.TradeProposal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The proposal and context most tests review. */
final class Fixtures {

  static final Instant AS_OF = Instant.parse("2024-05-01T14:30:00Z");

  /** Buy 100 AAPL at 187.5: notional 18,750. */
  static TradeProposal proposal() {
    return new TradeProposal("AAPL", Side.BUY, 100, 187.5, "20-day breakout with rising volume");
  }

  /** A book of 100,000 NAV with AAPL at 5 % and MSFT at 20 %, and a 10 % position limit. */
  static ReviewContext context() {
    Map<String, Double> features = new LinkedHashMap<>();
    features.put("rsi14", 61.2);
    features.put("momentum20", 0.034);
    features.put("earningsDays", Double.NaN);
    Map<String, Double> positions = new LinkedHashMap<>();
    positions.put("AAPL", 0.05);
    positions.put("MSFT", 0.2);
    Map<String, Double> risk = new LinkedHashMap<>();
    risk.put("volatility20d", 0.0142);
    risk.put("var95", 0.021);
    Map<String, Double> limits = new LinkedHashMap<>();
    limits.put("maxPositionWeight", 0.1);
    limits.put("maxGrossExposure", 1.0);
    return new ReviewContext(AS_OF, new Signal(0.6, 0.7), features, 100_000, 25_000, positions,
        0.75, 0.55, risk, new double[] {0.01, -0.0123, 0.004}, limits);
  }

  private Fixtures() {
  }
}
