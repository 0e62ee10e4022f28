package io.github.quantfolio.core.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of the adapter records: bad values are rejected with messages naming them. */
class AdapterValuesTest {

  static final Instant T = Instant.parse("2026-11-20T15:00:00Z");

  static void rejects(String expected, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
  }

  @Test
  void quotes() {
    Quote q = new Quote("AAA", 99, 101, T);
    assertEquals(100, q.mid());
    assertEquals(101, q.priceFor(Side.BUY));
    assertEquals(99, q.priceFor(Side.SELL));
    assertEquals(new Quote("AAA", 5, 5, T), Quote.of("AAA", 5, T));
    rejects("Expected ask >= bid for 'AAA', but found bid 101.0 and ask 99.0",
        () -> new Quote("AAA", 101, 99, T));
    rejects("Expected finite bid of 'AAA' > 0, but found NaN", () -> new Quote("AAA", Double.NaN, 1, T));
    rejects("Argument 'symbol' must not be blank", () -> new Quote(" ", 1, 1, T));
  }

  @Test
  void orders() {
    OrderRequest m = OrderRequest.market("id", "AAA", Side.BUY, 3);
    assertEquals(OrderType.MARKET, m.type());
    assertTrue(Double.isNaN(m.limitPrice()));
    assertEquals(m, OrderRequest.market("id", "AAA", Side.BUY, 3)); // NaN limit compares equal
    rejects("Expected finite quantity of order id (BUY 'AAA') > 0, but found -3.0",
        () -> OrderRequest.market("id", "AAA", Side.BUY, -3));
    rejects("Expected finite limitPrice of order id (BUY 'AAA') > 0, but found 0.0",
        () -> OrderRequest.limit("id", "AAA", Side.BUY, 3, 0));
    rejects("Expected limitPrice NaN for a MARKET order id (BUY 'AAA'), but found 5.0",
        () -> new OrderRequest("id", "AAA", Side.BUY, 3, OrderType.MARKET, 5, Double.NaN,
            TimeInForce.GTC));
    rejects("Expected finite stopPrice of order id (SELL 'AAA') > 0, but found NaN",
        () -> OrderRequest.stopLimit("id", "AAA", Side.SELL, 3, Double.NaN, 90));
    rejects("Expected stopPrice NaN for a LIMIT order id (BUY 'AAA'), but found 5.0",
        () -> new OrderRequest("id", "AAA", Side.BUY, 3, OrderType.LIMIT, 5, 5,
            TimeInForce.DAY));
    rejects("Argument 'clientOrderId' must not be blank",
        () -> OrderRequest.market("", "AAA", Side.BUY, 3));
    assertEquals(TimeInForce.IOC, m.withTimeInForce(TimeInForce.IOC).timeInForce());
    assertEquals(TimeInForce.GTC, m.timeInForce());
    rejects("Expected averageFillPrice NaN for order id with nothing filled, but found 5.0",
        () -> new Order(m, OrderStatus.OPEN, 0, 5, 0, "", T));
    rejects("A OPEN order id cannot have filled 1.0 of 3.0",
        () -> new Order(m, OrderStatus.OPEN, 1, 5, 0, "", T));
    rejects("A FILLED order id cannot have filled 2.0 of 3.0",
        () -> new Order(m, OrderStatus.FILLED, 2, 5, 0, "", T));
    rejects("A PARTIALLY_FILLED order id cannot have filled 3.0 of 3.0",
        () -> new Order(m, OrderStatus.PARTIALLY_FILLED, 3, 5, 0, "", T));
    rejects("Expected 0 <= filledQuantity of order id <= 3.0, but found 4.0",
        () -> new Order(m, OrderStatus.FILLED, 4, 5, 0, "", T));
    rejects("Expected fees >= 0 of order id, but found -1.0",
        () -> new Order(m, OrderStatus.FILLED, 3, 5, -1, "", T));
    Order partial = new Order(m, OrderStatus.PARTIALLY_FILLED, 1, 5, 0.1, "", T);
    assertEquals(2, partial.remainingQuantity());
    assertEquals(0, new Order(m, OrderStatus.CANCELLED, 1, 5, 0, "", T).remainingQuantity());
    rejects("A position in 'AAA' cannot be 0 units", () -> new Position("AAA", 0, 1));
    assertEquals(-500, new Position("AAA", -5, 90).valueAt(100));
    assertTrue(OrderStatus.REJECTED.isFinal());
    assertTrue(!OrderStatus.OPEN.isFinal());
    assertTrue(!OrderStatus.PARTIALLY_FILLED.isFinal());
    assertTrue(OrderStatus.EXPIRED.isFinal());
  }

  @Test
  void signalsFeaturesAndReviews() {
    rejects("Expected 0.0 <= confidence <= 1.0, but found 1.5", () -> new Signal(0.2, 1.5));
    rejects("Expected -1.0 <= value <= 1.0, but found 2.0", () -> new Signal(2, 0.5));
    assertNull(Signal.none().side());
    assertEquals(Side.SELL, new Signal(-0.1, 0.5).side());

    double[] v = {1, Double.NaN};
    Features f = new Features("AAA", T, List.of("a", "b"), v);
    v[0] = 99; // copied in
    assertEquals(1, f.get("a"));
    f.values()[0] = 99; // copied out
    assertArrayEquals(new double[] {1, Double.NaN}, f.values());
    assertEquals(f, new Features("AAA", T, List.of("a", "b"), new double[] {1, Double.NaN}));
    rejects("No feature 'c'; features are [a, b]", () -> f.get("c"));
    rejects("Expected one value per name (2), but found 1 values",
        () -> new Features("AAA", T, List.of("a", "b"), new double[] {1}));
    rejects("Duplicate feature name 'a' in 'names'",
        () -> new Features("AAA", T, List.of("a", "a"), new double[] {1, 2}));

    TradeProposal p = new TradeProposal("AAA", Side.BUY, 10, 50, "why");
    assertEquals(500, p.notional());
    assertEquals(10, ReviewDecision.approve("ok", 1).quantityFor(p));
    assertEquals(0, ReviewDecision.reject("no", 0.8).quantityFor(p));
    assertEquals(4, ReviewDecision.resize(4, "smaller", 0.6).quantityFor(p));
    rejects("Expected finite resizedQuantity > 0, but found 0.0",
        () -> ReviewDecision.resize(0, "x", 0.5));
    rejects("Expected resizedQuantity 0 for APPROVE, but found 3.0",
        () -> new ReviewDecision(ReviewDecision.Verdict.APPROVE, 3, "x", 0.5));
    rejects("Expected 0.0 <= confidence <= 1.0, but found -0.1",
        () -> ReviewDecision.approve("x", -0.1));
    rejects("Expected finite cash, but found Infinity",
        () -> new Account(Double.POSITIVE_INFINITY, 0, true));
    rejects("Expected cash >= 0, but found -1.0", () -> PaperBroker.withCash(-1));
  }
}
