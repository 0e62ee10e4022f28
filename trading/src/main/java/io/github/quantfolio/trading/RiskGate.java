package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.risk.RiskLimits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last stage before the broker: cuts or blocks each order leg of a {@link TradingPipeline}
 * cycle so that the book stays within the limits, whatever the model or the reviewer said.
 *
 * <p>An order that <em>reduces</em> a position (toward zero, never through it) always passes,
 * except in {@link TradingState#HALTED}. An order that opens or increases a position goes
 * through, in this order:
 * <ol>
 *   <li>the trading state ({@link TradingState#REDUCING} and {@link TradingState#HALTED}
 *       block it);</li>
 *   <li>the volatility limit ({@link RiskLimits#maxVolatility()}, annualised, of the symbol's
 *       returns over the look-back): blocks;</li>
 *   <li>the correlation limit ({@link RiskLimits#maxPairwiseCorrelation()}, with any open
 *       position over the look-back): blocks;</li>
 *   <li>the position weight ({@link RiskLimits#maxPositionWeight()}, of equity): cuts;</li>
 *   <li>the sector weight ({@link RiskLimits#maxSectorWeight()}, when sectors are given):
 *       cuts;</li>
 *   <li>the account's pre-trade controls ({@link AccountProfile}, when given): gross exposure
 *       and order value cut; a symbol not allowed and the daily trade count block;</li>
 *   <li>cash (a buy that opens or adds to a long position costs at most the cash left): cuts;</li>
 *   <li>whole lots (rounded toward zero).</li>
 * </ol>
 * Finally {@link PreTradeCheck} verifies the result against the account profile; any violation
 * left blocks the leg. Limits set to {@code +Infinity} are off. The daily-loss limit
 * ({@link RiskLimits#maxDailyLoss()}) and the drawdown circuit breaker act on the trading state
 * and are applied by the pipeline at the start of each cycle.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RiskGate {

  private final RiskLimits limits;
  private final double maxDrawdown;
  private final AccountProfile account;
  private final Map<String, String> sectors;
  private final int lookback;

  private RiskGate(RiskLimits limits, double maxDrawdown, AccountProfile account,
      Map<String, String> sectors, int lookback) {
    this.limits = limits;
    this.maxDrawdown = maxDrawdown;
    this.account = account;
    this.sectors = sectors;
    this.lookback = lookback;
  }

  /**
   * A gate with these limits, no drawdown breaker, no account profile, no sectors, and a
   * 60-bar look-back for volatility and correlation.
   *
   * @param limits the risk limits
   * @return the gate
   */
  public static RiskGate of(RiskLimits limits) {
    return new RiskGate(Checks.notNull(limits, "limits"), Double.POSITIVE_INFINITY, null,
        Map.of(), 60);
  }

  /**
   * A gate with every limit off (for comparisons with an ungated backtest); the trading states
   * still apply.
   *
   * @return the gate
   */
  public static RiskGate noLimits() {
    double inf = Double.POSITIVE_INFINITY;
    return of(new RiskLimits(inf, inf, inf, inf, inf));
  }

  /**
   * This gate with a drawdown circuit breaker: when equity falls {@code fraction} or more below
   * its peak, the pipeline halts.
   *
   * @param fraction the drawdown, in (0, 1]
   * @return a copy with the breaker
   */
  public RiskGate withMaxDrawdown(double fraction) {
    Checks.inRange(fraction, Double.MIN_VALUE, 1, "maxDrawdown");
    return new RiskGate(limits, fraction, account, sectors, lookback);
  }

  /**
   * This gate with an account's pre-trade controls.
   *
   * @param profile the account profile
   * @return a copy applying {@code profile}
   */
  public RiskGate withAccount(AccountProfile profile) {
    return new RiskGate(limits, maxDrawdown, Checks.notNull(profile, "profile"), sectors,
        lookback);
  }

  /**
   * This gate with a sector for each symbol (for the sector-weight limit); a symbol without
   * one is refused when it would open a position while the map is not empty.
   *
   * @param sectorOf sector by symbol
   * @return a copy with the sectors
   */
  public RiskGate withSectors(Map<String, String> sectorOf) {
    Checks.notNull(sectorOf, "sectorOf");
    sectorOf.forEach((s, sector) -> {
      Checks.notNull(s, "symbol in sectorOf");
      Checks.notNull(sector, "sector of '" + s + "'");
    });
    return new RiskGate(limits, maxDrawdown, account, Map.copyOf(sectorOf), lookback);
  }

  /**
   * This gate with another look-back for volatility and correlation.
   *
   * @param bars the number of returns, &gt;= 2
   * @return a copy with the look-back
   */
  public RiskGate withLookback(int bars) {
    if (bars < 2) {
      throw new IllegalArgumentException("Risk gate: lookback must be >= 2 returns, but found "
          + bars);
    }
    return new RiskGate(limits, maxDrawdown, account, sectors, bars);
  }

  /**
   * The risk limits.
   *
   * @return the limits
   */
  public RiskLimits limits() {
    return limits;
  }

  /**
   * The drawdown at which the pipeline halts ({@code +Infinity}: no breaker).
   *
   * @return the fraction
   */
  public double maxDrawdown() {
    return maxDrawdown;
  }

  /**
   * The account profile whose pre-trade controls apply, if any.
   *
   * @return the profile
   */
  public Optional<AccountProfile> account() {
    return Optional.ofNullable(account);
  }

  /**
   * The number of returns behind the volatility and correlation limits.
   *
   * @return the look-back
   */
  public int lookback() {
    return lookback;
  }

  /**
   * The limits in force by name, in a fixed order (the reviewer's prompt and the audit record
   * show them); limits that are off are left out.
   *
   * @return the limits by name
   */
  public Map<String, Double> limitsInForce() {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    put(m, "maxPositionWeight", limits.maxPositionWeight());
    put(m, "maxDailyLoss", limits.maxDailyLoss());
    put(m, "maxPairwiseCorrelation", limits.maxPairwiseCorrelation());
    put(m, "maxVolatility", limits.maxVolatility());
    if (!sectors.isEmpty()) {
      put(m, "maxSectorWeight", limits.maxSectorWeight());
    }
    put(m, "maxDrawdown", maxDrawdown);
    if (account != null) {
      put(m, "maxOrderValue", account.maxOrderValue());
      put(m, "maxGrossExposure", account.maxGrossExposure());
      put(m, "accountMaxPositionWeight", account.maxPositionWeight());
      put(m, "maxDailyTrades", account.maxDailyTrades());
    }
    return m;
  }

  private static void put(Map<String, Double> m, String name, double v) {
    if (v != Double.POSITIVE_INFINITY && v != Integer.MAX_VALUE) {
      m.put(name, v);
    }
  }

  /** One order leg as the pipeline proposes it, and what the gate knows about its symbol. */
  record Leg(String symbol, Side side, double quantity, double price, double volatility,
      double maxCorrelation, String correlatedWith, double lotSize) {
  }

  /**
   * Cuts {@code leg} to what the limits allow and appends a {@link DecisionRecord.Cut} for each
   * limit that changed it; returns the quantity left (0 = blocked).
   */
  double apply(Leg leg, CycleBook book, TradingState state, int tradesToday,
      List<DecisionRecord.Cut> cuts) {
    double q = leg.quantity();
    double position = book.position(leg.symbol());
    double signedQ = leg.side() == Side.BUY ? q : -q;
    boolean reducing = position != 0 && Math.signum(signedQ) != Math.signum(position)
        && q <= Math.abs(position);
    if (state == TradingState.HALTED) {
      return cut(cuts, q, 0, "trading state", "HALTED: no new orders");
    }
    if (reducing) {
      return q;
    }
    if (state == TradingState.REDUCING) {
      return cut(cuts, q, 0, "trading state", "REDUCING: only orders that reduce a position");
    }
    double equity = book.equity();
    if (leg.volatility() > limits.maxVolatility()) {
      return cut(cuts, q, 0, "volatility", "annualised volatility " + fmt(leg.volatility())
          + " > limit " + fmt(limits.maxVolatility()) + " over " + lookback + " returns");
    }
    if (leg.maxCorrelation() > limits.maxPairwiseCorrelation()) {
      return cut(cuts, q, 0, "correlation", "correlation " + fmt(leg.maxCorrelation())
          + " with '" + leg.correlatedWith() + "' > limit "
          + fmt(limits.maxPairwiseCorrelation()));
    }
    double price = leg.price();
    double magnitude = Math.abs(position);
    // Units that keep |position + q| x price within cap (q adds to |position| here).
    q = capValue(cuts, q, price, magnitude, limits.maxPositionWeight() * equity,
        "max position weight", "position " + leg.symbol() + " at most "
            + fmt(limits.maxPositionWeight()) + " of equity " + money(equity));
    if (!sectors.isEmpty() && q > 0) {
      String sector = sectors.get(leg.symbol());
      if (sector == null) {
        return cut(cuts, q, 0, "sector weight", "'" + leg.symbol() + "' has no sector");
      }
      double sectorValue = book.sectorValue(sectors, sector) - magnitude * price;
      q = capValue(cuts, q, price, magnitude, limits.maxSectorWeight() * equity - sectorValue,
          "max sector weight", "sector '" + sector + "' at most "
              + fmt(limits.maxSectorWeight()) + " of equity " + money(equity));
    }
    if (account != null && q > 0) {
      if (!account.allows(leg.symbol())) {
        return cut(cuts, q, 0, "account symbols", "'" + leg.symbol()
            + "' is not allowed on account " + account.id());
      }
      if (tradesToday >= account.maxDailyTrades()) {
        return cut(cuts, q, 0, "account daily trades", tradesToday + " trades today, limit "
            + account.maxDailyTrades());
      }
      q = capValue(cuts, q, price, magnitude, account.maxPositionWeight() * equity,
          "account max position weight", "at most " + fmt(account.maxPositionWeight())
              + " of equity on account " + account.id());
      double otherGross = book.grossValue() - magnitude * price;
      q = capValue(cuts, q, price, magnitude, account.maxGrossExposure() * equity - otherGross,
          "account gross exposure", "gross exposure at most " + fmt(account.maxGrossExposure())
              + "x equity on account " + account.id());
      q = capValue(cuts, q, price, 0, account.maxOrderValue(), "account order value",
          "order value at most " + money(account.maxOrderValue()));
    }
    if (leg.side() == Side.BUY && q > 0) {
      q = capValue(cuts, q, price, 0, Math.max(book.cashForBuys(), 0), "cash",
          "cash left " + money(book.cashForBuys()));
    }
    q = wholeLots(cuts, q, leg.lotSize());
    if (q > 0 && account != null) {
      OrderRequest probe = OrderRequest.market("gate-check", leg.symbol(), leg.side(), q);
      List<PreTradeViolation> left = PreTradeCheck.check(account, probe, price,
          book.accountState(tradesToday));
      if (!left.isEmpty()) {
        return cut(cuts, q, 0, "pre-trade check", left.get(0).message());
      }
    }
    return q;
  }

  /**
   * q rounded down to whole lots. q a hair below a lot boundary from a cap's division drops to
   * the lot below (so no cap is exceeded by rounding); q within rounding noise of a whole lot
   * (the sizer's lots) is that lot, without a recorded cut.
   */
  static double wholeLots(List<DecisionRecord.Cut> cuts, double q, double lot) {
    double n = Math.floor(q / lot + 1e-9);
    double lots = n * lot;
    if (lots > q) {
      lots = (n - 1) * lot;
    }
    if (q - lots <= 1e-9 * lot) {
      return lots;
    }
    return cut(cuts, q, lots, "lot size", "whole lots of " + fmt(lot));
  }

  /**
   * The largest q' <= q with (magnitude + q') x price <= cap, stepping down past rounding;
   * records the cut when it changes q.
   */
  private static double capValue(List<DecisionRecord.Cut> cuts, double q, double price,
      double magnitude, double cap, String limit, String reason) {
    if (q == 0 || cap == Double.POSITIVE_INFINITY || (magnitude + q) * price <= cap) {
      return q;
    }
    double allowed = Math.max(0, cap / price - magnitude);
    while (allowed > 0 && (magnitude + allowed) * price > cap) {
      allowed = Math.nextDown(allowed);
    }
    return cut(cuts, q, Math.min(allowed, q), limit, reason);
  }

  private static double cut(List<DecisionRecord.Cut> cuts, double before, double after,
      String limit, String reason) {
    cuts.add(new DecisionRecord.Cut(limit, before, after, reason));
    return after;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String money(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  @Override
  public String toString() {
    return "RiskGate" + limitsInForce() + ", lookback " + lookback + " returns"
        + (sectors.isEmpty() ? "" : ", " + sectors.size() + " symbols with sectors");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RiskGate g && limits.equals(g.limits)
        && Double.compare(maxDrawdown, g.maxDrawdown) == 0 && Objects.equals(account, g.account)
        && sectors.equals(g.sectors) && lookback == g.lookback;
  }

  @Override
  public int hashCode() {
    return Objects.hash(limits, maxDrawdown, account, sectors, lookback);
  }
}
