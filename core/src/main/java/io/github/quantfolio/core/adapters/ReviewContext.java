package io.github.quantfolio.core.adapters;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link TradeReviewer} sees besides the proposal: the model's signal and features, the
 * book (NAV, cash, position weights, exposure), risk metrics, the symbol's recent returns and
 * the limits in force. A reviewer (an LLM prompt, a rule set) reads it; it cannot change it.
 *
 * <p>Maps keep their insertion order (a prompt built from them is the same on every run).
 *
 * @param asOf the decision time
 * @param signal the model's signal for the proposal's symbol
 * @param features the features the model saw, by name (NaN for a missing one); may be empty
 * @param nav the account's net asset value, finite
 * @param cash the account's cash, finite
 * @param positionWeights each open position's signed weight of NAV, by symbol; may be empty
 * @param grossExposure sum of absolute position values / NAV, finite and &gt;= 0
 * @param netExposure sum of signed position values / NAV, finite
 * @param riskMetrics named risk numbers of the book or the symbol (for example
 *     "volatility20d"), finite or NaN when unknown; may be empty
 * @param recentReturns the symbol's most recent simple returns, oldest first; may be empty
 * @param limits the limits in force, by name (for example "maxPositionWeight" 0.1); may be
 *     empty
 * @since 0.1.0
 */
public record ReviewContext(Instant asOf, Signal signal, Map<String, Double> features,
    double nav, double cash, Map<String, Double> positionWeights, double grossExposure,
    double netExposure, Map<String, Double> riskMetrics, double[] recentReturns,
    Map<String, Double> limits) {

  /**
   * Validates the fields (see the record description) and keeps ordered, unmodifiable copies.
   *
   * @param asOf the decision time
   * @param signal the model's signal
   * @param features the model's features by name
   * @param nav the account's net asset value
   * @param cash the account's cash
   * @param positionWeights signed position weights by symbol
   * @param grossExposure gross exposure as a fraction of NAV
   * @param netExposure net exposure as a fraction of NAV
   * @param riskMetrics named risk numbers
   * @param recentReturns recent simple returns, oldest first
   * @param limits the limits in force by name
   */
  public ReviewContext {
    String what = "Review context";
    Values.notNull(asOf, what, "asOf");
    what = "Review context at " + asOf;
    Values.notNull(signal, what, "signal");
    features = orderedCopy(features, what, "features", true);
    Values.finite(nav, what, "nav");
    Values.finite(cash, what, "cash");
    positionWeights = orderedCopy(positionWeights, what, "positionWeights", false);
    Values.finite(grossExposure, what, "grossExposure");
    if (grossExposure < 0) {
      throw new IllegalArgumentException(what + ": grossExposure must be >= 0, but found "
          + grossExposure);
    }
    Values.finite(netExposure, what, "netExposure");
    riskMetrics = orderedCopy(riskMetrics, what, "riskMetrics", true);
    Values.notNull(recentReturns, what, "recentReturns");
    recentReturns = recentReturns.clone();
    for (int i = 0; i < recentReturns.length; i++) {
      if (!Double.isFinite(recentReturns[i]) || recentReturns[i] < -1) {
        throw new IllegalArgumentException(what + ": recentReturns[" + i + "] is "
            + recentReturns[i] + "; returns must be finite and >= -1");
      }
    }
    limits = orderedCopy(limits, what, "limits", false);
  }

  /**
   * A context that holds only the decision time and the signal (an empty book, no metrics): for
   * reviewing a proposal outside a pipeline.
   *
   * @param asOf the decision time
   * @param signal the model's signal
   * @return a context with NAV and cash 0 and empty maps
   */
  public static ReviewContext minimal(Instant asOf, Signal signal) {
    return new ReviewContext(asOf, signal, Map.of(), 0, 0, Map.of(), 0, 0, Map.of(),
        new double[0], Map.of());
  }

  /**
   * The symbol's recent simple returns, oldest first.
   *
   * @return a copy of the returns
   */
  @Override
  public double[] recentReturns() {
    return recentReturns.clone();
  }

  private static Map<String, Double> orderedCopy(Map<String, Double> map, String what,
      String field, boolean nanAllowed) {
    Values.notNull(map, what, field);
    LinkedHashMap<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : map.entrySet()) {
      Values.text(e.getKey(), what, field + " key");
      Double v = e.getValue();
      Values.notNull(v, what, field + "['" + e.getKey() + "']");
      if (Double.isInfinite(v) || (!nanAllowed && Double.isNaN(v))) {
        throw new IllegalArgumentException(what + ": " + field + "['" + e.getKey() + "'] is " + v
            + "; values must be finite" + (nanAllowed ? " (NaN for unknown)" : ""));
      }
      copy.put(e.getKey(), v);
    }
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReviewContext c && asOf.equals(c.asOf) && signal.equals(c.signal)
        && features.equals(c.features) && Double.compare(nav, c.nav) == 0
        && Double.compare(cash, c.cash) == 0 && positionWeights.equals(c.positionWeights)
        && Double.compare(grossExposure, c.grossExposure) == 0
        && Double.compare(netExposure, c.netExposure) == 0 && riskMetrics.equals(c.riskMetrics)
        && Arrays.equals(recentReturns, c.recentReturns) && limits.equals(c.limits);
  }

  @Override
  public int hashCode() {
    return ((asOf.hashCode() * 31 + signal.hashCode()) * 31 + positionWeights.hashCode()) * 31
        + Arrays.hashCode(recentReturns);
  }

  @Override
  public String toString() {
    return "ReviewContext[" + asOf + ", " + signal + ", NAV " + nav + ", cash " + cash
        + ", gross " + grossExposure + ", net " + netExposure + ", positions " + positionWeights
        + ", risk " + riskMetrics + ", limits " + limits + ", " + recentReturns.length
        + " recent returns, features " + features + "]";
  }
}
