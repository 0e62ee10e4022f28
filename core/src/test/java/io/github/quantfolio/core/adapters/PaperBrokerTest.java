package io.github.quantfolio.core.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cash and positions are checked against hand calculations in the comments. */
class PaperBrokerTest {

  static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
  final PaperBroker broker = PaperBroker.withCash(10_000, Clock.fixed(T0, ZoneOffset.UTC));

  static Quote q(String s, double bid, double ask) {
    return new Quote(s, bid, ask, T0);
  }

  @Test
  void marketOrdersFillAtTheQuoteAndMoveCashAndPositions() {
    broker.updateQuote(q("AAA", 99, 101));
    Order buy = broker.submit(OrderRequest.market("b1", "AAA", Side.BUY, 30));
    // A buy fills at the ask: 30 x 101 = 3030 paid, cash 10000 - 3030 = 6970.
    assertEquals(OrderStatus.FILLED, buy.status());
    assertEquals(101, buy.averageFillPrice());
    assertEquals(30, buy.filledQuantity());
    assertEquals(T0, buy.updated());
    assertEquals(List.of(new Position("AAA", 30, 101)), broker.positions());
    // Marked at the mid 100: positions 3000, equity 9970 (the spread paid).
    assertEquals(new Account(6970, 3000, true), broker.account());
    assertEquals(9970, broker.account().equity());

    broker.updateQuote(q("AAA", 109, 111));
    broker.submit(OrderRequest.market("b2", "AAA", Side.BUY, 10));
    // Average price (30 x 101 + 10 x 111) / 40 = 4140 / 40 = 103.5; cash 6970 - 1110 = 5860.
    assertEquals(List.of(new Position("AAA", 40, 103.5)), broker.positions());
    assertEquals(5860, broker.account().cash());

    Order sell = broker.submit(OrderRequest.market("s1", "AAA", Side.SELL, 40));
    // A sell fills at the bid: 40 x 109 = 4360, cash 5860 + 4360 = 10220; flat again.
    assertEquals(109, sell.averageFillPrice());
    assertEquals(List.of(), broker.positions());
    assertEquals(new Account(10_220, 0, true), broker.account());
    assertTrue(broker.isPaper());
  }

  @Test
  void resubmittingAClientOrderIdReturnsTheOriginalOrderAndTradesOnce() {
    broker.updateQuote(q("AAA", 100, 100));
    OrderRequest r = OrderRequest.market("id-1", "AAA", Side.BUY, 10);
    Order first = broker.submit(r);
    Order again = broker.submit(r);
    assertEquals(first, again);
    assertEquals(9_000, broker.account().cash()); // 10000 - 10 x 100, once
    assertEquals(Optional.of(first), broker.order("id-1"));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broker.submit(OrderRequest.market("id-1", "AAA", Side.BUY, 11)));
    assertTrue(e.getMessage().startsWith("Client order id 'id-1' was already used for"),
        e.getMessage());
    // A rejected id stays taken too: retrying it does not execute later.
    Order rejected = broker.submit(OrderRequest.market("id-2", "AAA", Side.BUY, 1000));
    assertEquals(OrderStatus.REJECTED, rejected.status());
    broker.updateQuote(q("AAA", 1, 1));
    assertEquals(rejected, broker.submit(OrderRequest.market("id-2", "AAA", Side.BUY, 1000)));
  }

  @Test
  void rejectionsSayWhyAndChangeNothing() {
    Order noQuote = broker.submit(OrderRequest.market("n", "ZZZ", Side.BUY, 1));
    assertEquals(OrderStatus.REJECTED, noQuote.status());
    assertEquals("No quote for 'ZZZ'", noQuote.message());
    assertTrue(Double.isNaN(noQuote.averageFillPrice()));
    assertEquals(0, noQuote.filledQuantity());

    broker.updateQuote(q("AAA", 99, 101));
    // 100 x 101 = 10100 > 10000.
    Order tooBig = broker.submit(OrderRequest.market("c", "AAA", Side.BUY, 100));
    assertEquals(OrderStatus.REJECTED, tooBig.status());
    assertEquals("Insufficient cash: buying 100 'AAA' at 101 costs 10100 plus fee 0, cash"
        + " is 10000", tooBig.message());
    Order shortSale = broker.submit(OrderRequest.market("s", "AAA", Side.SELL, 1));
    assertEquals("Insufficient position: selling 1 'AAA' at 99 but holding 0 (shorts are off:"
        + " PaperBroker.Builder.withShorts() allows them)", shortSale.message());
    assertEquals(new Account(10_000, 0, true), broker.account());
    assertEquals(List.of(), broker.positions());
  }

  @Test
  void limitOrdersRestUntilMarketableAndCanBeCancelled() {
    broker.updateQuote(q("AAA", 99, 101));
    Order resting = broker.submit(OrderRequest.limit("L1", "AAA", Side.BUY, 10, 95));
    Order other = broker.submit(OrderRequest.limit("L2", "AAA", Side.BUY, 10, 90));
    assertEquals(OrderStatus.OPEN, resting.status());
    broker.updateQuote(q("BBB", 1, 2)); // another symbol: nothing happens
    assertEquals(OrderStatus.OPEN, broker.order("L1").orElseThrow().status());

    broker.updateQuote(q("AAA", 93, 94)); // ask 94 <= 95: L1 fills at the ask 94; L2 (90) waits
    Order filled = broker.order("L1").orElseThrow();
    assertEquals(OrderStatus.FILLED, filled.status());
    assertEquals(94, filled.averageFillPrice());
    assertEquals(10_000 - 940, broker.account().cash());
    assertEquals(OrderStatus.OPEN, broker.order("L2").orElseThrow().status());

    Order cancelled = broker.cancel("L2");
    assertEquals(OrderStatus.CANCELLED, cancelled.status());
    broker.updateQuote(q("AAA", 80, 81)); // would have filled L2
    assertEquals(OrderStatus.CANCELLED, broker.order("L2").orElseThrow().status());
    assertEquals(List.of(new Position("AAA", 10, 94)), broker.positions());
    // Cancelling a final order returns it unchanged; an unknown id is misuse.
    assertEquals(filled, broker.cancel("L1"));
    assertSame(other.request(), broker.cancel("L2").request());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broker.cancel("nope"));
    assertEquals("No order with client order id 'nope'", e.getMessage());

    // A marketable limit order fills at once at the quote, not at its limit.
    Order sell = broker.submit(OrderRequest.limit("L3", "AAA", Side.SELL, 10, 70));
    assertEquals(80, sell.averageFillPrice());
    assertFalse(broker.order("L4").isPresent());
  }

  @Test
  void fractionalQuantitiesCloseWithoutDust() {
    broker.updateQuote(q("BTC", 100, 100));
    broker.submit(OrderRequest.market("a", "BTC", Side.BUY, 0.1));
    broker.submit(OrderRequest.market("b", "BTC", Side.BUY, 0.2));
    // 0.1 + 0.2 = 0.30000000000000004 in doubles; selling 0.3 must leave no position behind.
    broker.submit(OrderRequest.market("c", "BTC", Side.SELL, 0.3));
    assertEquals(List.of(), broker.positions());
  }

  /** The three hooks wired together as calling code would: model -> reviewer -> broker. */
  @Test
  void signalModelReviewerAndBrokerWireTogether() {
    SignalModel model = f -> new Signal(Math.max(-1, Math.min(1, 10 * f.get("ret20"))), 0.7);
    TradeReviewer capNotional = (p, context) -> p.notional() <= 2_000
        ? ReviewDecision.approve("within limit", 0.9)
        : ReviewDecision.resize(Math.floor(2_000 / p.referencePrice()), "notional capped at 2000", 0.9);

    broker.updateQuote(q("AAA", 99, 101));
    Signal s = model.predict(new Features("AAA", T0, List.of("ret20", "vol20"),
        new double[] {0.05, 0.2}));
    assertEquals(0.5, s.value(), 1e-15); // 10 x 0.05
    assertEquals(Side.BUY, s.side());
    TradeProposal p = new TradeProposal("AAA", s.side(), 50, broker.quote("AAA").orElseThrow().mid(),
        "momentum " + s.value());
    ReviewDecision d = capNotional.review(p, ReviewContext.minimal(T0, s));
    // 50 x 100 = 5000 > 2000: resized to floor(2000 / 100) = 20.
    assertEquals(ReviewDecision.Verdict.RESIZE, d.verdict());
    assertEquals(20, d.quantityFor(p));
    Order o = broker.submit(OrderRequest.market("sig-1", "AAA", p.side(), d.quantityFor(p)));
    assertEquals(OrderStatus.FILLED, o.status());
    assertEquals(10_000 - 20 * 101, broker.account().cash());
  }

  /**
   * A quote of 1.7e308 used to be accepted and then made {@code account()} throw on every call
   * (30 units x 1.7e308 overflows): the broker was poisoned. Now the quote is rejected naming it,
   * and the broker is unchanged and usable.
   */
  @Test
  void aQuoteThatWouldOverflowTheAccountIsRejectedAndTheBrokerStaysUsable() {
    broker.updateQuote(q("AAA", 99, 101));
    broker.submit(OrderRequest.market("b1", "AAA", Side.BUY, 30));
    Account before = broker.account(); // cash 6970, 30 x 100 = 3000 (see above)
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broker.updateQuote(q("AAA", 1.7e308, 1.7e308)));
    assertTrue(e.getMessage().startsWith("PaperBroker: Quote[symbol=AAA, bid=1.7E308, ask=1.7E308")
        && e.getMessage().contains("30.0 units of 'AAA' held at Infinity")
        && e.getMessage().endsWith("beyond the range of double; rejected, nothing changed"),
        e.getMessage());
    assertEquals(before, broker.account());
    assertEquals(Optional.of(q("AAA", 99, 101)), broker.quote("AAA"));
    // still trading: sell 30 at the bid 99, cash 6970 + 2970 = 9940
    assertEquals(OrderStatus.FILLED,
        broker.submit(OrderRequest.market("s1", "AAA", Side.SELL, 30)).status());
    assertEquals(new Account(9940, 0, true), broker.account());
    // a symbol not held may be quoted that high (nothing to value); its mid is finite
    broker.updateQuote(q("BBB", 1.7e308, Double.MAX_VALUE));
    assertEquals(1.7e308 + 0.5 * (Double.MAX_VALUE - 1.7e308), broker.quote("BBB").get().mid());
  }

  /** Fills whose cost or resulting position would overflow are rejected, changing nothing. */
  @Test
  void fillsThatWouldOverflowAreRejected() {
    PaperBroker rich = PaperBroker.withCash(1e308, Clock.fixed(T0, ZoneOffset.UTC));
    rich.updateQuote(q("AAA", 1e-300, 1e-300));
    // 1e308 units at 1e-300 cost 1e8: fine, twice: 2e308 units, beyond the range
    assertEquals(OrderStatus.FILLED,
        rich.submit(OrderRequest.market("b1", "AAA", Side.BUY, 1e308)).status());
    Account before = rich.account();
    Order o = rich.submit(OrderRequest.market("b2", "AAA", Side.BUY, 1e308));
    assertEquals(OrderStatus.REJECTED, o.status());
    assertTrue(o.message().startsWith("Overflow: buying 1.0E308 'AAA' at 1.0E-300 would make the "
        + "position (Infinity units)"), o.message());
    assertEquals(before, rich.account());
    rich.updateQuote(q("BBB", 1e10, 1e10));
    Order big = rich.submit(OrderRequest.market("b3", "BBB", Side.BUY, 1e300));
    assertEquals("Overflow: buying 1.0E300 'BBB' at 10000000000 costs Infinity, beyond the range"
        + " of double", big.message());
    assertEquals(before, rich.account());
  }
}
