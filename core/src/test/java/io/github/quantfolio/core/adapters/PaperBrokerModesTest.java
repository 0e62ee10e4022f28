package io.github.quantfolio.core.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fees, shorts, stop orders, time in force, bar-driven fills, partial fills and fill listeners.
 * Every expected number is worked out in the comment next to it.
 */
class PaperBrokerModesTest {

  static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
  static final double EXACT = 1e-9;

  static Instant day(int d) {
    return T0.plusSeconds(86_400L * d);
  }

  static OhlcBar bar(String s, int d, double o, double h, double l, double c) {
    return new OhlcBar(s, day(d), o, h, l, c, Double.NaN);
  }

  @Test
  void feesAreChargedPerExecution() {
    // 10 bps + 1.00 fixed, at least 5.00
    PaperBroker b = PaperBroker.builder(10_000).withClock(Clock.fixed(T0, ZoneOffset.UTC))
        .withFees(FeeModel.bps(10).withFixed(1).withMinimum(5)).build();
    b.updateQuote(Quote.of("AAA", 100, T0));
    Order small = b.submit(OrderRequest.market("s", "AAA", Side.BUY, 10));
    // notional 1000: 1000 x 0.001 + 1 = 2 < minimum 5 -> fee 5; cash 10000 - 1000 - 5 = 8995
    assertEquals(5, small.fees(), EXACT);
    Order big = b.submit(OrderRequest.market("b", "AAA", Side.BUY, 60));
    // notional 6000: 6 + 1 = 7; cash 8995 - 6007 = 2988
    assertEquals(7, big.fees(), EXACT);
    assertEquals(2988, b.account().cash(), EXACT);
    // a buy that the fee makes unaffordable: 29 x 100 = 2900 + max(2.9 + 1, 5) = 2905 <= 2988 ok;
    // 30 x 100 = 3000 > 2988
    assertEquals(OrderStatus.REJECTED,
        b.submit(OrderRequest.market("x", "AAA", Side.BUY, 30)).status());
    assertEquals(OrderStatus.FILLED,
        b.submit(OrderRequest.market("y", "AAA", Side.BUY, 29)).status());
  }

  @Test
  void shortsAreHeldWhenAllowed() {
    PaperBroker b = PaperBroker.builder(1000).withShorts()
        .withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    b.updateQuote(new Quote("AAA", 99, 101, T0));
    b.submit(OrderRequest.market("s1", "AAA", Side.SELL, 10)); // short 10 at the bid 99: +990
    assertEquals(List.of(new Position("AAA", -10, 99)), b.positions());
    assertEquals(1990, b.account().cash(), EXACT);
    // marked at the mid 100: -1000; equity 990
    assertEquals(990, b.account().equity(), EXACT);
    b.updateQuote(new Quote("AAA", 89, 91, T0));
    b.submit(OrderRequest.market("s2", "AAA", Side.SELL, 10)); // add 10 at 89: average 94
    assertEquals(List.of(new Position("AAA", -20, 94)), b.positions());
    b.submit(OrderRequest.market("c1", "AAA", Side.BUY, 30)); // cover 20, go long 10 at 91
    assertEquals(List.of(new Position("AAA", 10, 91)), b.positions());
    // cash 1990 + 890 - 30 x 91 = 150
    assertEquals(150, b.account().cash(), EXACT);
  }

  @Test
  void stopsTriggerOnTheQuoteSide() {
    PaperBroker b = PaperBroker.builder(10_000).withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    b.updateQuote(new Quote("AAA", 99, 100, T0));
    b.submit(OrderRequest.market("own", "AAA", Side.BUY, 10));
    b.submit(OrderRequest.stop("buyStop", "AAA", Side.BUY, 1, 105));
    b.submit(OrderRequest.stop("sellStop", "AAA", Side.SELL, 10, 95));
    b.submit(OrderRequest.stopLimit("sl", "AAA", Side.BUY, 1, 103, 104));
    b.updateQuote(new Quote("AAA", 103, 104, T0)); // ask 104 >= 103: sl triggers, 104 <= 104 fills
    assertEquals(104, b.order("sl").orElseThrow().averageFillPrice(), EXACT);
    assertEquals(OrderStatus.OPEN, b.order("buyStop").orElseThrow().status());
    b.updateQuote(new Quote("AAA", 106, 107, T0)); // ask 107 >= 105: fills at the ask 107
    assertEquals(107, b.order("buyStop").orElseThrow().averageFillPrice(), EXACT);
    b.updateQuote(new Quote("AAA", 94, 95, T0)); // bid 94 <= 95: fills at the bid 94
    assertEquals(94, b.order("sellStop").orElseThrow().averageFillPrice(), EXACT);
  }

  @Test
  void timeInForceInQuoteMode() {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    PaperBroker b = PaperBroker.builder(10_000).withClock(clock).build();
    b.updateQuote(new Quote("AAA", 99, 100, T0));
    Order ioc = b.submit(OrderRequest.limit("ioc", "AAA", Side.BUY, 1, 90)
        .withTimeInForce(TimeInForce.IOC));
    assertEquals(OrderStatus.CANCELLED, ioc.status());
    assertEquals("IOC order not marketable at submission", ioc.message());
    b.submit(OrderRequest.limit("day", "AAA", Side.BUY, 1, 90).withTimeInForce(TimeInForce.DAY));
    b.submit(OrderRequest.limit("gtc", "AAA", Side.BUY, 1, 90));
    b.updateQuote(new Quote("AAA", 98, 99, T0.plusSeconds(3600))); // same day: still open
    assertEquals(OrderStatus.OPEN, b.order("day").orElseThrow().status());
    b.updateQuote(new Quote("AAA", 89, 90, day(1))); // next day: DAY expires before matching
    Order day = b.order("day").orElseThrow();
    assertEquals(OrderStatus.EXPIRED, day.status());
    assertEquals("DAY order expired at the end of 2026-11-20", day.message());
    assertEquals(OrderStatus.FILLED, b.order("gtc").orElseThrow().status());
  }

  @Test
  void barsFillByTheBacktestersRules() {
    PaperBroker b = PaperBroker.builder(100_000).barDriven().withShorts()
        .withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    b.updateBar(bar("AAA", 0, 100, 101, 99, 100));
    b.submit(OrderRequest.market("mkt", "AAA", Side.BUY, 10));
    b.submit(OrderRequest.limit("lim", "AAA", Side.BUY, 1, 96));
    b.submit(OrderRequest.limit("limGap", "AAA", Side.BUY, 1, 99));
    b.submit(OrderRequest.stop("stopGap", "AAA", Side.SELL, 1, 99));
    b.submit(OrderRequest.stop("stop", "AAA", Side.SELL, 1, 96));
    b.submit(OrderRequest.stop("buyStop", "AAA", Side.BUY, 1, 102));
    assertEquals(OrderStatus.OPEN, b.order("mkt").orElseThrow().status(), "waits for a bar");
    // next bar opens at 98 (a gap down), high 99, low 95, close 97
    b.updateBar(bar("AAA", 1, 98, 99, 95, 97));
    assertEquals(98, price(b, "mkt"), EXACT); // market: the open
    assertEquals(96, price(b, "lim"), EXACT); // low 95 <= 96 < open: at the limit
    assertEquals(98, price(b, "limGap"), EXACT); // open 98 <= 99: at the open
    assertEquals(98, price(b, "stopGap"), EXACT); // open 98 <= stop 99: gapped, at the open
    assertEquals(96, price(b, "stop"), EXACT); // low 95 <= 96 < open: at the stop
    assertEquals(OrderStatus.OPEN, b.order("buyStop").orElseThrow().status()); // high 99 < 102
  }

  @Test
  void stopLimitOrdersOnBars() {
    PaperBroker b = PaperBroker.builder(100_000).barDriven()
        .withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    b.updateBar(bar("AAA", 0, 100, 100, 100, 100));
    b.submit(OrderRequest.stopLimit("within", "AAA", Side.BUY, 1, 102, 103));
    b.submit(OrderRequest.stopLimit("beyond", "AAA", Side.BUY, 1, 102, 101));
    b.submit(OrderRequest.stopLimit("gap", "AAA", Side.BUY, 1, 101, 106));
    // open 100, high 105, low 99: "within" triggers intrabar at 102 <= 103 -> fills at 102;
    // "beyond" triggers at 102 > limit 101: the path after the trigger is unknown -> waits;
    // "gap": stop 101 reached intrabar, 101 <= 106 -> 101
    b.updateBar(bar("AAA", 1, 100, 105, 99, 104));
    assertEquals(102, price(b, "within"), EXACT);
    assertEquals(101, price(b, "gap"), EXACT);
    assertEquals(OrderStatus.OPEN, b.order("beyond").orElseThrow().status());
    // next bar opens 100.5 <= limit 101: the triggered limit fills at the open
    b.updateBar(bar("AAA", 2, 100.5, 102, 100, 101));
    assertEquals(100.5, price(b, "beyond"), EXACT);
  }

  @Test
  void partialFillsAcrossBarsAndListeners() {
    PaperBroker b = PaperBroker.builder(1_000_000).barDriven().withBarParticipation(0.1)
        .withFees(FeeModel.bps(10)).withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    List<Fill> seen = new ArrayList<>();
    b.addFillListener(seen::add);
    b.updateBar(new OhlcBar("AAA", day(0), 10, 10, 10, 10, 1000));
    b.submit(OrderRequest.market("big", "AAA", Side.BUY, 250));
    // at most 10% of each bar's volume: 100 at 11, 100 at 12, then 50 at 13
    b.updateBar(new OhlcBar("AAA", day(1), 11, 11, 11, 11, 1000));
    Order after1 = b.order("big").orElseThrow();
    assertEquals(OrderStatus.PARTIALLY_FILLED, after1.status());
    assertEquals(150, after1.remainingQuantity(), EXACT);
    b.updateBar(new OhlcBar("AAA", day(2), 12, 12, 12, 12, 1000));
    b.updateBar(new OhlcBar("AAA", day(3), 13, 13, 13, 13, 1000));
    Order done = b.order("big").orElseThrow();
    assertEquals(OrderStatus.FILLED, done.status());
    // average (100 x 11 + 100 x 12 + 50 x 13) / 250 = 2950 / 250 = 11.8
    assertEquals(11.8, done.averageFillPrice(), EXACT);
    // fees 10 bps of 2950 = 2.95
    assertEquals(2.95, done.fees(), EXACT);
    assertEquals(List.of(100.0, 100.0, 50.0), seen.stream().map(Fill::quantity).toList());
    assertEquals(List.of(day(1), day(2), day(3)), seen.stream().map(Fill::time).toList());
    assertEquals("big", seen.get(0).clientOrderId());
    assertEquals(1_000_000 - 2950 - 2.95, b.account().cash(), EXACT);
  }

  @Test
  void oneTimestampOfBarsFillsInSubmissionOrderAcrossSymbols() {
    // cash 1,000: hold 10 ZZZ; sell them (submitted first) to buy 15 AAA at the next open 100
    PaperBroker b = PaperBroker.builder(1000).barDriven()
        .withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    b.updateBars(List.of(bar("AAA", 0, 100, 100, 100, 100), bar("ZZZ", 0, 100, 100, 100, 100)));
    b.submit(OrderRequest.market("own", "ZZZ", Side.BUY, 10));
    b.updateBars(List.of(bar("AAA", 1, 100, 100, 100, 100), bar("ZZZ", 1, 100, 100, 100, 100)));
    assertEquals(0, b.account().cash(), EXACT);
    b.submit(OrderRequest.market("sell", "ZZZ", Side.SELL, 10));
    b.submit(OrderRequest.market("buy", "AAA", Side.BUY, 10));
    // AAA's bar comes first in the list, but the sell was submitted first: it funds the buy
    b.updateBars(List.of(bar("AAA", 2, 100, 100, 100, 100), bar("ZZZ", 2, 100, 100, 100, 100)));
    assertEquals(OrderStatus.FILLED, b.order("buy").orElseThrow().status());
    assertEquals(List.of(new Position("AAA", 10, 100)), b.positions());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.updateBars(
        List.of(bar("AAA", 3, 1, 1, 1, 1), bar("AAA", 4, 1, 1, 1, 1))));
    assertEquals("Two bars of 'AAA' in one update", e.getMessage());
  }

  @Test
  void dayAndIocOrdersOnBars() {
    PaperBroker b = PaperBroker.builder(100_000).barDriven()
        .withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    b.updateBar(bar("AAA", 0, 100, 100, 100, 100));
    b.submit(OrderRequest.limit("day", "AAA", Side.BUY, 1, 90).withTimeInForce(TimeInForce.DAY));
    b.submit(OrderRequest.limit("ioc", "AAA", Side.BUY, 1, 90).withTimeInForce(TimeInForce.IOC));
    b.updateBar(bar("AAA", 1, 100, 100, 95, 96)); // neither reaches 90
    assertEquals(OrderStatus.CANCELLED, b.order("ioc").orElseThrow().status());
    assertEquals(OrderStatus.OPEN, b.order("day").orElseThrow().status(), "its day is day 1");
    b.updateBar(bar("AAA", 2, 89, 90, 88, 89)); // a later day: expired before it could fill
    assertEquals(OrderStatus.EXPIRED, b.order("day").orElseThrow().status());
    assertEquals(List.of(), b.positions());
  }

  @Test
  void marketDataThatWouldOverflowIsRefusedAndChangesNothing() {
    PaperBroker b = PaperBroker.builder(10_000).withClock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    b.updateQuote(Quote.of("AAA", 100, T0));
    b.submit(OrderRequest.market("o", "AAA", Side.BUY, 10));
    Account before = b.account();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.updateQuote(Quote.of("AAA", 1.7e308, T0)));
    assertTrue(e.getMessage().endsWith("beyond the range of double; rejected, nothing changed"),
        e.getMessage());
    assertEquals(before, b.account(), "still usable, unchanged");
    assertEquals(100, b.quote("AAA").orElseThrow().mid(), EXACT);
  }

  @Test
  void anOlderQuoteDoesNotReplaceANewerOne() {
    PaperBroker b = PaperBroker.withCash(1000);
    b.updateQuote(Quote.of("X", 100, Instant.parse("2024-01-02T15:00:00Z")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.updateQuote(Quote.of("X", 90, Instant.parse("2024-01-02T14:00:00Z"))));
    assertEquals("PaperBroker: quote of 'X' at 2024-01-02T14:00:00Z is older than its latest"
        + " quote at 2024-01-02T15:00:00Z; quotes must not go back in time", e.getMessage());
    assertEquals(100, b.quote("X").orElseThrow().mid(), EXACT);
    b.updateQuote(Quote.of("X", 101, Instant.parse("2024-01-02T15:00:00Z"))); // same time: ok
    assertEquals(101, b.quote("X").orElseThrow().mid(), EXACT);
  }

  @Test
  void modesAreNotMixed() {
    PaperBroker quotes = PaperBroker.withCash(1);
    assertThrows(IllegalStateException.class, () -> quotes.updateBar(bar("A", 0, 1, 1, 1, 1)));
    PaperBroker bars = PaperBroker.builder(1).barDriven().build();
    assertThrows(IllegalStateException.class, () -> bars.updateQuote(Quote.of("A", 1, T0)));
    bars.updateBar(bar("A", 1, 1, 1, 1, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bars.updateBar(bar("A", 1, 1, 1, 1, 1)));
    assertTrue(e.getMessage().contains("is not after its previous bar"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PaperBroker.builder(1).withBarParticipation(0.5).build());
    IllegalArgumentException badBar = assertThrows(IllegalArgumentException.class,
        () -> bar("A", 0, 10, 9, 8, 9));
    assertEquals("Bar of 'A' at 2026-11-20T15:00:00Z: expected low <= open, close <= high, but"
        + " found open 10.0, high 9.0, low 8.0, close 9.0", badBar.getMessage());
  }

  private static double price(PaperBroker b, String id) {
    Order o = b.order(id).orElseThrow();
    assertEquals(OrderStatus.FILLED, o.status(), o.toString());
    return o.averageFillPrice();
  }
}
