package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import java.util.Arrays;
import java.util.List;

/**
 * The output of a {@link MarketSimulator}: prices, OHLCV bars, the true regime path and the
 * parameters each asset was given. Immutable and fully computed on construction; two markets
 * simulated from equal configurations are {@link #equals equal}, value for value.
 *
 * <p>The only missing values are those of late listings: before an asset's
 * {@link #listingRow(String) listing row} its price is NaN and its bars are missing (OHLC and
 * volume NaN).
 *
 * @since 0.1.0
 */
public final class SimulatedMarket {

  private final MarketSimulator config;
  private final PriceFrame prices;
  private final Bars[] bars;
  private final List<MarketRegime> regimes;
  private final List<String> sectors;
  private final int[] sectorOfAsset;
  private final int[] listingRows;
  private final AssetVector drifts;
  private final AssetVector volatilities;

  SimulatedMarket(MarketSimulator config, PriceFrame prices, Bars[] bars,
      List<MarketRegime> regimes, List<String> sectors, int[] sectorOfAsset, int[] listingRows,
      AssetVector drifts, AssetVector volatilities) {
    this.config = config;
    this.prices = prices;
    this.bars = bars;
    this.regimes = regimes;
    this.sectors = sectors;
    this.sectorOfAsset = sectorOfAsset;
    this.listingRows = listingRows;
    this.drifts = drifts;
    this.volatilities = volatilities;
  }

  /**
   * The configuration that produced this market.
   *
   * @return the configuration that produced this market
   */
  public MarketSimulator config() {
    return config;
  }

  /**
   * The closing prices, one column per asset: daily ({@link Frequency#DAILY}, a date index of
   * business days) from {@link MarketSimulator#simulate()}, or intraday (an instant index of bar
   * start times, frequency {@link Frequency#intraday(java.time.Duration)}) from
   * {@link MarketSimulator#simulateIntraday}. NaN before each asset's listing row, finite and
   * &gt; 0 from it on.
   *
   * @return the closing prices, one column per asset
   */
  public PriceFrame prices() {
    return prices;
  }

  /**
   * The asset names in column order ({@code A01, A02, ...}; unmodifiable).
   *
   * @return the asset names in column order ({@code A01, A02, ...}; unmodifiable)
   */
  public List<String> assets() {
    return prices.assets();
  }

  /**
   * The OHLCV bars of {@code asset}, on the index and frequency of {@link #prices()}. The close
   * equals the price on every row. Each bar is built in log space from the previous close
   * {@code C} and the period's log return {@code R} with the regime's per-period variance
   * {@code v = sigma_i(s)^2 dt}:
   *
   * <ul>
   *   <li><b>Open</b>: daily bars open after an overnight gap: a Brownian bridge from 0 to R
   *       sampled at the 20% of the day's variance that falls overnight,
   *       {@code C exp(0.2 R + sqrt(0.16 v) z)}. Intraday bars open at the previous close.
   *   <li><b>High and low</b>: the extremes of open, close and a 32-step Brownian bridge in log
   *       space from the open to the close carrying the rest of the variance, so
   *       {@code low <= min(open, close) <= max(open, close) <= high} on every bar. (A discrete
   *       path slightly understates a continuous one's range.)
   *   <li><b>Volume</b>: {@code base x m(s) x (0.5 + 0.5 |x|) x exp(0.5 z' - 0.125)} rounded to
   *       whole shares and at least 1, where {@code base} is the base daily volume (divided by
   *       the bars per session intraday), {@code m(s)} the stress volatility multiplier when
   *       stressed (else 1), {@code x} the period's unit-variance shock of the asset and
   *       {@code z'} a standard normal (a lognormal factor with mean 1).
   * </ul>
   *
   * For the first bar after listing, {@code C} is the close moved back by that period's return.
   * Bars before the listing row are missing: OHLC and volume NaN.
   *
   * @param asset the asset name, e.g. {@code "A01"}
   * @return the asset's bars, named by the asset
   * @throws IllegalArgumentException if the asset is unknown (the message names it and lists the
   *     assets)
   */
  public Bars bars(String asset) {
    return bars[prices.position(asset)];
  }

  /**
   * The true regime of each row of {@link #prices()}, in row order (unmodifiable).
   *
   * @return the true regime of each row of {@link #prices()}, in row order (unmodifiable)
   */
  public List<MarketRegime> regimes() {
    return regimes;
  }

  /**
   * The sector names, {@code S1, S2, ...} (unmodifiable).
   *
   * @return the sector names, {@code S1, S2, ...} (unmodifiable)
   */
  public List<String> sectors() {
    return sectors;
  }

  /**
   * The sector of {@code asset}.
   *
   * @param asset the asset name, e.g. {@code "A01"}
   * @return the sector name, e.g. {@code "S1"}
   * @throws IllegalArgumentException if the asset is unknown
   */
  public String sectorOf(String asset) {
    return sectors.get(sectorOfAsset[prices.position(asset)]);
  }

  /**
   * The first row on which {@code asset} has a price: 0, or for a late listing a row of the
   * first half (at the first bar of a session intraday).
   *
   * @param asset the asset name, e.g. {@code "A01"}
   * @return the 0-based row of the asset's first price
   * @throws IllegalArgumentException if the asset is unknown
   */
  public int listingRow(String asset) {
    return listingRows[prices.position(asset)];
  }

  /**
   * Each asset's annual drift {@code mu_i} in the calm regime (given or drawn).
   *
   * @return the annual drifts as fractions (0.08 = 8 % a year), in asset order
   */
  public AssetVector annualDrifts() {
    return drifts;
  }

  /**
   * Each asset's annual volatility {@code sigma_i} in the calm regime (given or drawn).
   *
   * @return the annualised volatilities as fractions (0.2 = 20 %), in asset order
   */
  public AssetVector annualVolatilities() {
    return volatilities;
  }

  /**
   * The long-run annual volatility of {@code asset}'s log returns over the regime mix:
   * {@code sigma_i sqrt(pi_calm + pi_stressed m^2)}, with {@code m} the stress volatility
   * multiplier and {@code pi} the stationary regime probabilities. It leaves out the (small)
   * variance added by the drift changing with the regime.
   *
   * @param asset the asset name, e.g. {@code "A01"}
   * @return the annualised volatility as a fraction, &gt;= 0
   * @throws IllegalArgumentException if the asset is unknown
   */
  public double expectedAnnualVolatility(String asset) {
    Checks.notNull(asset, "asset");
    double piStressed = config.stationaryStressedProbability();
    double m = config.stressVolatilityMultiplier();
    return volatilities.get(asset) * StrictMath.sqrt(1 - piStressed + piStressed * m * m);
  }

  /** Equal when configuration, prices, bars and regimes are identical (bitwise). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SimulatedMarket m && m.config.equals(config) && m.prices.equals(prices)
        && Arrays.equals(m.bars, bars) && m.regimes.equals(regimes);
  }

  @Override
  public int hashCode() {
    return config.hashCode() * 31 + prices.hashCode();
  }

  /** A one-line summary: shape, dates, seed and share of stressed rows. */
  @Override
  public String toString() {
    long stressed = regimes.stream().filter(r -> r == MarketRegime.STRESSED).count();
    return "SimulatedMarket[" + prices.assetCount() + " assets in " + sectors.size()
        + " sectors, " + prices.rows() + " rows " + prices.index().first() + " .. "
        + prices.index().last() + ", seed " + config.seed() + ", "
        + String.format(java.util.Locale.ROOT, "%.1f", 100.0 * stressed / regimes.size())
        + "% of rows stressed]";
  }
}
