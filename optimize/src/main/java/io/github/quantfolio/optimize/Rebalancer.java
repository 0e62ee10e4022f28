package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the trades that move current holdings (shares and cash) towards target weights, with a
 * drift threshold, a minimum trade value, lot sizes, a concentration limit and transaction
 * costs. Immutable; configure with {@code with...} methods and call {@link #plan}.
 *
 * <p><b>Rules.</b> With portfolio value {@code V = cash + sum shares_i p_i} and current weights
 * {@code c_i = shares_i p_i / V}, an asset is traded to its target {@code w_i V} when:
 * it is not held but targeted (NEW_POSITION); it is held but not targeted (EXIT, always the
 * whole position); its weight exceeds the concentration limit (CONCENTRATION); or
 * {@code |c_i - w_i| > driftThreshold} (DRIFT). Quantities are whole lots rounded towards zero,
 * so a trade never overshoots its target; a trade worth less than the minimum trade value is
 * skipped, except exits. Sales are executed first; buys then run largest deficit first and are
 * cut to the cash available after costs (cash never goes negative). Costs per trade are
 * {@code |value| x proportionalCost + fixedCost}. Long-only: negative target weights are
 * rejected.
 *
 * @since 0.1.0
 */
public final class Rebalancer {

  /** Why a trade is made. */
  public enum Reason {
    /** The asset is targeted but not held. */
    NEW_POSITION,
    /** The asset is held but not targeted: the whole position is sold. */
    EXIT,
    /** The position's weight exceeds the concentration limit. */
    CONCENTRATION,
    /** The position's weight drifted from its target by more than the threshold. */
    DRIFT
  }

  /**
   * One trade.
   *
   * @param asset the asset
   * @param quantity shares bought (positive) or sold (negative), a multiple of the lot size
   * @param price the execution price assumed (the latest price)
   * @param cost the transaction cost charged
   * @param reason why
   */
  public record Trade(String asset, long quantity, double price, double cost, Reason reason) {
    /** Signed traded value {@code quantity x price}. */
    public double value() {
      return quantity * price;
    }
  }

  /**
   * The plan.
   *
   * @param trades sales first (targeted assets in target order, then other holdings by name),
   *     then purchases, largest deficit first
   * @param shares holdings after the trades (assets with zero shares left out)
   * @param cash cash after the trades and their costs
   * @param totalCost sum of the trades' costs
   * @param turnover {@code sum |value| / V}, two-way
   */
  public record Plan(List<Trade> trades, Map<String, Long> shares, double cash, double totalCost,
      double turnover) {
    /** Copies the collections. */
    public Plan {
      trades = List.copyOf(trades);
      shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    @Override
    public String toString() {
      TextTable t = new TextTable("asset", "quantity", "price", "value", "cost", "reason");
      for (Trade tr : trades) {
        t.row(tr.asset(), Long.toString(tr.quantity()), TextTable.num(tr.price(), 2),
            TextTable.num(tr.value(), 2), TextTable.num(tr.cost(), 2), tr.reason().name());
      }
      return t.render() + "cash after " + TextTable.num(cash, 2) + ", costs "
          + TextTable.num(totalCost, 2) + ", turnover " + TextTable.num(100 * turnover, 2) + "%\n";
    }
  }

  private final double driftThreshold;
  private final double minTradeValue;
  private final double concentrationLimit;
  private final double proportionalCost;
  private final double fixedCost;
  private final Map<String, Long> lots;

  private Rebalancer(double driftThreshold, double minTradeValue, double concentrationLimit,
      double proportionalCost, double fixedCost, Map<String, Long> lots) {
    this.driftThreshold = driftThreshold;
    this.minTradeValue = minTradeValue;
    this.concentrationLimit = concentrationLimit;
    this.proportionalCost = proportionalCost;
    this.fixedCost = fixedCost;
    this.lots = lots;
  }

  /** No threshold, no minimum, no concentration limit, no costs, lots of one share. */
  public static Rebalancer create() {
    return new Rebalancer(0, 0, Double.POSITIVE_INFINITY, 0, 0, Map.of());
  }

  /** Trades only positions whose weight is off target by more than {@code threshold} (e.g. 0.02). */
  public Rebalancer withDriftThreshold(double threshold) {
    Checks.inRange(threshold, 0, 1, "threshold");
    return new Rebalancer(threshold, minTradeValue, concentrationLimit, proportionalCost, fixedCost, lots);
  }

  /** Skips trades worth less than {@code value} (currency units), except exits. */
  public Rebalancer withMinTradeValue(double value) {
    Checks.inRange(value, 0, Double.MAX_VALUE, "value");
    return new Rebalancer(driftThreshold, value, concentrationLimit, proportionalCost, fixedCost, lots);
  }

  /** Always trades positions whose weight exceeds {@code maxWeight} back to target. */
  public Rebalancer withConcentrationLimit(double maxWeight) {
    Checks.inRange(maxWeight, 0, 1, "maxWeight");
    return new Rebalancer(driftThreshold, minTradeValue, maxWeight, proportionalCost, fixedCost, lots);
  }

  /**
   * Transaction costs: {@code proportional} of the traded value (e.g. 0.0005 = 5 bps) plus
   * {@code fixed} per trade.
   */
  public Rebalancer withCosts(double proportional, double fixed) {
    Checks.inRange(proportional, 0, 1, "proportional");
    Checks.inRange(fixed, 0, Double.MAX_VALUE, "fixed");
    return new Rebalancer(driftThreshold, minTradeValue, concentrationLimit, proportional, fixed, lots);
  }

  /** Lot sizes per asset (default 1 share). */
  public Rebalancer withLotSizes(Map<String, Long> lotSizes) {
    Checks.notNull(lotSizes, "lotSizes");
    Map<String, Long> m = new HashMap<>(lots);
    for (Map.Entry<String, Long> e : lotSizes.entrySet()) {
      if (e.getValue() == null || e.getValue() < 1) {
        throw new IllegalArgumentException("Lot size of '" + e.getKey() + "' is " + e.getValue()
            + "; expected >= 1");
      }
      m.put(e.getKey(), e.getValue());
    }
    return new Rebalancer(driftThreshold, minTradeValue, concentrationLimit, proportionalCost,
        fixedCost, Map.copyOf(m));
  }

  /**
   * Plans the trades from {@code shares} and {@code cash} to {@code target} at {@code prices}.
   *
   * @param shares current long holdings in shares (assets absent = 0)
   * @param cash current cash, &gt;= 0
   * @param target target weights (&gt;= 0; the remainder of 1 stays in cash)
   * @param prices latest prices of every held or targeted asset
   * @throws IllegalArgumentException for a missing or non-positive price, negative holdings,
   *     cash or weights, or weights summing above 1
   */
  public Plan plan(Map<String, Long> shares, double cash, Weights target, AssetVector prices) {
    Checks.notNull(shares, "shares");
    Checks.notNull(target, "target");
    Checks.notNull(prices, "prices");
    Checks.finite(cash, "cash");
    if (cash < 0) {
      throw new IllegalArgumentException("Expected cash >= 0, but found " + cash);
    }
    if (target.sum() > 1 + 1e-12) {
      throw new IllegalArgumentException("Target weights sum to " + target.sum() + " > 1");
    }
    // A deterministic order whatever the map's: targeted assets as given, then other holdings
    // by name.
    Set<String> universe = new LinkedHashSet<>(target.assets());
    shares.keySet().stream().sorted().forEach(universe::add);
    Map<String, Double> price = new HashMap<>();
    double value = cash;
    for (String a : universe) {
      if (!prices.contains(a)) {
        throw new IllegalArgumentException("No price for '" + a + "'");
      }
      double p = prices.get(a);
      if (!(p > 0)) {
        throw new IllegalArgumentException("Price of '" + a + "' is " + p + "; expected > 0");
      }
      price.put(a, p);
      long held = shares.getOrDefault(a, 0L);
      if (held < 0) {
        throw new IllegalArgumentException("Holding of '" + a + "' is " + held + "; long-only");
      }
      if (target.getOrZero(a) < 0) {
        throw new IllegalArgumentException("Target weight of '" + a + "' is " + target.getOrZero(a)
            + "; long-only");
      }
      value += held * p;
    }
    if (!(value > 0)) {
      throw new IllegalArgumentException("The portfolio is worth " + value + "; nothing to rebalance");
    }
    Map<String, Long> after = new LinkedHashMap<>();
    for (String a : universe) {
      after.put(a, shares.getOrDefault(a, 0L));
    }
    List<Trade> sells = new ArrayList<>();
    List<Object[]> buys = new ArrayList<>(); // {asset, desired quantity, deficit value, reason}
    for (String a : universe) {
      double p = price.get(a);
      long held = after.get(a);
      double w = target.getOrZero(a);
      double c = held * p / value;
      Reason reason;
      if (held > 0 && w == 0) {
        reason = Reason.EXIT;
      } else if (held == 0 && w > 0) {
        reason = Reason.NEW_POSITION;
      } else if (c > concentrationLimit && c > w) {
        reason = Reason.CONCENTRATION;
      } else if (Math.abs(c - w) > driftThreshold) {
        reason = Reason.DRIFT;
      } else {
        continue;
      }
      long lot = lots.getOrDefault(a, 1L);
      long qty = reason == Reason.EXIT ? -held
          : (long) ((w * value - held * p) / p / lot) * lot; // toward zero: never overshoot
      if (qty == 0) {
        continue;
      }
      if (reason != Reason.EXIT && Math.abs(qty * p) < minTradeValue) {
        continue;
      }
      if (qty < 0) {
        sells.add(new Trade(a, qty, p, cost(qty * p), reason));
      } else {
        buys.add(new Object[] {a, qty, w * value - held * p, reason});
      }
    }
    double newCash = cash;
    List<Trade> trades = new ArrayList<>();
    for (Trade t : sells) {
      newCash += -t.value() - t.cost();
      after.merge(t.asset(), t.quantity(), Long::sum);
      trades.add(t);
    }
    buys.sort((x, y) -> Double.compare((double) y[2], (double) x[2]));
    for (Object[] b : buys) {
      String a = (String) b[0];
      long qty = (long) b[1];
      double p = price.get(a);
      long lot = lots.getOrDefault(a, 1L);
      while (qty > 0 && qty * p + cost(qty * p) > newCash) {
        qty -= lot;
      }
      if (qty <= 0 || qty * p < minTradeValue) {
        continue;
      }
      Trade t = new Trade(a, qty, p, cost(qty * p), (Reason) b[3]);
      newCash -= t.value() + t.cost();
      after.merge(a, qty, Long::sum);
      trades.add(t);
    }
    double totalCost = 0;
    double traded = 0;
    for (Trade t : trades) {
      totalCost += t.cost();
      traded += Math.abs(t.value());
    }
    after.values().removeIf(v -> v == 0);
    return new Plan(trades, after, newCash, totalCost, traded / value);
  }

  private double cost(double tradeValue) {
    return Math.abs(tradeValue) * proportionalCost + fixedCost;
  }
}
