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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trades that move current holdings (whole shares plus cash) towards long-only target weights.
 * Immutable; {@code with...} returns a new instance.
 *
 * <p>With portfolio value {@code V = cash + sum shares_i p_i}, current weight
 * {@code c_i = shares_i p_i / V} and target {@code t_i} (0 for assets not in the target), each
 * asset gets at most one trade, decided in this order:
 * <ol>
 *   <li>{@link Reason#EXIT}: held but not in the target (or target 0): sell every share, whatever
 *       the thresholds;</li>
 *   <li>{@link Reason#CONCENTRATION}: {@code c_i} above the maximum weight: sell down to
 *       {@code min(t_i, maxWeight)}, whatever the drift threshold;</li>
 *   <li>{@link Reason#NEW_POSITION}: not held, target above 0: buy;</li>
 *   <li>{@link Reason#DRIFT}: {@code |c_i - t_i| > driftThreshold}: trade to the target.</li>
 * </ol>
 * The shares traded are {@code (t_i V - shares_i p_i) / p_i} rounded towards zero to a multiple of
 * the asset's lot size (exits sell everything); trades worth less than the minimum trade value are
 * skipped (except exits). Sells are executed first; their proceeds net of proportional costs
 * ({@code cost = rate x |value|}) fund the buys, which are then taken in order of decreasing
 * under-weight and cut to whole lots when cash (including their costs) runs short, so cash never
 * goes negative. Positions are never shorted.
 *
 * @since 0.1.0
 */
public final class Rebalancer {

  /** Why a trade is made. */
  public enum Reason {
    /** The asset is held but not in the target. */
    EXIT,
    /** The position exceeds the maximum weight. */
    CONCENTRATION,
    /** The asset is in the target but not held. */
    NEW_POSITION,
    /** The weight drifted from its target by more than the threshold. */
    DRIFT
  }

  /**
   * One trade.
   *
   * @param asset the asset
   * @param shares signed number of shares (positive = buy)
   * @param price price per share used
   * @param value {@code shares x price} (signed)
   * @param cost transaction cost (&gt;= 0), paid in cash
   * @param reason why
   */
  public record Trade(String asset, long shares, double price, double value, double cost,
      Reason reason) {
  }

  /**
   * The result of {@link #plan}.
   *
   * @param trades trades in execution order (sells first)
   * @param holdings shares per asset after the trades (zero positions left out)
   * @param cash cash after the trades and their costs (&gt;= 0)
   * @param totalCost sum of trade costs
   * @param turnover {@code sum |value| / V}
   */
  public record Plan(List<Trade> trades, Map<String, Long> holdings, double cash,
      double totalCost, double turnover) {
    /**
     * Copies the collections.
     *
     * @param trades trades in execution order (sells first)
     * @param holdings shares per asset after the trades (zero positions left out)
     * @param cash cash after the trades and their costs (&gt;= 0)
     * @param totalCost sum of trade costs
     * @param turnover {@code sum |value| / V}
     */
    public Plan {
      trades = List.copyOf(trades);
      holdings = Collections.unmodifiableMap(new LinkedHashMap<>(holdings));
    }

    /**
     * A table of the trades (shares: + buy, - sell), then the cash after the trades and their
     * total cost (in the prices' currency) and the turnover (traded value over portfolio value).
     */
    @Override
    public String toString() {
      TextTable t = new TextTable("asset", "shares", "price", "value", "cost", "reason");
      for (Trade tr : trades) {
        t.row(tr.asset(), Long.toString(tr.shares()), Diagnostics.num(tr.price(), 4),
            TextTable.num(tr.value(), 2), TextTable.num(tr.cost(), 2), tr.reason().name());
      }
      return t.render() + String.format(Locale.ROOT, "cash after trades %.2f, costs %.2f (prices' "
          + "currency), turnover %.2f%% of portfolio value%n", cash, totalCost, 100 * turnover);
    }
  }

  /** The most shares of one trade whose count and value stay exact in double precision. */
  private static final double MAX_SHARES = 0x1p53;

  private final Weights target;
  private final double driftThreshold;
  private final double minTradeValue;
  private final double costRate;
  private final double maxWeight;
  private final Map<String, Long> lots;

  private Rebalancer(Weights target, double driftThreshold, double minTradeValue, double costRate,
      double maxWeight, Map<String, Long> lots) {
    this.target = target;
    this.driftThreshold = driftThreshold;
    this.minTradeValue = minTradeValue;
    this.costRate = costRate;
    this.maxWeight = maxWeight;
    this.lots = lots;
  }

  /**
   * A rebalancer towards long-only target weights (summing to at most 1; the rest stays cash).
   *
   * @param target target weights, each &gt;= 0, summing to at most 1 (fractions of portfolio value)
   * @return a rebalancer without thresholds, costs, maximum weight or lot sizes
   * @throws IllegalArgumentException if a weight is negative or they sum to more than 1
   */
  public static Rebalancer of(Weights target) {
    Checks.notNull(target, "target");
    for (String a : target.assets()) {
      if (target.get(a) < 0) {
        throw new IllegalArgumentException("Target weight of '" + a + "' is " + target.get(a)
            + "; the rebalancer is long only");
      }
    }
    if (target.sum() > 1 + 1e-9) {
      throw new IllegalArgumentException("Target weights sum to " + target.sum()
          + "; expected at most 1 (no leverage)");
    }
    return new Rebalancer(target, 0, 0, 0, Double.POSITIVE_INFINITY, Map.of());
  }

  /**
   * No trade for a weight within {@code threshold} of its target (absolute, e.g. 0.02).
   *
   * @param threshold the largest absolute drift left alone, a weight in [0, 1] (0.02 = 2 points)
   * @return a copy with the drift threshold
   */
  public Rebalancer withDriftThreshold(double threshold) {
    Checks.inRange(threshold, 0, 1, "threshold");
    return new Rebalancer(target, threshold, minTradeValue, costRate, maxWeight, lots);
  }

  /**
   * Skip trades worth less than {@code value} (currency), except exits.
   *
   * @param value the smallest trade value in the prices' currency, finite and &gt;= 0
   * @return a copy with the minimum trade value
   */
  public Rebalancer withMinimumTradeValue(double value) {
    Checks.finite(value, "value");
    if (value < 0) {
      throw new IllegalArgumentException("Expected value >= 0, but found " + value);
    }
    return new Rebalancer(target, driftThreshold, value, costRate, maxWeight, lots);
  }

  /**
   * Proportional transaction cost: {@code rate x |trade value|} (e.g. 0.001 = 10 bp).
   *
   * @param rate the cost per unit of traded value, a fraction in [0, 1]
   * @return a copy with the cost rate
   */
  public Rebalancer withTransactionCost(double rate) {
    Checks.inRange(rate, 0, 1, "rate");
    return new Rebalancer(target, driftThreshold, minTradeValue, rate, maxWeight, lots);
  }

  /**
   * Positions above {@code maxWeight} are trimmed whatever the drift threshold.
   *
   * @param maxWeight the largest weight of one position, in [0, 1], at least every target weight
   * @return a copy with the maximum weight
   * @throws IllegalArgumentException if a target weight is above it (named)
   */
  public Rebalancer withMaxWeight(double maxWeight) {
    Checks.inRange(maxWeight, 0, 1, "maxWeight");
    for (String a : target.assets()) {
      if (target.get(a) > maxWeight) {
        throw new IllegalArgumentException("Target weight of '" + a + "' is " + target.get(a)
            + ", above the maximum weight " + maxWeight + ": a plan would buy up to the target "
            + "and the next one trim it back; lower the target or raise the maximum");
      }
    }
    return new Rebalancer(target, driftThreshold, minTradeValue, costRate, maxWeight, lots);
  }

  /**
   * Trades in {@code asset} are multiples of {@code lot} shares (default 1).
   *
   * @param asset the asset, not null
   * @param lot shares per lot, &gt; 0
   * @return a copy with the lot size of {@code asset}
   */
  public Rebalancer withLotSize(String asset, long lot) {
    Checks.notNull(asset, "asset");
    if (lot <= 0) {
      throw new IllegalArgumentException("Expected lot size of '" + asset + "' > 0, but found "
          + lot);
    }
    Map<String, Long> m = new HashMap<>(lots);
    m.put(asset, lot);
    return new Rebalancer(target, driftThreshold, minTradeValue, costRate, maxWeight, Map.copyOf(m));
  }

  /**
   * The trades from the current holdings.
   *
   * @param holdings shares per asset (&gt;= 0)
   * @param cash cash in the prices' currency, finite and &gt;= 0
   * @param prices latest price per share of every held or targeted asset (&gt; 0)
   * @return the plan: trades, holdings and cash after them, costs and turnover
   * @throws IllegalArgumentException for a missing or non-positive price, negative holdings, a
   *     portfolio value beyond the double range, or a trade of more than 2^53 shares (named)
   */
  public Plan plan(Map<String, Long> holdings, double cash, AssetVector prices) {
    Checks.notNull(holdings, "holdings");
    Checks.notNull(prices, "prices");
    Checks.finite(cash, "cash");
    if (cash < 0) {
      throw new IllegalArgumentException("Expected cash >= 0, but found " + cash);
    }
    Set<String> universe = new LinkedHashSet<>(holdings.keySet());
    universe.addAll(target.assets());
    Map<String, Double> px = new HashMap<>();
    double value = cash;
    for (String a : universe) {
      if (!prices.contains(a)) {
        throw new IllegalArgumentException("No price for asset '" + a + "'");
      }
      double p = prices.get(a);
      if (!(p > 0)) {
        throw new IllegalArgumentException("Price of '" + a + "' is " + p + "; expected > 0");
      }
      px.put(a, p);
      long s = holdings.getOrDefault(a, 0L);
      if (s < 0) {
        throw new IllegalArgumentException("Holding of '" + a + "' is " + s + "; expected >= 0");
      }
      value += s * p;
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("Portfolio value overflows at '" + a + "': " + s
            + " shares at " + p + " (with the cash and the assets before it) exceed the double "
            + "range");
      }
    }
    if (!(value > 0)) {
      throw new IllegalArgumentException("Portfolio value is " + value + "; nothing to rebalance");
    }
    List<Trade> sells = new ArrayList<>();
    List<Trade> buys = new ArrayList<>();
    Map<String, Double> underweight = new HashMap<>();
    for (String a : universe) {
      double p = px.get(a);
      long held = holdings.getOrDefault(a, 0L);
      double t = target.assets().contains(a) ? target.get(a) : 0;
      double current = held * p / value;
      Reason reason;
      double goal = t;
      if (held > 0 && t == 0) {
        sells.add(trade(a, -held, p, Reason.EXIT));
        continue;
      } else if (current > maxWeight) {
        reason = Reason.CONCENTRATION;
        goal = Math.min(t, maxWeight);
      } else if (held == 0 && t > 0) {
        reason = Reason.NEW_POSITION;
      } else if (Math.abs(current - t) > driftThreshold) {
        reason = Reason.DRIFT;
      } else {
        continue;
      }
      long lot = lots.getOrDefault(a, 1L);
      double raw = (goal * value - held * p) / p;
      if (!(Math.abs(raw) <= MAX_SHARES)) {
        throw new IllegalArgumentException("Trade of '" + a + "' would be " + raw + " shares at "
            + p + ", more than the 2^53 whole shares that can be counted exactly");
      }
      long shares = (long) (raw / lot) * lot; // towards zero
      if (shares == 0 || Math.abs(shares * p) < minTradeValue) {
        continue;
      }
      if (shares < 0) {
        sells.add(trade(a, shares, p, reason));
      } else {
        buys.add(trade(a, shares, p, reason));
        underweight.put(a, t - current);
      }
    }
    double cashAfter = cash;
    for (Trade s : sells) {
      cashAfter += -s.value() - s.cost();
    }
    buys.sort((x, y) -> Double.compare(underweight.get(y.asset()), underweight.get(x.asset())));
    List<Trade> done = new ArrayList<>(sells);
    for (Trade b : buys) {
      long lot = lots.getOrDefault(b.asset(), 1L);
      double perLot = lot * b.price() * (1 + costRate);
      long affordableLots = (long) Math.floor(cashAfter / perLot + 1e-12);
      long shares = Math.min(b.shares(), affordableLots * lot);
      if (shares <= 0 || shares * b.price() < minTradeValue) {
        continue;
      }
      Trade t = trade(b.asset(), shares, b.price(), b.reason());
      if (t.value() + t.cost() > cashAfter) {
        shares -= lot; // rounding at the margin
        if (shares <= 0) {
          continue;
        }
        t = trade(b.asset(), shares, b.price(), b.reason());
      }
      cashAfter -= t.value() + t.cost();
      done.add(t);
    }
    Map<String, Long> after = new LinkedHashMap<>();
    for (String a : universe) {
      after.put(a, holdings.getOrDefault(a, 0L));
    }
    double traded = 0;
    double costs = 0;
    for (Trade t : done) {
      after.merge(t.asset(), t.shares(), Long::sum);
      traded += Math.abs(t.value());
      costs += t.cost();
    }
    after.values().removeIf(v -> v == 0);
    return new Plan(done, after, Math.max(0, cashAfter), costs, traded / value);
  }

  private Trade trade(String asset, long shares, double price, Reason reason) {
    double v = shares * price;
    return new Trade(asset, shares, price, v, costRate * Math.abs(v), reason);
  }

  /**
   * The rules in one line, e.g. {@code Rebalancer: target on 5 assets (sum 0.95, rest cash),
   * drift threshold 0.02, minimum trade 500.00, cost rate 0.001, max weight 0.25, lot sizes
   * {A01=100}}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Rebalancer: target on ").append(target.assets().size())
        .append(" asset").append(target.assets().size() == 1 ? "" : "s").append(" (sum ")
        .append(MeanVariance.fmt(target.sum()))
        .append(target.sum() < 1 - 1e-12 ? ", rest cash)" : ")")
        .append(", drift threshold ").append(MeanVariance.fmt(driftThreshold))
        .append(" (weight), minimum trade ").append(TextTable.num(minTradeValue, 2))
        .append(" (prices' currency), cost rate ").append(MeanVariance.fmt(costRate));
    if (maxWeight < Double.POSITIVE_INFINITY) {
      sb.append(", max weight ").append(MeanVariance.fmt(maxWeight));
    }
    if (!lots.isEmpty()) {
      sb.append(", lot sizes ").append(new java.util.TreeMap<>(lots));
    }
    return sb.toString();
  }
}
