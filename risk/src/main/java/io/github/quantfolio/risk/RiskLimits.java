package io.github.quantfolio.risk;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Portfolio risk limits, checked all at once: {@link #check} returns every violation with its
 * numbers (an empty list when the portfolio complies). A maximum of
 * {@code Double.POSITIVE_INFINITY} is off; so are a minimum Sharpe ratio of
 * {@code Double.NEGATIVE_INFINITY} and a minimum diversification ratio of 0 (seed 004's minimum
 * limits; the five-argument constructor leaves them off).
 *
 * @param maxPositionWeight largest absolute weight of one asset (fraction)
 * @param maxDailyLoss largest acceptable one-day loss, a positive fraction, compared with the
 *     parametric one-day 95% VaR (zero mean, 252 days a year)
 * @param maxPairwiseCorrelation largest correlation between two held assets
 * @param maxVolatility largest annualised portfolio volatility
 * @param maxSectorWeight largest net weight of one sector or category
 * @param minSharpe smallest expected Sharpe ratio {@code (w'mu - rf) / volatility}, checked
 *     by {@link #check(PortfolioRisk, Map, io.github.quantfolio.core.AssetVector, double)}
 * @param minDiversificationRatio smallest diversification ratio
 *     ({@link PortfolioRisk#diversificationRatio()}, 1 for a single asset)
 * @since 0.1.0
 */
public record RiskLimits(double maxPositionWeight, double maxDailyLoss,
    double maxPairwiseCorrelation, double maxVolatility, double maxSectorWeight,
    double minSharpe, double minDiversificationRatio) {

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
     * A sentence such as {@code position weight of 'A01' is 0.3100 > limit 0.2500} ({@code <}
     * for a minimum that is not reached).
     *
     * @return a sentence such as {@code position weight of 'A01' is 0.3100 > limit 0.2500}
     */
    public String message() {
      return limit + " of " + subject + " is " + String.format(java.util.Locale.ROOT, "%.4f", value)
          + (value < threshold ? " < minimum " : " > limit ")
          + String.format(java.util.Locale.ROOT, "%.4f", threshold);
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
   * @param minSharpe smallest expected Sharpe ratio, finite or {@code -Infinity} (off)
   * @param minDiversificationRatio smallest diversification ratio, finite and &gt;= 0 (0: off)
   */
  public RiskLimits {
    positive(maxPositionWeight, "maxPositionWeight");
    positive(maxDailyLoss, "maxDailyLoss");
    positive(maxPairwiseCorrelation, "maxPairwiseCorrelation");
    positive(maxVolatility, "maxVolatility");
    positive(maxSectorWeight, "maxSectorWeight");
    if (Double.isNaN(minSharpe) || minSharpe == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Expected a finite minSharpe (or -Infinity for no limit),"
          + " but found " + minSharpe);
    }
    if (!(minDiversificationRatio >= 0) || Double.isInfinite(minDiversificationRatio)) {
      throw new IllegalArgumentException("Expected a finite minDiversificationRatio >= 0 (0 for no"
          + " limit), but found " + minDiversificationRatio);
    }
  }

  /**
   * Maximum limits only (the minimum Sharpe and diversification limits off).
   *
   * @param maxPositionWeight largest absolute weight of one asset (fraction), &gt; 0
   * @param maxDailyLoss largest acceptable one-day loss (fraction), &gt; 0
   * @param maxPairwiseCorrelation largest correlation between two held assets, &gt; 0
   * @param maxVolatility largest annualised portfolio volatility (fraction), &gt; 0
   * @param maxSectorWeight largest absolute net weight of one sector (fraction), &gt; 0
   */
  public RiskLimits(double maxPositionWeight, double maxDailyLoss,
      double maxPairwiseCorrelation, double maxVolatility, double maxSectorWeight) {
    this(maxPositionWeight, maxDailyLoss, maxPairwiseCorrelation, maxVolatility,
        maxSectorWeight, Double.NEGATIVE_INFINITY, 0);
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
    return new RiskLimits(v, maxDailyLoss, maxPairwiseCorrelation, maxVolatility, maxSectorWeight,
        minSharpe, minDiversificationRatio);
  }

  /**
   * These limits with another maximum volatility.
   *
   * @param v the largest annualised volatility (fraction, 0.2 = 20 %), &gt; 0, or
   *     {@code Double.POSITIVE_INFINITY} for no limit
   * @return a copy of these limits with {@code maxVolatility = v}
   */
  public RiskLimits withMaxVolatility(double v) {
    return new RiskLimits(maxPositionWeight, maxDailyLoss, maxPairwiseCorrelation, v, maxSectorWeight,
        minSharpe, minDiversificationRatio);
  }

  /**
   * These limits with a minimum expected Sharpe ratio (checked by
   * {@link #check(PortfolioRisk, Map, io.github.quantfolio.core.AssetVector, double)}).
   *
   * @param v the smallest annualised expected Sharpe ratio, finite, or
   *     {@code Double.NEGATIVE_INFINITY} for no limit
   * @return a copy with {@code minSharpe = v}
   */
  public RiskLimits withMinSharpe(double v) {
    return new RiskLimits(maxPositionWeight, maxDailyLoss, maxPairwiseCorrelation, maxVolatility,
        maxSectorWeight, v, minDiversificationRatio);
  }

  /**
   * These limits with a minimum diversification ratio (weighted average volatility / portfolio
   * volatility; 1 for one asset, higher when the assets diversify each other).
   *
   * @param v the smallest diversification ratio, finite and &gt;= 0 (0: no limit)
   * @return a copy with {@code minDiversificationRatio = v}
   */
  public RiskLimits withMinDiversificationRatio(double v) {
    return new RiskLimits(maxPositionWeight, maxDailyLoss, maxPairwiseCorrelation, maxVolatility,
        maxSectorWeight, minSharpe, v);
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
    // An infinite limit is off (correlatedPairs refuses an infinite threshold).
    List<CorrelationMatrix.Pair> pairs = maxPairwiseCorrelation == Double.POSITIVE_INFINITY
        ? List.of() : risk.correlatedPairs(maxPairwiseCorrelation);
    for (CorrelationMatrix.Pair p : pairs) {
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
    if (minDiversificationRatio > 0 && risk.diversificationRatio() < minDiversificationRatio) {
      out.add(new Violation("diversification ratio", "the portfolio", risk.diversificationRatio(),
          minDiversificationRatio));
    }
    if (minSharpe != Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("The minimum Sharpe ratio " + minSharpe + " needs expected"
          + " returns: call check(risk, sectorOf, expectedReturns, riskFreeRate)");
    }
    return out;
  }

  /**
   * Every violation, as {@link #check(PortfolioRisk, Map)}, plus the minimum expected Sharpe
   * ratio {@code (w'mu - rf) / volatility} (annualised inputs), listed last.
   *
   * @param risk the portfolio to check, not null
   * @param sectorOf sector of each asset, or null
   * @param expectedReturns annualised expected returns of (at least) every asset held
   * @param riskFreeRate the annual risk-free rate, finite
   * @return the violations; empty when every limit is met
   * @throws IllegalArgumentException if a held asset has no expected return (named), or the
   *     portfolio has no volatility while a minimum Sharpe ratio is set
   */
  public List<Violation> check(PortfolioRisk risk, Map<String, String> sectorOf,
      io.github.quantfolio.core.AssetVector expectedReturns, double riskFreeRate) {
    Checks.notNull(expectedReturns, "expectedReturns");
    Checks.finite(riskFreeRate, "riskFreeRate");
    List<Violation> out = withoutSharpe().check(risk, sectorOf);
    if (minSharpe == Double.NEGATIVE_INFINITY) {
      return out;
    }
    double[] w = risk.weights().toArray();
    List<String> assets = risk.weights().assets();
    double mean = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0) {
        if (!expectedReturns.assets().contains(assets.get(i))) {
          throw new IllegalArgumentException("Asset '" + assets.get(i) + "' is held but has no"
              + " expected return in 'expectedReturns' " + expectedReturns.assets());
        }
        mean += w[i] * expectedReturns.get(assets.get(i));
      }
    }
    double vol = risk.volatility();
    if (!(vol > 0)) {
      throw new IllegalArgumentException("The portfolio's volatility is " + vol
          + ": its Sharpe ratio is undefined, so the minimum " + minSharpe + " cannot be checked");
    }
    double sharpe = (mean - riskFreeRate) / vol;
    if (sharpe < minSharpe) {
      out.add(new Violation("expected Sharpe ratio (rf " + riskFreeRate + ")", "the portfolio",
          sharpe, minSharpe));
    }
    return out;
  }

  private RiskLimits withoutSharpe() {
    return withMinSharpe(Double.NEGATIVE_INFINITY);
  }
}
