package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Portfolio risk limits, checked all at once: {@link #check} returns every violation with its
 * numbers (an empty list when the portfolio complies). A limit of {@code Double.POSITIVE_INFINITY}
 * is off.
 *
 * @param maxPositionWeight largest absolute weight of one asset (fraction)
 * @param maxDailyLoss largest acceptable one-day loss, a positive fraction, compared with the
 *     parametric one-day 95% VaR (zero mean, 252 days a year)
 * @param maxPairwiseCorrelation largest correlation between two held assets
 * @param maxVolatility largest annualised portfolio volatility
 * @param maxSectorWeight largest net weight of one sector or category
 * @since 0.1.0
 */
public record RiskLimits(double maxPositionWeight, double maxDailyLoss,
    double maxPairwiseCorrelation, double maxVolatility, double maxSectorWeight) {

  /**
   * One broken limit.
   *
   * @param limit the limit broken, in words (e.g. {@code position weight})
   * @param subject what breaks it (e.g. {@code 'A01'}, {@code the portfolio})
   * @param value the measured value, in the limit's unit
   * @param threshold the limit it exceeds
   */
  public record Violation(String limit, String subject, double value, double threshold) {
    /**
     * A sentence such as {@code position weight of 'A01' is 0.3100 > limit 0.2500}.
     *
     * @return a sentence such as {@code position weight of 'A01' is 0.3100 > limit 0.2500}
     */
    public String message() {
      return limit + " of " + subject + " is " + String.format(java.util.Locale.ROOT, "%.4f", value)
          + " > limit " + String.format(java.util.Locale.ROOT, "%.4f", threshold);
    }
  }

  /**
   * Validates that every limit is positive (or infinite = off).
   *
   * @param maxPositionWeight largest absolute weight of one asset (fraction), &gt; 0
   * @param maxDailyLoss largest acceptable one-day loss, a positive fraction (0.03 = 3 %), compared
   *     with the parametric one-day 95% VaR
   * @param maxPairwiseCorrelation largest correlation between two held assets, &gt; 0
   * @param maxVolatility largest annualised portfolio volatility (fraction), &gt; 0
   * @param maxSectorWeight largest absolute net weight of one sector (fraction), &gt; 0
   */
  public RiskLimits {
    positive(maxPositionWeight, "maxPositionWeight");
    positive(maxDailyLoss, "maxDailyLoss");
    positive(maxPairwiseCorrelation, "maxPairwiseCorrelation");
    positive(maxVolatility, "maxVolatility");
    positive(maxSectorWeight, "maxSectorWeight");
  }

  private static void positive(double v, String name) {
    if (!(v > 0)) {
      throw new IllegalArgumentException("Expected " + name + " > 0 (or +Infinity for no limit), but found " + v);
    }
  }

  /**
   * Defaults for a diversified long-only equity book: 25% per position, 3% one-day VaR, 0.90
   * correlation, 25% volatility, 40% per sector.
   *
   * @return the default limits
   */
  public static RiskLimits defaults() {
    return new RiskLimits(0.25, 0.03, 0.90, 0.25, 0.40);
  }

  /**
   * These limits with another maximum position weight.
   *
   * @param v the largest absolute weight of one asset (fraction), &gt; 0, or
   *     {@code Double.POSITIVE_INFINITY} for no limit
   * @return a copy of these limits with {@code maxPositionWeight = v}
   */
  public RiskLimits withMaxPositionWeight(double v) {
    return new RiskLimits(v, maxDailyLoss, maxPairwiseCorrelation, maxVolatility, maxSectorWeight);
  }

  /**
   * These limits with another maximum volatility.
   *
   * @param v the largest annualised volatility (fraction, 0.2 = 20 %), &gt; 0, or
   *     {@code Double.POSITIVE_INFINITY} for no limit
   * @return a copy of these limits with {@code maxVolatility = v}
   */
  public RiskLimits withMaxVolatility(double v) {
    return new RiskLimits(maxPositionWeight, maxDailyLoss, maxPairwiseCorrelation, v, maxSectorWeight);
  }

  /**
   * Every violation of these limits by {@code risk}, in the order: positions, daily loss,
   * correlation pairs, volatility, sectors.
   *
   * @param risk the portfolio to check, not null
   * @param sectorOf sector (or any category) of each asset; null skips the sector limit; an
   *     asset held but missing from the map is an error
   * @return the violations, in the order above; empty when every limit is met
   */
  public List<Violation> check(PortfolioRisk risk, Map<String, String> sectorOf) {
    Checks.notNull(risk, "risk");
    List<Violation> out = new ArrayList<>();
    double[] w = risk.weights().toArray();
    List<String> assets = risk.weights().assets();
    for (int i = 0; i < w.length; i++) {
      if (Math.abs(w[i]) > maxPositionWeight) {
        out.add(new Violation("position weight", "'" + assets.get(i) + "'", Math.abs(w[i]), maxPositionWeight));
      }
    }
    double loss = -risk.valueAtRisk(0.95, Frequency.DAILY);
    if (loss > maxDailyLoss) {
      out.add(new Violation("one-day 95% VaR", "the portfolio", loss, maxDailyLoss));
    }
    for (CorrelationMatrix.Pair p : risk.correlatedPairs(maxPairwiseCorrelation)) {
      out.add(new Violation("correlation", "'" + p.first() + "' and '" + p.second() + "'",
          p.correlation(), maxPairwiseCorrelation));
    }
    if (risk.volatility() > maxVolatility) {
      out.add(new Violation("annualised volatility", "the portfolio", risk.volatility(), maxVolatility));
    }
    if (sectorOf != null) {
      Map<String, Double> sectors = new LinkedHashMap<>();
      for (int i = 0; i < w.length; i++) {
        if (w[i] == 0) {
          continue;
        }
        String s = sectorOf.get(assets.get(i));
        if (s == null) {
          throw new IllegalArgumentException("Asset '" + assets.get(i) + "' is held but has no sector in 'sectorOf'");
        }
        sectors.merge(s, w[i], Double::sum);
      }
      for (Map.Entry<String, Double> e : sectors.entrySet()) {
        if (Math.abs(e.getValue()) > maxSectorWeight) {
          out.add(new Violation("sector weight", "sector '" + e.getKey() + "'", Math.abs(e.getValue()),
              maxSectorWeight));
        }
      }
    }
    return out;
  }
}
