package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A seeded generator of synthetic markets: correlated, fat-tailed daily (or intraday) prices
 * with sectors, volatility regimes, late listings and OHLCV bars. Immutable; make one with
 * {@link #builder()} (or {@link #defaults()}), vary it with {@link #toBuilder()}, and run it with
 * {@link #simulate()} or {@link #simulateIntraday(Duration, int)}. The same configuration always
 * gives a bit-identical {@link SimulatedMarket} on every JVM (the generator is xoshiro256** and
 * every function used is {@link StrictMath}).
 *
 * <pre>{@code
 * SimulatedMarket m = MarketSimulator.defaultMarket();          // 20 assets, 10 years
 * SimulatedMarket small = MarketSimulator.builder().seed(7).assets(5).sectors(1).days(500)
 *     .build().simulate();
 * }</pre>
 *
 * <h2>Model</h2>
 *
 * Each business day has a regime {@code s} ({@link MarketRegime#CALM} or
 * {@link MarketRegime#STRESSED}) from a two-state Markov chain with daily transition
 * probabilities {@code p_cs} (calm to stressed) and {@code p_sc} (stressed to calm); the first
 * day's regime is drawn from the stationary distribution {@code pi_stressed = p_cs / (p_cs +
 * p_sc)} (calm if both are 0). For each period t (a day, or an intraday bar) the log return of
 * asset i is
 *
 * <pre>
 *   r_it = (mu_i(s) - sigma_i(s)^2 / 2) dt + sigma_i(s) sqrt(dt) x_it
 *   x_it = a_m e_mt + a_s e_(sector(i),t) + a_e e_it,
 *   a_m = sqrt(rho_m), a_s = sqrt(rho_s), a_e = sqrt(1 - rho_m - rho_s)
 * </pre>
 *
 * where every {@code e} is an independent Student-t draw with {@code nu} degrees of freedom
 * scaled to unit variance, so {@code x_it} has unit variance and two assets' returns correlate
 * {@code rho_m + rho_s} within a sector and {@code rho_m} across sectors (in either regime).
 * {@code mu_i(CALM) = mu_i} and {@code sigma_i(CALM) = sigma_i} are the asset's annual drift and
 * volatility; in stress {@code mu_i + stressDriftShift} and {@code sigma_i x
 * stressVolatilityMultiplier}. {@code dt = 1/252} for daily data, or one bar's share of a
 * 252-day year of 6.5-hour sessions intraday. Prices are {@code P0_i exp(sum of r_i)}. As in
 * geometric Brownian motion the median log growth is {@code mu - sigma^2 / 2} a year; with
 * Student-t shocks the price itself has no finite mean, so {@code mu} is a drift parameter
 * rather than an expected return.
 *
 * <p><b>Units.</b> Drifts, drift shift and volatilities are annual (0.2 = 20% a year); transition
 * probabilities are per business day; volume is in shares per period.
 *
 * <h2>Late listings and NaN</h2>
 *
 * A share {@link #lateListingShare()} of the assets (rounded to a count, halves up) list late: each
 * starts trading on a day drawn uniformly from day 1 to day {@code days / 2} (0-based, so never
 * the first day). Its price is NaN before that row and {@code P0_i} on it; its bars are missing
 * (OHLC and volume NaN) before it. No other value is ever NaN.
 *
 * <h2>Draw order</h2>
 *
 * The seed feeds one xoshiro256** generator (seeded through SplitMix64) that is split into
 * non-overlapping streams by jumps of 2^128 draws, in this order. Each stream is consumed in the
 * order shown, so changing one kind of draw never shifts another:
 *
 * <ol>
 *   <li><b>Parameters</b>: for each asset in order, three uniforms: drift, volatility (each used
 *       unless given explicitly) and initial price, each uniform over its range; then for each
 *       late listing in turn, a uniform picking the asset among those not yet picked (partial
 *       Fisher-Yates) and a uniform picking its listing day.
 *   <li><b>Regimes</b>: one uniform per day: the first against {@code pi_stressed}, then against
 *       the transition probability out of the previous day's regime.
 *   <li><b>Returns</b>: per period, the market draw {@code e_m}, the sector draws in sector order,
 *       then the idiosyncratic draws in asset order (each a normal, then a gamma variate unless
 *       {@code nu} is infinite).
 *   <li><b>Bars</b>: one stream per asset, in asset order; per period from the listing on: a
 *       normal for the overnight gap (daily bars only), 32 normals for the intraday path and one
 *       for the volume; see {@link SimulatedMarket#bars(String)}.
 * </ol>
 *
 * <p>The parameter and regime streams do not depend on the number of periods drawn, so a market
 * and its intraday counterpart ({@link #simulateIntraday(Duration, int)}) share per-asset drifts,
 * volatilities and initial prices and, day by day, the regime path.
 *
 * <h2>Defaults</h2>
 *
 * Seed 7; 20 assets named {@code A01..A20} in 4 sectors {@code S1..S4} (consecutive blocks of
 * 5); 2520 business days (10 years of 252) from 2015-01-02; drifts uniform in [0.06, 0.16] and
 * volatilities uniform in [0.15, 0.40] a year; {@code rho_m = 0.30}, {@code rho_s = 0.20};
 * {@code nu = 5}; {@code p_cs = 0.01}, {@code p_sc = 0.05} (stressed one day in six, spells of 20
 * days on average); stress multiplies volatility by 2 and shifts drift by -0.15 a year; 15% late
 * listings (3 of 20); initial prices uniform in [20, 200]; base volume 1,000,000 shares a day.
 *
 * @since 0.1.0
 */
public final class MarketSimulator {

  private final long seed;
  private final int assets;
  private final int sectors;
  private final LocalDate start;
  private final int days;
  private final double minDrift;
  private final double maxDrift;
  private final double[] drifts; // null: drawn from [minDrift, maxDrift]
  private final double minVolatility;
  private final double maxVolatility;
  private final double[] volatilities; // null: drawn
  private final double marketCorrelation;
  private final double sectorCorrelation;
  private final double degreesOfFreedom;
  private final double calmToStressed;
  private final double stressedToCalm;
  private final double stressVolatilityMultiplier;
  private final double stressDriftShift;
  private final double lateListingShare;
  private final double minInitialPrice;
  private final double maxInitialPrice;
  private final double baseVolume;

  private MarketSimulator(Builder b) {
    seed = b.seed;
    assets = b.assets;
    sectors = b.sectors;
    start = b.start;
    days = b.days;
    minDrift = b.minDrift;
    maxDrift = b.maxDrift;
    drifts = b.drifts;
    minVolatility = b.minVolatility;
    maxVolatility = b.maxVolatility;
    volatilities = b.volatilities;
    marketCorrelation = b.marketCorrelation;
    sectorCorrelation = b.sectorCorrelation;
    degreesOfFreedom = b.degreesOfFreedom;
    calmToStressed = b.calmToStressed;
    stressedToCalm = b.stressedToCalm;
    stressVolatilityMultiplier = b.stressVolatilityMultiplier;
    stressDriftShift = b.stressDriftShift;
    lateListingShare = b.lateListingShare;
    minInitialPrice = b.minInitialPrice;
    maxInitialPrice = b.maxInitialPrice;
    baseVolume = b.baseVolume;
  }

  /**
   * A builder holding the defaults listed in the class documentation.
   *
   * @return a builder holding the defaults listed in the class documentation
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default configuration (see the class documentation).
   *
   * @return the default configuration (see the class documentation)
   */
  public static MarketSimulator defaults() {
    return builder().build();
  }

  /**
   * The default market: {@code defaults().simulate()}, i.e. 20 assets in 4 sectors over 2520
   * business days from 2015-01-02, seed 7, 3 late listings. Computed afresh on each call
   * (about a tenth of a second); keep the result if you need it repeatedly.
   *
   * @return a newly simulated default market
   */
  public static SimulatedMarket defaultMarket() {
    return defaults().simulate();
  }

  /**
   * A builder starting from this configuration.
   *
   * @return a builder starting from this configuration
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Simulates {@link #days()} business days from {@link #start()}: a daily
   * {@link PriceFrame} ({@link Frequency#DAILY}) with one row per day and daily OHLCV bars.
   *
   * @return the simulated market: {@link #days()} rows of daily prices and bars
   * @throws IllegalArgumentException if the drifts and volatilities drive a price out of the
   *     range of {@code double} (only with extreme parameters over long horizons)
   */
  public SimulatedMarket simulate() {
    return MarketSimulation.daily(this);
  }

  /**
   * Simulates {@code days} business days of intraday bars of {@code barSize} in the US equity
   * session, 14:30 to 21:00 UTC (no daylight-saving shift, no holidays), from {@link #start()}.
   * Each row is labelled with its bar's start time (14:30, 14:35, ... for 5-minute bars) and its
   * price is the bar's close. The model is the daily one with {@code dt = 1 /}
   * {@link Frequency#intraday(Duration) Frequency.intraday(barSize)}{@code .periodsPerYear()};
   * the regime changes only between sessions; there is no overnight gap (each bar opens at the
   * previous close); base volume is spread evenly over the bars of a day; late listings start
   * at the first bar of their listing day. The configured {@link #days()} is not used; every other
   * setting is. Intraday prices are a separate simulation: they do not
   * aggregate to the daily prices of {@link #simulate()}.
   *
   * @param barSize the bar length; must divide 30 minutes evenly (e.g. 1, 5, 15 or 30 minutes,
   *     or 30 seconds) so that both the 6.5-hour session and the day hold whole bars
   * @param days the number of sessions, &gt; 0
   * @return the simulated market: {@code days} sessions of {@code 6.5 h / barSize} rows each
   * @throws IllegalArgumentException if {@code days} is not positive, {@code barSize} does not
   *     divide 30 minutes, or the result would exceed {@code Integer.MAX_VALUE - 8} rows
   */
  public SimulatedMarket simulateIntraday(Duration barSize, int days) {
    return MarketSimulation.intraday(this, barSize, days);
  }

  /**
   * The seed of all random draws.
   *
   * @return the seed of all random draws
   */
  public long seed() {
    return seed;
  }

  /**
   * The number of assets, named {@code A01, A02, ...} (at least two digits).
   *
   * @return the number of assets, named {@code A01, A02, ...} (at least two digits)
   */
  public int assetCount() {
    return assets;
  }

  /**
   * The number of sectors, named {@code S1, S2, ...}; asset i (0-based) belongs to sector
   * {@code floor(i x sectors / assets)}, i.e. consecutive blocks of near-equal size.
   *
   * @return the number of sectors, 1 to {@link #assetCount()}
   */
  public int sectorCount() {
    return sectors;
  }

  /**
   * The first day as configured; a simulation starts on the next Monday if it falls on a
   * weekend.
   *
   * @return the configured first day
   */
  public LocalDate start() {
    return start;
  }

  /**
   * The number of business days {@link #simulate()} produces.
   *
   * @return the number of business days {@link #simulate()} produces
   */
  public int days() {
    return days;
  }

  /**
   * {@code rho_m}: the return correlation of two assets in different sectors.
   *
   * @return {@code rho_m}: the return correlation of two assets in different sectors
   */
  public double marketCorrelation() {
    return marketCorrelation;
  }

  /**
   * {@code rho_s}: the extra correlation within a sector (total {@code rho_m + rho_s}).
   *
   * @return {@code rho_s}: the extra correlation within a sector (total {@code rho_m + rho_s})
   */
  public double sectorCorrelation() {
    return sectorCorrelation;
  }

  /**
   * {@code nu}, the Student-t degrees of freedom of every shock (+infinity: normal shocks).
   *
   * @return {@code nu}, the Student-t degrees of freedom of every shock (+infinity: normal shocks)
   */
  public double degreesOfFreedom() {
    return degreesOfFreedom;
  }

  /**
   * {@code p_cs}: the daily probability of moving from calm to stressed.
   *
   * @return {@code p_cs}: the daily probability of moving from calm to stressed
   */
  public double calmToStressed() {
    return calmToStressed;
  }

  /**
   * {@code p_sc}: the daily probability of moving from stressed to calm.
   *
   * @return {@code p_sc}: the daily probability of moving from stressed to calm
   */
  public double stressedToCalm() {
    return stressedToCalm;
  }

  /**
   * The long-run share of stressed days, {@code p_cs / (p_cs + p_sc)}; 0 when both are 0 (the
   * chain then stays calm).
   *
   * @return the stationary probability of the stressed regime, in [0, 1]
   */
  public double stationaryStressedProbability() {
    double total = calmToStressed + stressedToCalm;
    return total == 0 ? 0 : calmToStressed / total;
  }

  /**
   * The factor applied to every volatility (and to volume) in the stressed regime.
   *
   * @return the factor applied to every volatility (and to volume) in the stressed regime
   */
  public double stressVolatilityMultiplier() {
    return stressVolatilityMultiplier;
  }

  /**
   * The annual amount added to every drift in the stressed regime.
   *
   * @return the shift as an annual fraction (-0.15 = 15 % a year lower)
   */
  public double stressDriftShift() {
    return stressDriftShift;
  }

  /**
   * The share of assets listing late, in [0, 1]; the count is the nearest integer.
   *
   * @return the share of assets listing late, in [0, 1]; the count is the nearest integer
   */
  public double lateListingShare() {
    return lateListingShare;
  }

  /**
   * The typical volume of one asset on one calm day, in shares.
   *
   * @return the typical volume of one asset on one calm day, in shares
   */
  public double baseVolume() {
    return baseVolume;
  }

  /** Annual drift of asset {@code i}: explicit, or {@code u} of the way through the range. */
  double drift(int i, double u) {
    return drifts != null ? drifts[i] : minDrift + (maxDrift - minDrift) * u;
  }

  /** Annual calm volatility of asset {@code i}: explicit, or drawn like {@link #drift}. */
  double volatility(int i, double u) {
    return volatilities != null ? volatilities[i]
        : minVolatility + (maxVolatility - minVolatility) * u;
  }

  double initialPrice(double u) {
    return minInitialPrice + (maxInitialPrice - minInitialPrice) * u;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MarketSimulator m && m.seed == seed && m.assets == assets
        && m.sectors == sectors && m.start.equals(start) && m.days == days
        && same(m.minDrift, minDrift) && same(m.maxDrift, maxDrift)
        && Arrays.equals(m.drifts, drifts)
        && same(m.minVolatility, minVolatility) && same(m.maxVolatility, maxVolatility)
        && Arrays.equals(m.volatilities, volatilities)
        && same(m.marketCorrelation, marketCorrelation)
        && same(m.sectorCorrelation, sectorCorrelation)
        && same(m.degreesOfFreedom, degreesOfFreedom) && same(m.calmToStressed, calmToStressed)
        && same(m.stressedToCalm, stressedToCalm)
        && same(m.stressVolatilityMultiplier, stressVolatilityMultiplier)
        && same(m.stressDriftShift, stressDriftShift) && same(m.lateListingShare, lateListingShare)
        && same(m.minInitialPrice, minInitialPrice) && same(m.maxInitialPrice, maxInitialPrice)
        && same(m.baseVolume, baseVolume);
  }

  private static boolean same(double a, double b) {
    return Double.compare(a, b) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, assets, sectors, start, days, minDrift, maxDrift,
        Arrays.hashCode(drifts), minVolatility, maxVolatility, Arrays.hashCode(volatilities),
        marketCorrelation, sectorCorrelation, degreesOfFreedom, calmToStressed, stressedToCalm,
        stressVolatilityMultiplier, stressDriftShift, lateListingShare, minInitialPrice,
        maxInitialPrice, baseVolume);
  }

  /** Every setting on one line, with its unit (annual drift and volatility, daily switching). */
  @Override
  public String toString() {
    return "MarketSimulator[seed=" + seed + ", assets=" + assets + ", sectors=" + sectors
        + ", start=" + start + ", days=" + days
        + ", annual drift=" + (drifts != null ? Arrays.toString(drifts)
            : range(minDrift, maxDrift))
        + ", annual volatility="
        + (volatilities != null ? Arrays.toString(volatilities)
            : range(minVolatility, maxVolatility))
        + ", rho_m=" + marketCorrelation + ", rho_s=" + sectorCorrelation
        + ", nu=" + degreesOfFreedom + ", daily p_cs=" + calmToStressed + ", daily p_sc="
        + stressedToCalm + ", stress volatility x" + stressVolatilityMultiplier
        + ", annual stress drift shift=" + stressDriftShift + ", lateListingShare="
        + lateListingShare
        + ", initialPrice=" + range(minInitialPrice, maxInitialPrice)
        + ", baseVolume=" + baseVolume + "]";
  }

  private static String range(double lo, double hi) {
    return "[" + lo + ", " + hi + "]";
  }

  /**
   * Collects the settings of a {@link MarketSimulator}. Each setter checks its own arguments at
   * once; {@link #build()} checks how they fit together. Every setter throws
   * {@link IllegalArgumentException} naming the parameter and the value it rejects. Not
   * thread-safe.
   */
  public static final class Builder {

    // Seed 7 gives a typical path (average annual return across assets about 11%, 18 of 20
    // assets up, 13.5% of days stressed); seed 42, the first default, drew a bear decade.
    private long seed = 7;
    private int assets = 20;
    private int sectors = 4;
    // Where the sector count came from when the user did not set it, for build()'s message.
    private String sectorsOrigin = "the default";
    private LocalDate start = LocalDate.of(2015, 1, 2);
    private int days = 2520;
    private double minDrift = 0.06;
    private double maxDrift = 0.16;
    private double[] drifts;
    private double minVolatility = 0.15;
    private double maxVolatility = 0.40;
    private double[] volatilities;
    private double marketCorrelation = 0.30;
    private double sectorCorrelation = 0.20;
    private double degreesOfFreedom = 5;
    private double calmToStressed = 0.01;
    private double stressedToCalm = 0.05;
    private double stressVolatilityMultiplier = 2.0;
    private double stressDriftShift = -0.15;
    private double lateListingShare = 0.15;
    private double minInitialPrice = 20;
    private double maxInitialPrice = 200;
    private double baseVolume = 1_000_000;

    private Builder() {
    }

    private Builder(MarketSimulator m) {
      seed = m.seed;
      assets = m.assets;
      sectors = m.sectors;
      sectorsOrigin = "copied from the simulator this builder was made from";
      start = m.start;
      days = m.days;
      minDrift = m.minDrift;
      maxDrift = m.maxDrift;
      drifts = m.drifts;
      minVolatility = m.minVolatility;
      maxVolatility = m.maxVolatility;
      volatilities = m.volatilities;
      marketCorrelation = m.marketCorrelation;
      sectorCorrelation = m.sectorCorrelation;
      degreesOfFreedom = m.degreesOfFreedom;
      calmToStressed = m.calmToStressed;
      stressedToCalm = m.stressedToCalm;
      stressVolatilityMultiplier = m.stressVolatilityMultiplier;
      stressDriftShift = m.stressDriftShift;
      lateListingShare = m.lateListingShare;
      minInitialPrice = m.minInitialPrice;
      maxInitialPrice = m.maxInitialPrice;
      baseVolume = m.baseVolume;
    }

    /**
     * The seed of all random draws (default 7); any value.
     *
     * @param seed the seed; equal seeds (and settings) give bit-identical markets
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The number of assets, &gt; 0 (default 20).
     *
     * @param count the number of assets, &gt; 0
     * @return this builder
     */
    public Builder assets(int count) {
      this.assets = Checks.positive(count, "assets");
      return this;
    }

    /**
     * The number of sectors, &gt; 0 and at most the number of assets (default 4).
     *
     * @param count the number of sectors, &gt; 0 (checked against the assets by {@link #build()})
     * @return this builder
     */
    public Builder sectors(int count) {
      this.sectors = Checks.positive(count, "sectors");
      this.sectorsOrigin = null;
      return this;
    }

    /**
     * The first day (default 2015-01-02); a weekend moves to the next Monday.
     *
     * @param start the first day, not null
     * @return this builder
     */
    public Builder start(LocalDate start) {
      this.start = Checks.notNull(start, "start");
      return this;
    }

    /**
     * The number of business days {@link MarketSimulator#simulate()} produces, &gt; 0
     * (default 2520).
     *
     * @param count the number of business days, &gt; 0
     * @return this builder
     */
    public Builder days(int count) {
      this.days = Checks.positive(count, "days");
      return this;
    }

    /**
     * Draw each asset's annual drift {@code mu_i} uniformly from {@code [min, max]} (default
     * [0.06, 0.16]); replaces explicit {@link #drifts(double...)}.
     *
     * @param min the lowest annual drift as a fraction (0.06 = 6 % a year), finite
     * @param max the highest annual drift, finite and &gt;= {@code min}
     * @return this builder
     */
    public Builder driftRange(double min, double max) {
      checkRange(min, max, "minDrift", "maxDrift");
      this.minDrift = min;
      this.maxDrift = max;
      this.drifts = null;
      return this;
    }

    /**
     * Explicit annual drifts, one per asset in order (finite; the count is checked by
     * {@link #build()}); replaces {@link #driftRange(double, double)}. The drift draws are still
     * consumed, so other draws do not change.
     *
     * @param annualDrifts one annual drift per asset as a fraction (0.08 = 8 % a year), finite;
     *     copied
     * @return this builder
     */
    public Builder drifts(double... annualDrifts) {
      Checks.notNull(annualDrifts, "drifts");
      for (int i = 0; i < annualDrifts.length; i++) {
        Checks.finite(annualDrifts[i], "drifts[" + i + "]");
      }
      this.drifts = annualDrifts.clone();
      return this;
    }

    /**
     * Draw each asset's annual calm volatility {@code sigma_i} uniformly from {@code [min, max]},
     * {@code 0 <= min <= max} (default [0.15, 0.40]); replaces explicit
     * {@link #volatilities(double...)}.
     *
     * @param min the lowest annualised volatility as a fraction (0.15 = 15 %), finite and &gt;= 0
     * @param max the highest annualised volatility, finite and &gt;= {@code min}
     * @return this builder
     */
    public Builder volatilityRange(double min, double max) {
      notNegative(min, "minVolatility");
      checkRange(min, max, "minVolatility", "maxVolatility");
      this.minVolatility = min;
      this.maxVolatility = max;
      this.volatilities = null;
      return this;
    }

    /**
     * Explicit annual calm volatilities, one per asset in order (finite, &gt;= 0); replaces
     * {@link #volatilityRange(double, double)}. The volatility draws are still consumed.
     *
     * @param annualVolatilities one annualised volatility per asset as a fraction (0.2 = 20 %),
     *     finite and &gt;= 0; copied
     * @return this builder
     */
    public Builder volatilities(double... annualVolatilities) {
      Checks.notNull(annualVolatilities, "volatilities");
      for (int i = 0; i < annualVolatilities.length; i++) {
        notNegative(annualVolatilities[i], "volatilities[" + i + "]");
      }
      this.volatilities = annualVolatilities.clone();
      return this;
    }

    /**
     * The return correlations: {@code market} ({@code rho_m}, across sectors) and the extra
     * {@code sector} correlation ({@code rho_s}), both in [0, 1] with
     * {@code rho_m + rho_s <= 1} (default 0.30 and 0.20: 0.5 within a sector).
     *
     * @param market {@code rho_m}, the correlation across sectors, in [0, 1]
     * @param sector {@code rho_s}, the extra correlation within a sector, in [0, 1] and at most
     *     {@code 1 - market}
     * @return this builder
     */
    public Builder correlations(double market, double sector) {
      Checks.inRange(market, 0, 1, "marketCorrelation");
      Checks.inRange(sector, 0, 1, "sectorCorrelation");
      if (market + sector > 1) {
        throw new IllegalArgumentException("Expected marketCorrelation + sectorCorrelation <= 1, "
            + "but found " + market + " + " + sector + " = " + (market + sector));
      }
      this.marketCorrelation = market;
      this.sectorCorrelation = sector;
      return this;
    }

    /**
     * The Student-t degrees of freedom {@code nu} of every shock, &gt; 2 so the variance is
     * finite (default 5: excess kurtosis 6 per shock); {@link Double#POSITIVE_INFINITY} gives
     * normal shocks.
     *
     * @param nu the degrees of freedom, &gt; 2 (not NaN); may be {@link Double#POSITIVE_INFINITY}
     * @return this builder
     */
    public Builder degreesOfFreedom(double nu) {
      if (!(nu > 2)) {
        throw new IllegalArgumentException(
            "Expected degreesOfFreedom > 2 (finite variance), but found " + nu);
      }
      this.degreesOfFreedom = nu;
      return this;
    }

    /**
     * The daily regime transition probabilities, each in [0, 1] (default 0.01 and 0.05). Set
     * {@code calmToStressed} to 0 for a market that is always calm.
     *
     * @param calmToStressed {@code p_cs}, the probability per business day of turning stressed,
     *     in [0, 1]
     * @param stressedToCalm {@code p_sc}, the probability per business day of turning calm, in
     *     [0, 1]
     * @return this builder
     */
    public Builder regimeSwitching(double calmToStressed, double stressedToCalm) {
      Checks.inRange(calmToStressed, 0, 1, "calmToStressed");
      Checks.inRange(stressedToCalm, 0, 1, "stressedToCalm");
      this.calmToStressed = calmToStressed;
      this.stressedToCalm = stressedToCalm;
      return this;
    }

    /**
     * The factor on volatility (and volume) when stressed, finite and &gt; 0 (default 2).
     *
     * @param multiplier the factor, finite and &gt; 0 (1 = no change; 2 doubles volatility)
     * @return this builder
     */
    public Builder stressVolatilityMultiplier(double multiplier) {
      this.stressVolatilityMultiplier = Checks.positive(multiplier, "stressVolatilityMultiplier");
      return this;
    }

    /**
     * The annual amount added to each drift when stressed, finite (default -0.15).
     *
     * @param annualShift the shift as an annual fraction (-0.15 = 15 % a year lower), finite
     * @return this builder
     */
    public Builder stressDriftShift(double annualShift) {
      this.stressDriftShift = Checks.finite(annualShift, "stressDriftShift");
      return this;
    }

    /**
     * The share of assets that list late, in [0, 1] (default 0.15); the count is
     * {@code round(share x assets)}, halves rounding up. With a single day nothing lists late.
     *
     * @param share the fraction of assets that list late, in [0, 1]
     * @return this builder
     */
    public Builder lateListingShare(double share) {
      this.lateListingShare = Checks.inRange(share, 0, 1, "lateListingShare");
      return this;
    }

    /**
     * Draw each asset's first price uniformly from {@code [min, max]}, {@code 0 < min <= max}
     * (default [20, 200]).
     *
     * @param min the lowest first price (in currency units), finite and &gt; 0
     * @param max the highest first price, finite and &gt;= {@code min}
     * @return this builder
     */
    public Builder initialPriceRange(double min, double max) {
      Checks.positive(min, "minInitialPrice");
      checkRange(min, max, "minInitialPrice", "maxInitialPrice");
      this.minInitialPrice = min;
      this.maxInitialPrice = max;
      return this;
    }

    /**
     * The typical daily volume of an asset on a calm day in shares, &gt; 0 (default 1,000,000).
     *
     * @param sharesPerDay the volume in shares a day, finite and &gt; 0
     * @return this builder
     */
    public Builder baseVolume(double sharesPerDay) {
      this.baseVolume = Checks.positive(sharesPerDay, "baseVolume");
      return this;
    }

    private static void notNegative(double value, String name) {
      if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("Expected finite " + name + " >= 0, but found " + value);
      }
    }

    private static void checkRange(double min, double max, String minName, String maxName) {
      Checks.finite(min, minName);
      Checks.finite(max, maxName);
      if (min > max) {
        throw new IllegalArgumentException("Expected " + minName + " <= " + maxName
            + ", but found " + minName + "=" + min + " > " + maxName + "=" + max);
      }
    }

    /**
     * The configuration.
     *
     * @return a new, immutable simulator with these settings
     * @throws IllegalArgumentException if there are more sectors than assets, or explicit drifts
     *     or volatilities do not number one per asset
     */
    public MarketSimulator build() {
      if (sectors > assets) {
        throw new IllegalArgumentException("Expected sectors <= assets, but found sectors="
            + sectors + (sectorsOrigin == null ? "" : " (" + sectorsOrigin + ")") + " for assets="
            + assets + (sectorsOrigin == null ? "" : "; set sectors(n) with n <= " + assets));
      }
      checkCount(drifts, "drifts");
      checkCount(volatilities, "volatilities");
      return new MarketSimulator(this);
    }

    private void checkCount(double[] values, String name) {
      if (values != null && values.length != assets) {
        throw new IllegalArgumentException("Expected " + assets + " " + name
            + " (one per asset), but found " + values.length);
      }
    }
  }
}
