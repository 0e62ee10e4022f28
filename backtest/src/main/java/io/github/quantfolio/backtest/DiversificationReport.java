package io.github.quantfolio.backtest;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.internal.TextTable;
import java.util.Locale;

/**
 * What diversification bought a portfolio backtest, over its invested period (from the first bar
 * held from its open, two bars after the first allocation decision, to the end): the portfolio's
 * realised annual volatility and Sharpe ratio next to the average of its assets' own, the
 * realised diversification ratio and where the PnL came from.
 *
 * <p>{@code diversificationRatio = sum_i wbar_i * sigma_i / sigma_p} with {@code wbar_i} the
 * asset's average weight over the period, {@code sigma_i} its realised annual volatility and
 * {@code sigma_p} the portfolio's (Choueifaty's ratio on realised data; 1 for a single asset,
 * higher is more diversified). Averages over assets skip assets with fewer than 2 returns in the
 * period (NaN if no asset has 2). Volatilities are annualised; Sharpe ratios are annualised over
 * the configured annual risk-free rate {@code riskFreeRate} (see {@code Metrics.sharpeRatio}),
 * which the text states.
 *
 * @param portfolioVolatility realised annual volatility of the portfolio
 * @param portfolioSharpe annualised Sharpe ratio of the portfolio
 * @param averageAssetVolatility mean of the assets' realised annual volatilities
 * @param averageAssetSharpe mean of the assets' annualised Sharpe ratios
 * @param diversificationRatio as above
 * @param averageWeights each asset's average weight over the period
 * @param pnlContribution each asset's share of the total PnL (sums to 1; all 0 when the total PnL
 *     is exactly 0)
 * @param riskFreeRate the annual risk-free rate of the Sharpe ratios
 * @since 0.1.0
 */
public record DiversificationReport(double portfolioVolatility, double portfolioSharpe,
    double averageAssetVolatility, double averageAssetSharpe, double diversificationRatio,
    AssetVector averageWeights, AssetVector pnlContribution, double riskFreeRate) {

  /**
   * Volatility reduction: {@code 1 - portfolioVolatility / averageAssetVolatility}.
   *
   * @return volatility reduction: {@code 1 - portfolioVolatility / averageAssetVolatility}
   */
  public double volatilityReduction() {
    return 1 - portfolioVolatility / averageAssetVolatility;
  }

  /**
   * Two lines of comparison (annualised volatilities as fractions, Sharpe ratios with their
   * risk-free rate), then average weight and PnL share per asset (fractions).
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Diversification: portfolio vol %s vs average asset vol %s (annualised; reduction %s), "
            + "Sharpe %s vs average asset Sharpe %s (annualised, rf %s%% a year), "
            + "diversification ratio %s%n",
        TextTable.num(portfolioVolatility, 4), TextTable.num(averageAssetVolatility, 4),
        TextTable.num(volatilityReduction(), 3), TextTable.num(portfolioSharpe, 3),
        TextTable.num(averageAssetSharpe, 3), TextTable.num(100 * riskFreeRate, 2),
        TextTable.num(diversificationRatio, 3)));
    sb.append("asset      avg weight   PnL share\n");
    for (String a : averageWeights.assets()) {
      sb.append(String.format(Locale.ROOT, "%-10s %10s %11s%n", a,
          TextTable.num(averageWeights.get(a), 4), TextTable.num(pnlContribution.get(a), 4)));
    }
    return sb.toString();
  }
}
