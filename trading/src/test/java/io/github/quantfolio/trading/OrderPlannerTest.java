package io.github.quantfolio.trading;

import static io.github.quantfolio.core.adapters.Side.BUY;
import static io.github.quantfolio.core.adapters.Side.SELL;
import static io.github.quantfolio.trading.LedgerTest.T0;
import static io.github.quantfolio.trading.LedgerTest.fill;
import static io.github.quantfolio.trading.LedgerTest.t;
import static io.github.quantfolio.trading.Tolerance.EXACT;
import static io.github.quantfolio.trading.Tolerance.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.optimize.Rebalancer;
import io.github.quantfolio.trading.OrderPlan.SkipReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OrderPlannerTest {

  /** Cash 4,000, 30 A @ 100, 30 B @ 100: NAV 10,000. */
  static LedgerSnapshot book() {
    Ledger l = Ledger.open(T0, 10_000);
    l.record(fill("A", BUY, 30, 100, 0, 1));
    l.record(fill("B", BUY, 30, 100, 0, 2));
    return l.snapshot();
  }

  static final AssetVector PRICES = AssetVector.of(Map.of("A", 100.0, "B", 100.0, "C", 50.0));

  private static void assertOrder(OrderRequest o, Side side, String symbol, double q) {
    assertEquals(side, o.side(), o.toString());
    assertEquals(symbol, o.symbol(), o.toString());
    assertNear(q, o.quantity(), EXACT, "quantity of " + o);
  }

  @Test
  void sellsFirstThenBuysByUnderweight() {
    Weights target = Weights.of(Map.of("A", 0.5, "C", 0.3));
    OrderPlan plan = OrderPlanner.defaults().plan("run-1", t(10), target, book(), PRICES);
    // A: 0.5 x 10000 / 100 = 50 -> buy 20; B: not in the target -> sell 30; C: 3000 / 50 = 60.
    // Sells first (B), then C (under-weight 0.3) before A (0.5 - 0.3 = 0.2).
    List<OrderRequest> o = plan.orders();
    assertEquals(3, o.size(), plan.toString());
    assertOrder(o.get(0), SELL, "B", 30);
    assertOrder(o.get(1), BUY, "C", 60);
    assertOrder(o.get(2), BUY, "A", 20);
    // cash 4000 + 3000 - 3000 - 2000 = 2000
    assertNear(2000, plan.estimatedCashAfter(), EXACT, "cash after");
    assertEquals(ClientOrderIds.of("run-1", t(10), "B", 0), o.get(0).clientOrderId());
    assertEquals(plan, OrderPlanner.defaults().plan("run-1", t(10), target, book(), PRICES),
        "the same inputs give the same plan, ids included");
  }

  @Test
  void lotsMinimumValueAndCash() {
    // C: lot 7 -> 60 rounds down to 56; A: +20 worth 2000 is below the minimum 2500 -> skipped.
    // With a 45% reserve (4500) and 10 bps + 1 fees: after selling B: cash 4000 + 3000 - 4 = 6996;
    // available for buys 6996 - 4500 = 2496; C wants 56 x 50 = 2800 + 3.8 fee -> cut to
    // floor((2496 - 1) / (50 x 1.001) / 7) x 7 = floor(49.85 / 7) x 7 = 49.
    OrderPlanner planner = OrderPlanner.defaults().withLotSize("C", 7)
        .withMinimumTradeValue(2500).withCashReserve(0.45).withFeeEstimate(10, 1);
    OrderPlan plan = planner.plan("run", t(10), Weights.of(Map.of("A", 0.5, "C", 0.3)), book(),
        PRICES);
    assertEquals(2, plan.orders().size(), plan.toString());
    assertOrder(plan.orders().get(0), SELL, "B", 30);
    assertOrder(plan.orders().get(1), BUY, "C", 49);
    assertEquals(List.of(
        new OrderPlan.SkippedTrade("A", 20, 100, SkipReason.BELOW_MINIMUM_VALUE),
        new OrderPlan.SkippedTrade("C", 7, 50, SkipReason.INSUFFICIENT_CASH)), plan.skipped());
    // fees: sell 3000 x 0.001 + 1 = 4; buy 2450 x 0.001 + 1 = 3.45
    assertNear(7.45, plan.estimatedFees(), EXACT, "fees");
    assertNear(6996 - 2453.45, plan.estimatedCashAfter(), EXACT, "cash after");
  }

  @Test
  void lessThanOneLotIsSkippedButAFullCloseIsNot() {
    OrderPlanner planner = OrderPlanner.defaults().withLotSize(50).withMinimumTradeValue(1e6);
    // A: 0.32 x 10000 / 100 = 32 -> +2, less than a lot of 50; B exits whole (30, not a lot
    // multiple, and below the minimum value).
    OrderPlan plan = planner.plan("run", t(10), Weights.of(Map.of("A", 0.32)), book(), PRICES);
    assertEquals(1, plan.orders().size(), plan.toString());
    assertOrder(plan.orders().get(0), SELL, "B", 30);
    assertEquals(SkipReason.LESS_THAN_ONE_LOT, plan.skipped().get(0).reason());
  }

  @Test
  void aReversalIsTwoLegsAndCoversComeFirst() {
    Ledger l = Ledger.open(T0, 10_000, LedgerOptions.defaults().withShorts());
    l.record(fill("A", BUY, 30, 100, 0, 1)); // long 3000
    l.record(fill("B", SELL, 20, 100, 0, 2)); // short 2000; cash 9000, NAV 10000
    // target A -0.2 (short 20), B +0.1 (long 10), C +0.4 (80)
    OrderPlan plan = OrderPlanner.defaults().withShorts().plan("run", t(10),
        Weights.of(Map.of("A", -0.2, "B", 0.1, "C", 0.4)), l.snapshot(), PRICES);
    List<OrderRequest> o = plan.orders();
    assertEquals(5, o.size(), plan.toString());
    assertOrder(o.get(0), SELL, "A", 30); // close the long (leg 0)
    assertOrder(o.get(1), SELL, "A", 20); // open the short (leg 1)
    assertOrder(o.get(2), BUY, "B", 20); // cover the short first (leg 0)
    assertOrder(o.get(3), BUY, "C", 80);
    assertOrder(o.get(4), BUY, "B", 10); // then open the long (leg 1)
    assertEquals(ClientOrderIds.of("run", t(10), "A", 1), o.get(1).clientOrderId());
    assertNotEquals(o.get(0).clientOrderId(), o.get(1).clientOrderId());
  }

  @Test
  void badInputNamesTheSymbol() {
    OrderPlanner p = OrderPlanner.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.plan("r",
        t(1), Weights.of(Map.of("A", 0.5, "Z", 0.5)), book(), PRICES));
    assertTrue(e.getMessage().startsWith("No planning price for 'Z'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.plan("r", t(1),
        Weights.of(Map.of("A", -0.5)), book(), PRICES));
    assertEquals("Target weight of 'A' is -0.5 < 0, but shorts are off"
        + " (OrderPlanner.withShorts() allows them)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.plan(" ", t(1),
        Weights.of(Map.of("A", 0.5)), book(), PRICES));
    assertEquals("Argument 'runId' must not be blank", e.getMessage());
    AssetVector badPrice = AssetVector.of(Map.of("A", -5.0, "B", 100.0));
    e = assertThrows(IllegalArgumentException.class, () -> p.plan("r", t(1),
        Weights.of(Map.of("A", 0.5)), book(), badPrice));
    assertEquals("Expected finite planning price of 'A' > 0, but found -5.0", e.getMessage());
  }

  @Test
  void clientOrderIdsAreShortSafeAndDeterministic() {
    Pattern safe = Pattern.compile("[A-Za-z0-9_-]{32}");
    Set<String> ids = new HashSet<>();
    for (int run = 0; run < 20; run++) {
      for (int minute = 0; minute < 20; minute++) {
        for (String s : List.of("AAPL", "MSFT", "BTC-USD")) {
          for (int leg = 0; leg < 2; leg++) {
            String id = ClientOrderIds.of("run" + run, t(minute), s, leg);
            assertTrue(safe.matcher(id).matches(), id);
            assertEquals(id, ClientOrderIds.of("run" + run, t(minute), s, leg));
            ids.add(id);
          }
        }
      }
    }
    assertEquals(20 * 20 * 3 * 2, ids.size(), "distinct decisions get distinct ids");
    // the parts are length-prefixed: ("ab", "c") and ("a", "bc") differ
    assertNotEquals(ClientOrderIds.of("a|2024", t(0), "X", 0), ClientOrderIds.of("a", t(0), "X", 0));
  }

  @Test
  void rebalancerPlansBecomeOrders() {
    Rebalancer.Plan rp = Rebalancer.of(Weights.of(Map.of("A", 0.5, "C", 0.5)))
        .plan(Map.of("A", 30L, "B", 30L), 4000, PRICES);
    OrderPlan plan = OrderPlanner.defaults().plan("run", t(10), rp);
    assertEquals(rp.trades().size(), plan.orders().size());
    for (int i = 0; i < rp.trades().size(); i++) {
      Rebalancer.Trade tr = rp.trades().get(i);
      OrderRequest o = plan.orders().get(i);
      assertEquals(tr.asset(), o.symbol());
      assertEquals(tr.shares() > 0 ? BUY : SELL, o.side());
      assertNear(Math.abs(tr.shares()), o.quantity(), 0, "shares of " + tr.asset());
    }
  }

  /**
   * Submit, crash, re-plan, resubmit: the broker executes each order once. The first run submits
   * two of the three orders and "crashes"; the retry plans again from the decision's inputs and
   * submits all three; the broker sees the first two ids again and returns them unchanged.
   */
  @Test
  void aRetriedDecisionCycleTradesOnce() {
    Instant decision = t(10);
    LedgerSnapshot atDecision = book();
    Weights target = Weights.of(Map.of("A", 0.5, "C", 0.3));
    // the broker holds what the book says: 30 A and 30 B bought with their own ids, cash 4000
    PaperBroker broker = PaperBroker.withCash(10_000, Clock.fixed(decision, ZoneOffset.UTC));
    for (String s : List.of("A", "B", "C")) {
      broker.updateQuote(Quote.of(s, PRICES.get(s), decision));
    }
    broker.submit(OrderRequest.market("setup-A", "A", BUY, 30));
    broker.submit(OrderRequest.market("setup-B", "B", BUY, 30));

    OrderPlan first = OrderPlanner.defaults().plan("run-7", decision, target, atDecision, PRICES);
    broker.submit(first.orders().get(0));
    broker.submit(first.orders().get(1));
    // crash: the process dies here; the retry knows only the decision's inputs
    OrderPlan retry = OrderPlanner.defaults().plan("run-7", decision, target, atDecision, PRICES);
    assertEquals(first, retry);
    for (OrderRequest o : retry.orders()) {
      Order result = broker.submit(o);
      assertEquals(OrderStatus.FILLED, result.status(), result.toString());
    }
    // one execution per order: positions are exactly the target (A 50, C 60, B 0)
    Map<String, Double> held = new HashMap<>();
    for (Position p : broker.positions()) {
      held.put(p.symbol(), p.quantity());
    }
    assertEquals(Map.of("A", 50.0, "C", 60.0), held);
    assertNear(10_000 - 6000 + 3000 - 3000 - 2000, broker.account().cash(), EXACT, "cash");
  }
}
