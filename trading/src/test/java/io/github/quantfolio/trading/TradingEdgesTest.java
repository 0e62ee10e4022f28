package io.github.quantfolio.trading;

import static io.github.quantfolio.core.adapters.Side.BUY;
import static io.github.quantfolio.core.adapters.Side.SELL;
import static io.github.quantfolio.trading.LedgerTest.T0;
import static io.github.quantfolio.trading.LedgerTest.fill;
import static io.github.quantfolio.trading.LedgerTest.t;
import static io.github.quantfolio.trading.Tolerance.EXACT;
import static io.github.quantfolio.trading.Tolerance.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.adapters.OrderRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Boundaries and checks that mutation testing showed no test reached: every ledger event's time
 * check, the planner's cash budget with fees to the unit, limits at exactly their value.
 */
class TradingEdgesTest {

  @Test
  void everyEventKindIsCheckedForTimeOrder() {
    Ledger l = Ledger.open(T0, 1000);
    l.record(fill("A", BUY, 1, 100, 0, 10));
    for (Runnable late : List.<Runnable>of(() -> l.deposit(1, t(5)), () -> l.withdraw(1, t(5)),
        () -> l.dividend("A", 1, t(5)), () -> l.split("A", 2, t(5)), () -> l.endOfDay(t(5)))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, late::run);
      assertTrue(e.getMessage().endsWith("is before the ledger's previous event at "
          + t(10)), e.getMessage());
    }
    // at the same time as the previous event: accepted
    l.deposit(1, t(10));
    l.dividend("A", 1, t(10));
    assertNear(1000 - 100 + 1 + 1, l.cash(), EXACT, "cash");
  }

  @Test
  void aDividendThatWouldOverflowIsRefused() {
    Ledger l = Ledger.open(T0, 0.75 * Double.MAX_VALUE);
    l.record(fill("A", BUY, 1, 1, 0, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> l.dividend("A", 0.5 * Double.MAX_VALUE, t(2)));
    assertTrue(e.getMessage().contains("would make the book's values overflow"), e.getMessage());
  }

  @Test
  void theSnapshotIsAtTheLatestEventOrMark() {
    Ledger l = Ledger.open(T0, 1000);
    l.record(fill("A", BUY, 1, 100, 0, 1));
    assertEquals(t(1), l.snapshot().time());
    l.mark("B", 50, t(7)); // a symbol not held: its mark still moves the clock of the snapshot
    assertEquals(t(7), l.snapshot().time());
  }

  @Test
  void theCashBudgetCountsEveryFeeToTheUnit() {
    // cash 10,000, nothing held; buy C at 50 with 10 bps + 2.00 per order, no reserve:
    // 0.3 x 10,000 / 50 = 60 wanted, 3,000 + 5.00 fee fits; D at 100 wants 70 (7,000):
    // 10,000 - 3,005 = 6,995 left; 6,995 - 2 = 6,993 / (100 x 1.001) = 69.86 -> 69 units
    // (6,900 + 8.90 fee = 6,908.90 <= 6,995), the 70th would need 7,009.
    Ledger l = Ledger.open(T0, 10_000);
    OrderPlan plan = OrderPlanner.defaults().withFeeEstimate(10, 2).plan("r", t(1),
        Weights.of(Map.of("C", 0.3, "D", 0.7)), l.snapshot(),
        AssetVector.of(Map.of("C", 50.0, "D", 100.0)));
    List<OrderRequest> o = plan.orders();
    assertEquals("D", o.get(0).symbol(), "D is the more under-weight");
    // D first: 70 x 100 = 7,000 + 9.00 = 7,009 <= 10,000; then C: 2,991 left; (2,991 - 2) /
    // (50 x 1.001) = 59.72 -> 59 units (2,950 + 4.95 = 2,954.95)
    assertNear(70, o.get(0).quantity(), 0, "D");
    assertNear(59, o.get(1).quantity(), 0, "C");
    assertNear(9 + 4.95, plan.estimatedFees(), EXACT, "fees");
    assertNear(10_000 - 7_009 - 2_954.95, plan.estimatedCashAfter(), EXACT, "cash after");
    assertEquals(List.of(new OrderPlan.SkippedTrade("C", 1, 50, OrderPlan.SkipReason
        .INSUFFICIENT_CASH)), plan.skipped());
  }

  @Test
  void plannerSettingsAtAndBeyondTheirLimits() {
    OrderPlanner p = OrderPlanner.defaults();
    p.withCashReserve(0); // the limits themselves are allowed where stated
    p.withFeeEstimate(0, 0);
    p.withMinimumTradeValue(0);
    assertThrows(IllegalArgumentException.class, () -> p.withCashReserve(1));
    assertThrows(IllegalArgumentException.class, () -> p.withCashReserve(-1e-9));
    assertThrows(IllegalArgumentException.class, () -> p.withFeeEstimate(10_000, 0));
    assertThrows(IllegalArgumentException.class, () -> p.withFeeEstimate(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> p.withFeeEstimate(5, -1));
    assertThrows(IllegalArgumentException.class, () -> p.withMinimumTradeValue(-1));
    assertThrows(NullPointerException.class, () -> p.plan("r", null, Weights.of(Map.of("A",
        1.0)), Ledger.open(T0, 1).snapshot(), AssetVector.of(Map.of("A", 1.0))));
  }

  @Test
  void limitsAreInclusive() {
    // an order worth exactly the maximum order value passes; one cent more does not
    AccountProfile p = AccountProfile.paper("P").withMaxOrderValue(25_000)
        .withMaxPositionWeight(0.25).withMaxDailyTrades(1);
    AccountState empty = new AccountState(100_000, Map.of(), 0);
    assertEquals(List.of(), PreTradeCheck.check(p, OrderRequest.market("a", "X", BUY, 250), 100,
        empty));
    assertEquals(PreTradeViolation.Rule.MAX_ORDER_VALUE, PreTradeCheck.check(p,
        OrderRequest.market("b", "X", BUY, 250), 100.0001, empty).get(0).rule());
    // the one allowed trade of the day is allowed; the next is not
    assertEquals(PreTradeViolation.Rule.MAX_DAILY_TRADES, PreTradeCheck.check(p,
        OrderRequest.market("c", "X", SELL, 1), 100, new AccountState(100_000, Map.of(), 1))
        .get(0).rule());
    // sizing: a confidence exactly at the minimum is not below it
    Sizing atMin = PositionSizer.confidenceWeighted(SizingConfig.defaults())
        .size(SizingRequest.of("X", 100, 100_000).withConfidence(0.6));
    assertNear(0.02, atMin.fraction(), EXACT, "base size at the minimum confidence");
  }

  @Test
  void lotsOtherThanOneRoundDown() {
    // 3 % of 100,000 = 3,000 at 7: 428.57 units -> lots of 25: 425; lots of 0.5: 428.5
    SizingRequest r = SizingRequest.of("X", 7, 100_000).withConfidence(0.8);
    PositionSizer s = PositionSizer.confidenceWeighted(SizingConfig.defaults());
    assertNear(425, s.size(r.withLotSize(25)).quantity(), EXACT, "lots of 25");
    assertNear(428.5, s.size(r.withLotSize(0.5)).quantity(), EXACT, "lots of 0.5");
    assertNear(428.5 * 7, s.size(r.withLotSize(0.5)).value(), EXACT, "value");
  }

  @Test
  void optimalFAtItsBoundaries() {
    // a zero mean is no edge: {1, -1} sums to 0
    assertThrows(IllegalArgumentException.class, () -> OptimalF.of(new double[] {1, -1}));
    // a single loss and a larger win: TWR(f) = (1 + 2f)(1 - f), maximal at f = 1/4
    OptimalF opt = OptimalF.of(new double[] {2, -1});
    assertNear(0.25, opt.f(), 1e-12, "f");
    assertNear(1.5 * 0.75, opt.twr(), 1e-12, "TWR");
    assertNear(1, opt.largestLoss(), 0, "largest loss");
  }
}
