package io.github.quantfolio.trading;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.Rebalancer;
import io.github.quantfolio.trading.OrderPlan.SkipReason;
import io.github.quantfolio.trading.OrderPlan.SkippedTrade;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a decision (target weights, or a {@link Rebalancer.Plan}) and the book into market
 * orders with deterministic client order ids. Immutable; {@code with...} returns a new planner.
 *
 * <p><b>From target weights.</b> With {@code V} the book's NAV and {@code p} the planning price
 * of a symbol, its target quantity is {@code w x V / p}. For every symbol held or in the target:
 * <ul>
 *   <li>a position whose target is 0 or of the other sign is closed whole (never rounded or
 *       skipped), and a target of the other sign is then opened as a second order (leg 1), as
 *       brokers that do not flip a position in one order require;</li>
 *   <li>otherwise the trade {@code target - held} is rounded towards zero to a whole number of
 *       the symbol's lots; a trade of less than one lot or worth less than the minimum trade
 *       value is left out and listed in {@link OrderPlan#skipped()}.</li>
 * </ul>
 * Sells come first; their proceeds, net of estimated fees, fund the buys. Buys that cover a short
 * come first, then the others by decreasing under-weight ({@code w - held x p / V}); a buy the
 * cash (less the reserve of {@code cashReserve x V} and the buys' estimated fees) cannot pay is
 * cut to the lots it can, and the rest is listed as {@link SkipReason#INSUFFICIENT_CASH}.
 *
 * <p><b>Retries.</b> Each order's id is {@link ClientOrderIds#of}(runId, decisionTime, symbol,
 * leg). Planning again from the same inputs gives the same orders with the same ids, which a
 * broker executes at most once; so after a crash, re-plan from the decision's inputs (the book
 * and prices as they were at the decision) and re-submit everything.
 *
 * @since 0.1.0
 */
public final class OrderPlanner {

  private final double minimumTradeValue;
  private final double cashReserve;
  private final double feeRate;
  private final double fixedFee;
  private final double defaultLot;
  private final Map<String, Double> lots;
  private final boolean shorts;

  private OrderPlanner(double minimumTradeValue, double cashReserve, double feeRate,
      double fixedFee, double defaultLot, Map<String, Double> lots, boolean shorts) {
    this.minimumTradeValue = minimumTradeValue;
    this.cashReserve = cashReserve;
    this.feeRate = feeRate;
    this.fixedFee = fixedFee;
    this.defaultLot = defaultLot;
    this.lots = lots;
    this.shorts = shorts;
  }

  /**
   * Whole units (lot size 1), no minimum trade value, no cash reserve, no fee estimate, long
   * only.
   *
   * @return the default planner
   */
  public static OrderPlanner defaults() {
    return new OrderPlanner(0, 0, 0, 0, 1, Map.of(), false);
  }

  /**
   * Leaves out trades worth less than {@code value} (full closes are always made).
   *
   * @param value the minimum {@code |quantity| x price}, finite and &gt;= 0
   * @return a new planner
   */
  public OrderPlanner withMinimumTradeValue(double value) {
    nonNegative(value, "minimum trade value");
    return new OrderPlanner(value, cashReserve, feeRate, fixedFee, defaultLot, lots, shorts);
  }

  /**
   * Keeps {@code fraction x NAV} in cash after the buys (a buffer for fees and fill prices
   * above the planning price).
   *
   * @param fraction in [0, 1)
   * @return a new planner
   */
  public OrderPlanner withCashReserve(double fraction) {
    Checks.finite(fraction, "cash reserve");
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("Expected 0 <= cash reserve < 1, but found " + fraction);
    }
    return new OrderPlanner(minimumTradeValue, fraction, feeRate, fixedFee, defaultLot, lots,
        shorts);
  }

  /**
   * Estimates each order's fee as {@code bps / 10^4 x value + fixed} when budgeting cash.
   *
   * @param bps proportional fee in basis points, in [0, 10^4)
   * @param fixed fee per order, finite and &gt;= 0
   * @return a new planner
   */
  public OrderPlanner withFeeEstimate(double bps, double fixed) {
    Checks.finite(bps, "fee bps");
    if (!(bps >= 0 && bps < 10_000)) {
      throw new IllegalArgumentException("Expected 0 <= fee bps < 10000, but found " + bps);
    }
    nonNegative(fixed, "fixed fee");
    return new OrderPlanner(minimumTradeValue, cashReserve, bps / 10_000, fixed, defaultLot, lots,
        shorts);
  }

  /**
   * Sets the lot size of every symbol without its own (1 by default: whole units; e.g. 1e-4 for
   * a crypto exchange's step size).
   *
   * @param lot units per lot, finite and &gt; 0
   * @return a new planner
   */
  public OrderPlanner withLotSize(double lot) {
    Checks.positive(lot, "lot size");
    return new OrderPlanner(minimumTradeValue, cashReserve, feeRate, fixedFee, lot, lots, shorts);
  }

  /**
   * Sets the lot size of one symbol.
   *
   * @param symbol the instrument
   * @param lot units per lot, finite and &gt; 0
   * @return a new planner
   */
  public OrderPlanner withLotSize(String symbol, double lot) {
    Checks.notNull(symbol, "symbol");
    Checks.positive(lot, "lot size of '" + symbol + "'");
    Map<String, Double> m = new HashMap<>(lots);
    m.put(symbol, lot);
    return new OrderPlanner(minimumTradeValue, cashReserve, feeRate, fixedFee, defaultLot,
        Map.copyOf(m), shorts);
  }

  /**
   * Allows negative target weights (short positions).
   *
   * @return a new planner
   */
  public OrderPlanner withShorts() {
    return new OrderPlanner(minimumTradeValue, cashReserve, feeRate, fixedFee, defaultLot, lots,
        true);
  }

  /**
   * Plans the orders that move {@code book} to {@code target} (see the class comment).
   *
   * @param runId the caller's name of the run (part of every client order id; not blank)
   * @param decisionTime when the decision was taken
   * @param target target weights of the NAV (negative only with {@link #withShorts()}); symbols
   *     held but not in the target are closed
   * @param book the account's book at the decision (NAV, cash, positions)
   * @param prices planning prices, finite and &gt; 0, of every symbol held or with a non-zero
   *     target
   * @return the plan
   * @throws IllegalArgumentException naming the symbol for a missing or invalid price or weight,
   *     or if the NAV is not positive
   */
  public OrderPlan plan(String runId, Instant decisionTime, Weights target, LedgerSnapshot book,
      AssetVector prices) {
    Checks.notNull(target, "target");
    Checks.notNull(book, "book");
    Checks.notNull(prices, "prices");
    MessageDigest sha = ClientOrderIds.sha256();
    ClientOrderIds.check(runId, decisionTime);
    double nav = book.nav();
    if (!(nav > 0) || !Double.isFinite(nav)) {
      throw new IllegalArgumentException("Cannot plan target weights on a book whose NAV is "
          + nav + " at " + book.time());
    }
    Map<String, Double> held = new HashMap<>();
    for (LedgerPosition p : book.positions()) {
      held.put(p.symbol(), p.quantity());
    }
    TreeSet<String> symbols = new TreeSet<>(target.assets());
    symbols.addAll(held.keySet());
    List<Wanted> wanted = new ArrayList<>();
    List<SkippedTrade> skipped = new ArrayList<>();
    for (String s : symbols) {
      double w = target.getOrZero(s);
      Checks.finite(w, "target weight of '" + s + "'");
      if (w < 0 && !shorts) {
        throw new IllegalArgumentException("Target weight of '" + s + "' is " + w
            + " < 0, but shorts are off (OrderPlanner.withShorts() allows them)");
      }
      double q = held.getOrDefault(s, 0.0);
      if (w == 0 && q == 0) {
        continue;
      }
      double p = price(prices, s);
      double goal = w * nav / p;
      double underweight = w - q * p / nav;
      if (q != 0 && (goal == 0 || Math.signum(goal) != Math.signum(q))) {
        wanted.add(new Wanted(s, 0, -q, p, underweight, q < 0));
        add(wanted, skipped, s, 1, goal, p, underweight);
      } else {
        add(wanted, skipped, s, 0, goal - q, p, underweight);
      }
    }
    return budget(runId, decisionTime, wanted, skipped, nav, book.cash(), sha);
  }

  /**
   * Turns the trades of a {@link Rebalancer.Plan} (already in execution order, sells first, in
   * whole shares) into market orders, one per trade, with ids of leg 0.
   *
   * @param runId the caller's name of the run (not blank)
   * @param decisionTime when the decision was taken
   * @param plan the rebalancer's plan
   * @return the orders (nothing skipped; fees and cash as the rebalancer estimated them; NAV
   *     NaN, since a rebalancer plan does not carry it)
   */
  public OrderPlan plan(String runId, Instant decisionTime, Rebalancer.Plan plan) {
    Checks.notNull(plan, "plan");
    MessageDigest sha = ClientOrderIds.sha256();
    List<OrderRequest> orders = new ArrayList<>();
    for (Rebalancer.Trade t : plan.trades()) {
      Side side = t.shares() > 0 ? Side.BUY : Side.SELL;
      orders.add(OrderRequest.market(ClientOrderIds.of(runId, decisionTime, t.asset(), 0, sha),
          t.asset(), side, Math.abs((double) t.shares())));
    }
    return new OrderPlan(runId, decisionTime, orders, List.of(), Double.NaN, plan.totalCost(),
        plan.cash());
  }

  // ------------------------------------------------------------------ internals

  /** A trade the target asks for, before the cash budget. */
  private record Wanted(String symbol, int leg, double quantity, double price,
      double underweight, boolean cover) {
  }

  private void add(List<Wanted> wanted, List<SkippedTrade> skipped, String s, int leg,
      double delta, double p, double underweight) {
    if (delta == 0) {
      return;
    }
    double lot = lots.getOrDefault(s, defaultLot);
    double q = Math.copySign(Math.floor(Math.abs(delta) / lot + 1e-9) * lot, delta);
    if (q == 0) {
      skipped.add(new SkippedTrade(s, delta, p, SkipReason.LESS_THAN_ONE_LOT));
    } else if (Math.abs(q) * p < minimumTradeValue) {
      skipped.add(new SkippedTrade(s, q, p, SkipReason.BELOW_MINIMUM_VALUE));
    } else {
      wanted.add(new Wanted(s, leg, q, p, underweight, false));
    }
  }

  private OrderPlan budget(String runId, Instant time, List<Wanted> wanted,
      List<SkippedTrade> skipped, double nav, double cash, MessageDigest sha) {
    List<OrderRequest> orders = new ArrayList<>();
    double fees = 0;
    for (Wanted w : wanted) {
      if (w.quantity() < 0) {
        double value = -w.quantity() * w.price();
        double fee = fee(value);
        cash += value - fee;
        fees += fee;
        orders.add(order(runId, time, w, -w.quantity(), Side.SELL, sha));
      }
    }
    List<Wanted> buys = new ArrayList<>();
    for (Wanted w : wanted) {
      if (w.quantity() > 0) {
        buys.add(w);
      }
    }
    buys.sort(Comparator.comparing((Wanted w) -> !w.cover())
        .thenComparing(Comparator.comparingDouble(Wanted::underweight).reversed())
        .thenComparing(Wanted::symbol));
    double available = cash - cashReserve * nav;
    for (Wanted w : buys) {
      double q = w.quantity();
      if (q * w.price() + fee(q * w.price()) > available) {
        double lot = lots.getOrDefault(w.symbol(), defaultLot);
        double affordable = Math.max(available - fixedFee, 0) / (w.price() * (1 + feeRate));
        q = Math.min(Math.floor(affordable / lot) * lot, q);
        skipped.add(new SkippedTrade(w.symbol(), w.quantity() - q, w.price(),
            SkipReason.INSUFFICIENT_CASH));
      }
      if (q > 0) {
        double value = q * w.price();
        double fee = fee(value);
        available -= value + fee;
        cash -= value + fee;
        fees += fee;
        orders.add(order(runId, time, w, q, Side.BUY, sha));
      }
    }
    return new OrderPlan(runId, time, orders, skipped, nav, fees, cash);
  }

  private static OrderRequest order(String runId, Instant time, Wanted w, double q, Side side,
      MessageDigest sha) {
    return OrderRequest.market(ClientOrderIds.of(runId, time, w.symbol(), w.leg(), sha),
        w.symbol(), side, q);
  }

  private double fee(double value) {
    return feeRate * value + fixedFee;
  }

  private static double price(AssetVector prices, String s) {
    if (!prices.contains(s)) {
      throw new IllegalArgumentException("No planning price for '" + s + "' (held or in the"
          + " target); prices are given for " + prices.assets());
    }
    return Checks.positive(prices.get(s), "planning price of '" + s + "'");
  }

  private static void nonNegative(double v, String name) {
    Checks.finite(v, name);
    if (v < 0) {
      throw new IllegalArgumentException("Expected " + name + " >= 0, but found " + v);
    }
  }
}
