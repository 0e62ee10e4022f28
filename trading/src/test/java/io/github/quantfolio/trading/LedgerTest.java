package io.github.quantfolio.trading;

import static io.github.quantfolio.core.adapters.Side.BUY;
import static io.github.quantfolio.core.adapters.Side.SELL;
import static io.github.quantfolio.trading.Tolerance.EXACT;
import static io.github.quantfolio.trading.Tolerance.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.Side;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed ledger cases. Every expected number is worked out in the comment above it, from
 * the accounting rules in {@link Ledger}'s class comment.
 */
class LedgerTest {

  static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");

  static Instant t(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  static Fill fill(String symbol, Side side, double q, double price, double fee, int minute) {
    return Fill.of(symbol, side, q, price, fee, t(minute));
  }

  /** Deposit 10,000; buy 10 @ 100 (fee 1) and 10 @ 110 (fee 1); sell 15 @ 120 (fee 3). */
  static Ledger twoBuysOneSell(LotMethod method) {
    Ledger l = Ledger.open(T0, 10_000, LedgerOptions.defaults().withLotMethod(method));
    l.record(fill("AAPL", BUY, 10, 100, 1, 1));
    l.record(fill("AAPL", BUY, 10, 110, 1, 2));
    l.record(fill("AAPL", SELL, 15, 120, 3, 3));
    l.mark("AAPL", 125, t(4));
    return l;
  }

  @Test
  void fifoClosesTheOldestLotFirst() {
    Ledger l = twoBuysOneSell(LotMethod.FIFO);
    // cash = 10000 - (1000 + 1) - (1100 + 1) + (1800 - 3) = 9695
    assertNear(9695, l.cash(), EXACT, "cash");
    // lot 1 (10 @ 100, fee 1) closed whole: 10 x (120 - 100) - 1 - 3 x 10/15 = 200 - 1 - 2 = 197
    // lot 2 (10 @ 110, fee 1) 5 closed: 5 x 10 - 1 x 5/10 - (3 - 2) = 50 - 0.5 - 1 = 48.5
    List<RoundTrip> trips = l.roundTrips();
    assertEquals(2, trips.size());
    assertNear(197, trips.get(0).pnl(), EXACT, "lot 1 pnl");
    assertNear(3, trips.get(0).fees(), EXACT, "lot 1 fees (1 opening + 2 closing)");
    assertNear(48.5, trips.get(1).pnl(), EXACT, "lot 2 pnl");
    assertNear(1.5, trips.get(1).fees(), EXACT, "lot 2 fees (0.5 opening + 1 closing)");
    LedgerSnapshot s = l.snapshot();
    assertNear(245.5, s.realizedPnl(), EXACT, "realized");
    // open: 5 @ 110 with 0.5 fee left; at 125: 5 x 15 - 0.5 = 74.5
    assertNear(74.5, s.unrealizedPnl(), EXACT, "unrealized");
    // NAV = 9695 + 5 x 125 = 10320 = deposits 10000 + 245.5 + 74.5
    assertNear(10320, s.nav(), EXACT, "nav");
    LedgerPosition p = s.position("AAPL").orElseThrow();
    assertNear(5, p.quantity(), EXACT, "quantity");
    assertNear(110, p.averagePrice(), EXACT, "average price");
    assertNear(0.5, p.openFees(), EXACT, "open fees");
    assertNear(625 / 10320.0, p.weight(), EXACT, "weight");
  }

  @Test
  void lifoClosesTheNewestLotFirst() {
    Ledger l = twoBuysOneSell(LotMethod.LIFO);
    // lot 2 (10 @ 110) closed whole: 10 x 10 - 1 - 2 = 97
    // lot 1 (10 @ 100) 5 closed: 5 x 20 - 0.5 - 1 = 98.5
    List<RoundTrip> trips = l.roundTrips();
    assertNear(97, trips.get(0).pnl(), EXACT, "newest lot");
    assertNear(98.5, trips.get(1).pnl(), EXACT, "older lot");
    LedgerSnapshot s = l.snapshot();
    assertNear(195.5, s.realizedPnl(), EXACT, "realized");
    // open: 5 @ 100 with fee 0.5; at 125: 5 x 25 - 0.5 = 124.5 (total again 320)
    assertNear(124.5, s.unrealizedPnl(), EXACT, "unrealized");
    assertNear(10320, s.nav(), EXACT, "nav");
  }

  @Test
  void averageCostUsesTheWeightedPriceAndFeePerUnit() {
    Ledger l = twoBuysOneSell(LotMethod.AVERAGE_COST);
    // average price (10 x 100 + 10 x 110) / 20 = 105, capitalized fee 2 / 20 = 0.1 per unit
    // closing 15 @ 120: 15 x 15 - 15 x 0.1 - 3 = 225 - 1.5 - 3 = 220.5
    LedgerSnapshot s = l.snapshot();
    assertNear(220.5, s.realizedPnl(), EXACT, "realized");
    // open 5 @ 105 with fee 0.5; at 125: 5 x 20 - 0.5 = 99.5 (total 320)
    assertNear(99.5, s.unrealizedPnl(), EXACT, "unrealized");
    assertNear(105, s.position("AAPL").orElseThrow().averagePrice(), EXACT, "average price");
  }

  @Test
  void aReversalSplitsItsFeeBetweenTheClosedAndTheNewLot() {
    Ledger l = Ledger.open(T0, 10_000, LedgerOptions.defaults().withShorts());
    l.record(fill("X", BUY, 10, 50, 1, 1));
    // sell 30 @ 60, fee 3: 10 close the long (fee share 3 x 10/30 = 1), 20 open a short (fee 2)
    double realized = l.record(fill("X", SELL, 30, 60, 3, 2));
    // closed: 10 x (60 - 50) - 1 (opening fee) - 1 (closing share) = 98
    assertNear(98, realized, EXACT, "realized by the reversing fill");
    assertNear(-20, l.position("X"), EXACT, "short after the reversal");
    LedgerPosition shortPos = l.snapshot().position("X").orElseThrow();
    assertNear(2, shortPos.openFees(), EXACT, "the new short lot carries the other 2 of the fee");
    assertEquals(Direction.SHORT, shortPos.direction());
    // buy back 20 @ 55, fee 2: -1 x 20 x (55 - 60) - 2 - 2 = 96
    assertNear(96, l.record(fill("X", BUY, 20, 55, 2, 3)), EXACT, "short round trip");
    RoundTrip shortTrip = l.roundTrips().get(1);
    assertEquals(Direction.SHORT, shortTrip.direction());
    assertNear(4, shortTrip.fees(), EXACT, "short trip fees");
    // cash = 10000 - 501 + 1797 - 1102 = 10194 = deposits + 98 + 96
    assertNear(10_194, l.cash(), EXACT, "cash");
    assertEquals(0, l.position("X"));
  }

  @Test
  void dividendsAreReceivedOnLongsAndPaidOnShorts() {
    Ledger l = Ledger.open(T0, 10_000, LedgerOptions.defaults().withShorts());
    l.record(fill("L", BUY, 10, 50, 0, 1));
    l.record(fill("S", SELL, 4, 20, 0, 2));
    l.dividend("L", 0.5, t(3)); // +10 x 0.5 = +5
    l.dividend("S", 0.25, t(4)); // -4 x 0.25 = -1
    // cash = 10000 - 500 + 80 + 5 - 1 = 9584
    assertNear(9584, l.cash(), EXACT, "cash");
    LedgerSnapshot s = l.snapshot();
    assertNear(4, s.realizedPnl(), EXACT, "dividends are realized P&L");
    assertNear(5, s.bySymbol().get(0).realized(), EXACT, "L receives");
    assertNear(-1, s.bySymbol().get(1).realized(), EXACT, "S pays");
  }

  @Test
  void aSplitRescalesLotsAndMarksWithoutChangingValue() {
    Ledger l = twoBuysOneSell(LotMethod.FIFO);
    LedgerSnapshot before = l.snapshot();
    l.split("AAPL", 2, t(5));
    LedgerSnapshot after = l.snapshot();
    // 5 @ 110 -> 10 @ 55; mark 125 -> 62.5; unrealized 10 x 7.5 - 0.5 = 74.5 as before
    LedgerPosition p = after.position("AAPL").orElseThrow();
    assertNear(10, p.quantity(), EXACT, "quantity");
    assertNear(55, p.averagePrice(), EXACT, "price");
    assertNear(62.5, p.mark(), EXACT, "mark");
    assertNear(before.unrealizedPnl(), after.unrealizedPnl(), EXACT, "unrealized");
    assertNear(before.nav(), after.nav(), EXACT, "nav");
    // selling the 10 split units at 63 (no fee): 10 x (63 - 55) - 0.5 = 79.5
    assertNear(79.5, l.record(fill("AAPL", SELL, 10, 63, 0, 6)), EXACT, "post-split close");
  }

  @Test
  void marksFromQuotesAndBars() {
    Ledger l = Ledger.open(T0, 10_000);
    l.record(fill("A", BUY, 10, 100, 0, 1));
    l.mark(new io.github.quantfolio.core.adapters.Quote("A", 104, 106, t(2))); // mid 105
    assertNear(50, l.snapshot().unrealizedPnl(), EXACT, "10 x (105 - 100)");
    l.mark(new io.github.quantfolio.core.adapters.OhlcBar("A", t(3), 105, 112, 104, 110, 1e6));
    assertNear(100, l.snapshot().unrealizedPnl(), EXACT, "10 x (110 - 100), the close");
  }

  @Test
  void externalFillBooksTheNetAmount() {
    // Seed 001's example: BUY 0.1 BTC @ 45000, net amount 4500, fees 22.5
    Ledger l = Ledger.open(T0, 10_000);
    l.record(new ExternalFill("BTC", BUY, 0.1, 45_000, 4500, 22.5, t(1)));
    assertNear(10_000 - 4500 - 22.5, l.cash(), EXACT, "cash");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ExternalFill("BTC", BUY, 0.1, 45_000, 4600, 22.5, t(2)));
    assertTrue(e.getMessage().contains("Net amount 4600.0")
        && e.getMessage().contains("= 4500.0"), e.getMessage());
    // rounded to cents: 0.1 x 45000.123 = 4500.0123, reported as 4500.01
    l.record(new ExternalFill("BTC", SELL, 0.1, 45_000.123, 4500.01, 0, t(3)));
  }

  @Test
  void timeWeightedReturnIgnoresDeposits() {
    Ledger l = Ledger.open(T0, 1000);
    l.record(fill("X", BUY, 10, 100, 0, 1));
    l.mark("X", 110, t(2)); // NAV 1100: +10 %
    l.deposit(1100, t(3)); // period 1 growth 1.1; period 2 starts at 2200
    l.mark("X", 99, t(4)); // NAV = 1100 cash + 990 = 2090: period 2 return 2090 / 2200 - 1 = -5 %
    LedgerSnapshot s = l.snapshot();
    assertNear(2090, s.nav(), EXACT, "nav");
    // compounded: 1.1 x 0.95 - 1 = 0.045
    assertNear(0.045, s.totalReturn(), EXACT, "time-weighted return");
    assertNear(-10, s.totalPnl(), EXACT, "P&L = 2090 - 2100 deposits");
  }

  @Test
  void dailyPnlIsMeasuredFromTheLastEndOfDaySnapshot() {
    Ledger l = Ledger.open(T0, 1000);
    l.record(fill("X", BUY, 10, 100, 1, 1));
    l.mark("X", 102, t(2));
    LedgerSnapshot day1 = l.endOfDay(t(3));
    // day 1: NAV 999 + 1020 = 1019 -> daily P&L since opening +19
    assertNear(19, day1.dailyPnl(), EXACT, "day 1");
    l.deposit(500, t(4)); // a deposit is not P&L
    l.mark("X", 101, t(5)); // NAV 1499 + 1010 = 2009; daily = 2009 - 1019 - 500 = -10
    assertNear(-10, l.snapshot().dailyPnl(), EXACT, "day 2 so far");
    assertEquals(List.of(day1), l.endOfDaySnapshots());
  }

  @Test
  void exposureAndLeverage() {
    Ledger l = Ledger.open(T0, 10_000, LedgerOptions.defaults().withShorts());
    l.record(fill("L", BUY, 100, 80, 0, 1)); // long 8000
    l.record(fill("S", SELL, 50, 40, 0, 2)); // short 2000
    LedgerSnapshot s = l.snapshot();
    // cash = 10000 - 8000 + 2000 = 4000; NAV = 4000 + 8000 - 2000 = 10000
    assertNear(10_000, s.nav(), EXACT, "nav");
    assertNear(8000, s.longExposure(), EXACT, "long");
    assertNear(2000, s.shortExposure(), EXACT, "short");
    assertNear(10_000, s.grossExposure(), EXACT, "gross");
    assertNear(6000, s.netExposure(), EXACT, "net");
    assertNear(1.0, s.leverage(), EXACT, "leverage");
  }

  @Test
  void pnlIsAttributedToTheTagsOfTheOpeningFill() {
    Ledger l = Ledger.open(T0, 10_000);
    l.record(fill("A", BUY, 10, 10, 0, 1), FillTags.of("momentum", "sig-1"));
    l.record(fill("A", BUY, 10, 20, 0, 2), FillTags.of("meanrev", "sig-2"));
    // an untagged sell of 15 closes FIFO: all 10 of momentum's lot, 5 of meanrev's
    l.record(fill("A", SELL, 15, 30, 0, 3));
    l.mark("A", 40, t(4));
    LedgerSnapshot s = l.snapshot();
    // momentum: 10 x (30 - 10) = 200 realized; meanrev: 5 x 10 = 50 realized, 5 x 20 = 100 open
    assertEquals(List.of(new PnlLine("meanrev", 50, 100), new PnlLine("momentum", 200, 0)),
        s.byStrategy());
    assertEquals(List.of(new PnlLine("sig-1", 200, 0), new PnlLine("sig-2", 50, 100)),
        s.bySignal());
  }

  @Test
  void roundTripStatisticsAndContributors() {
    Ledger l = Ledger.open(T0, 10_000);
    l.record(fill("W", BUY, 1, 100, 0, 1));
    l.record(fill("W", SELL, 1, 130, 0, 2)); // +30
    l.record(fill("L", BUY, 1, 100, 0, 3));
    l.record(fill("L", SELL, 1, 90, 0, 4)); // -10
    l.record(fill("M", BUY, 1, 100, 0, 5));
    l.record(fill("M", SELL, 1, 110, 0, 6)); // +10
    LedgerSnapshot s = l.snapshot();
    assertEquals(3, s.roundTrips());
    assertEquals(2 / 3.0, s.winRate(), EXACT);
    assertNear(4.0, s.profitFactor(), EXACT, "(30 + 10) / 10");
    assertEquals(List.of("W", "M"), s.topContributors(5).stream().map(PnlLine::key).toList());
    assertEquals(List.of("L"), s.topDetractors(5).stream().map(PnlLine::key).toList());
    assertTrue(s.toString().contains("per-trade win rate 66.67%"), s.toString());
  }

  // ------------------------------------------------------------------ rejections

  /** Each call must throw and leave the ledger's snapshot and history exactly as they were. */
  private static void assertRejectedUnchanged(Ledger l, Runnable call, String expectedText) {
    LedgerSnapshot before = l.snapshot();
    List<LedgerEvent> history = l.history();
    List<RoundTrip> trips = l.roundTrips();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertTrue(e.getMessage().contains(expectedText), e.getMessage());
    assertEquals(before, l.snapshot(), "snapshot changed by a rejected call");
    assertEquals(history, l.history(), "history changed by a rejected call");
    assertEquals(trips, l.roundTrips(), "round trips changed by a rejected call");
  }

  @Test
  void rejectionsNameTheEventAndLeaveTheLedgerUnchanged() {
    Ledger l = twoBuysOneSell(LotMethod.FIFO);
    assertRejectedUnchanged(l, () -> l.record(fill("AAPL", SELL, 6, 120, 0, 10)),
        "SELL 6 'AAPL' @ 120 (fee 0) at 2024-01-02T14:40:00Z would sell more than the 5.0 held");
    assertRejectedUnchanged(l, () -> l.record(fill("MSFT", SELL, 1, 300, 0, 10)),
        "shorts are off");
    assertRejectedUnchanged(l, () -> l.record(fill("AAPL", BUY, 1, 120, 0, 2)),
        "is before the ledger's previous event at 2024-01-02T14:33:00Z");
    assertRejectedUnchanged(l, () -> l.withdraw(1e6, t(10)), "exceeds the cash 9695.0");
    assertRejectedUnchanged(l, () -> l.dividend("MSFT", 1, t(10)), "no open position in 'MSFT'");
    assertRejectedUnchanged(l, () -> l.split("TSLA", 3, t(10)), "never traded or marked 'TSLA'");
    assertRejectedUnchanged(l, () -> l.mark("AAPL", 100, t(3)), "older than its current mark");
    assertRejectedUnchanged(l, () -> l.mark("AAPL", Double.NaN, t(10)),
        "mark price of 'AAPL'");
    Ledger rich = Ledger.open(T0, 0.75 * Double.MAX_VALUE);
    assertRejectedUnchanged(rich, () -> rich.deposit(0.75 * Double.MAX_VALUE, t(1)),
        "would make the book's values overflow");
  }

  @Test
  void invalidFillsAreRejectedBeforeTheyReachALedger() {
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> fill("AAPL", BUY, 1, Double.NaN, 0, 1));
    assertEquals("BUY fill of 'AAPL': expected finite price > 0, but found NaN", nan.getMessage());
    IllegalArgumentException fee = assertThrows(IllegalArgumentException.class,
        () -> fill("AAPL", SELL, 1, 10, -0.5, 1));
    assertEquals("SELL fill of 'AAPL': expected fee >= 0, but found -0.5", fee.getMessage());
    assertThrows(IllegalArgumentException.class, () -> fill("AAPL", BUY, 1e300, 1e10, 0, 1));
  }

  @Test
  void aMarkFrameRowIsAllOrNothing() {
    Ledger l = Ledger.open(T0, 10_000);
    l.record(fill("MSFT", BUY, 1, 300, 0, 1));
    l.record(fill("AAPL", BUY, 1, 100, 0, 2));
    l.mark("AAPL", 101, t(10));
    PriceFrame prices = PriceFrame.of(TimeIndex.ofInstants(t(5)), List.of("MSFT", "AAPL"),
        new double[][] {{310}, {90}});
    // MSFT's price is valid, AAPL's is older than its mark: neither is applied
    assertRejectedUnchanged(l, () -> l.mark(prices, 0), "older than its current mark");
    assertNear(300, l.snapshot().position("MSFT").orElseThrow().mark(), EXACT, "MSFT mark");
  }
}
