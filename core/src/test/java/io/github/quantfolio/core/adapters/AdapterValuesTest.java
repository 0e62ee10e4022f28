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
    assertEquals(expected, e.getMessage());
  }

  @Test
  void quotes() {
    Quote q = new Quote("AAA", 99, 101, T);
    assertEquals(100, q.mid());
    assertEquals(101, q.priceFor(Side.BUY));
    assertEquals(99, q.priceFor(Side.SELL));
    assertEquals(new Quote("AAA", 5, 5, T), Quote.of("AAA", 5, T));
    rejects("Quote of 'AAA': expected ask >= bid, but found bid 101.0 and ask 99.0",
        () -> new Quote("AAA", 101, 99, T));
    rejects("Quote of 'AAA': expected finite bid > 0, but found NaN",
        () -> new Quote("AAA", Double.NaN, 1, T));
    rejects("Quote: symbol must not be blank, but is ' '", () -> new Quote(" ", 1, 1, T));
  }

  @Test
  void orders() {
    OrderRequest m = OrderRequest.market("id", "AAA", Side.BUY, 3);
    assertEquals(OrderType.MARKET, m.type());
    assertTrue(Double.isNaN(m.limitPrice()));
    assertEquals(m, OrderRequest.market("id", "AAA", Side.BUY, 3)); // NaN limit compares equal
    rejects("Order 'id' (BUY 'AAA'): expected finite quantity > 0, but found -3.0",
        () -> OrderRequest.market("id", "AAA", Side.BUY, -3));
    rejects("Order 'id' (BUY 'AAA'): expected finite limitPrice > 0, but found 0.0",
        () -> OrderRequest.limit("id", "AAA", Side.BUY, 3, 0));
    rejects("Order 'id' (BUY 'AAA'): expected limitPrice NaN for a MARKET order, but found 5.0",
        () -> new OrderRequest("id", "AAA", Side.BUY, 3, OrderType.MARKET, 5, Double.NaN,
            TimeInForce.GTC));
    rejects("Order 'id' (SELL 'AAA'): quantity x limitPrice = 1.0E300 x 1.0E10 overflows the range "
        + "of double", () -> OrderRequest.limit("id", "AAA", Side.SELL, 1e300, 1e10));
    rejects("Order 'id' (SELL 'AAA'): expected finite stopPrice > 0, but found NaN",
        () -> OrderRequest.stopLimit("id", "AAA", Side.SELL, 3, Double.NaN, 90));
    rejects("Order 'id' (BUY 'AAA'): expected stopPrice NaN for a LIMIT order, but found 5.0",
        () -> new OrderRequest("id", "AAA", Side.BUY, 3, OrderType.LIMIT, 5, 5,
            TimeInForce.DAY));
    rejects("Order: clientOrderId must not be blank, but is ''",
        () -> OrderRequest.market("", "AAA", Side.BUY, 3));
    assertEquals(TimeInForce.IOC, m.withTimeInForce(TimeInForce.IOC).timeInForce());
    assertEquals(TimeInForce.GTC, m.timeInForce());
    rejects("Order 'id' (BUY 'AAA'): expected averageFillPrice NaN with nothing filled, but found"
        + " 5.0", () -> new Order(m, OrderStatus.OPEN, 0, 5, 0, "", T));
    rejects("Order 'id' (BUY 'AAA'): a OPEN order cannot have filled 1.0 of 3.0",
        () -> new Order(m, OrderStatus.OPEN, 1, 5, 0, "", T));
    rejects("Order 'id' (BUY 'AAA'): a FILLED order cannot have filled 2.0 of 3.0",
        () -> new Order(m, OrderStatus.FILLED, 2, 5, 0, "", T));
    rejects("Order 'id' (BUY 'AAA'): a PARTIALLY_FILLED order cannot have filled 3.0 of 3.0",
        () -> new Order(m, OrderStatus.PARTIALLY_FILLED, 3, 5, 0, "", T));
    rejects("Order 'id' (BUY 'AAA'): expected 0 <= filledQuantity <= 3.0, but found 4.0",
        () -> new Order(m, OrderStatus.FILLED, 4, 5, 0, "", T));
    rejects("Order 'id' (BUY 'AAA'): expected fees >= 0, but found -1.0",
        () -> new Order(m, OrderStatus.FILLED, 3, 5, -1, "", T));
    Order partial = new Order(m, OrderStatus.PARTIALLY_FILLED, 1, 5, 0.1, "", T);
    assertEquals(2, partial.remainingQuantity());
    assertEquals(0, new Order(m, OrderStatus.CANCELLED, 1, 5, 0, "", T).remainingQuantity());
    rejects("Position in 'AAA': quantity cannot be 0 (brokers list only non-empty positions)",
        () -> new Position("AAA", 0, 1));
    assertEquals(-500, new Position("AAA", -5, 90).valueAt(100));
    rejects("SELL fill of 'AAA': expected fee >= 0, but found -0.5",
        () -> Fill.of("AAA", Side.SELL, 1, 10, -0.5, T));
    rejects("FeeModel: expected 0 <= bps < 10000, but found 20000.0", () -> FeeModel.bps(20_000));
    assertTrue(OrderStatus.REJECTED.isFinal());
    assertTrue(!OrderStatus.OPEN.isFinal());
    assertTrue(!OrderStatus.PARTIALLY_FILLED.isFinal());
    assertTrue(OrderStatus.EXPIRED.isFinal());
  }

  @Test
  void signalsFeaturesAndReviews() {
    rejects("Signal: expected 0.0 <= confidence <= 1.0, but found 1.5", () -> new Signal(0.2, 1.5));
    rejects("Signal: expected -1.0 <= value <= 1.0, but found 2.0", () -> new Signal(2, 0.5));
    assertNull(Signal.none().side());
    assertEquals(Side.SELL, new Signal(-0.1, 0.5).side());

    double[] v = {1, Double.NaN};
    Features f = new Features("AAA", T, List.of("a", "b"), v);
    v[0] = 99; // copied in
    assertEquals(1, f.get("a"));
    f.values()[0] = 99; // copied out
    assertArrayEquals(new double[] {1, Double.NaN}, f.values());
    assertEquals(f, new Features("AAA", T, List.of("a", "b"), new double[] {1, Double.NaN}));
    rejects("Features of 'AAA': no feature 'c'; features are [a, b]", () -> f.get("c"));
    rejects("Features of 'AAA': expected one value per name (2), but found 1 values",
        () -> new Features("AAA", T, List.of("a", "b"), new double[] {1}));
    rejects("Features of 'AAA': duplicate feature name 'a'",
        () -> new Features("AAA", T, List.of("a", "a"), new double[] {1, 2}));

    rejects("Features of 'AAA': feature 'b' is -Infinity; values must be finite (NaN for a "
        + "missing feature)", () -> new Features("AAA", T, List.of("a", "b"),
            new double[] {1, Double.NEGATIVE_INFINITY}));
    rejects("Trade proposal (BUY 'AAA'): quantity x referencePrice = 1.0E300 x 1.0E10 overflows "
        + "the range of double", () -> new TradeProposal("AAA", Side.BUY, 1e300, 1e10, "why"));
    rejects("Account: expected finite equity (cash + positionsValue), but found Infinity",
        () -> new Account(1e308, 1e308, true));
    TradeProposal p = new TradeProposal("AAA", Side.BUY, 10, 50, "why");
    assertEquals(500, p.notional());
    assertEquals(10, ReviewDecision.approve("ok", 1).quantityFor(p));
    assertEquals(0, ReviewDecision.reject("no", 0.8).quantityFor(p));
    assertEquals(4, ReviewDecision.resize(4, "smaller", 0.6).quantityFor(p));
    rejects("Review decision (RESIZE): expected finite resizedQuantity > 0, but found 0.0",
        () -> ReviewDecision.resize(0, "x", 0.5));
    rejects("Review decision (APPROVE): expected resizedQuantity 0, but found 3.0",
        () -> new ReviewDecision(ReviewDecision.Verdict.APPROVE, 3, "x", 0.5));
    rejects("Review decision (APPROVE): expected 0.0 <= confidence <= 1.0, but found -0.1",
        () -> ReviewDecision.approve("x", -0.1));
    rejects("Account: expected finite cash, but found Infinity",
        () -> new Account(Double.POSITIVE_INFINITY, 0, true));
    rejects("PaperBroker: expected finite cash >= 0, but found -1.0", () -> PaperBroker.withCash(-1));
  }

  @Test
  void reviewDecisionKeepsRiskFlagsAndRawAnswerAndRejectsNulls() {
    ReviewDecision d = ReviewDecision.reject("earnings", 0.7)
        .withRiskFlags(List.of("earnings tomorrow", "gap risk")).withRawAnswer("{\"decision\":\"REJECT\"}");
    assertEquals(List.of("earnings tomorrow", "gap risk"), d.riskFlags());
    assertEquals("{\"decision\":\"REJECT\"}", d.rawAnswer());
    assertEquals(List.of(), ReviewDecision.approve("ok", 1).riskFlags());
    assertEquals("", ReviewDecision.approve("ok", 1).rawAnswer());
    java.util.ArrayList<String> withNull = new java.util.ArrayList<>();
    withNull.add(null);
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> ReviewDecision.approve("x", 1).withRiskFlags(withNull));
    assertTrue(e.getMessage().contains("riskFlags[0]"), e.getMessage());
  }

  @Test
  void reviewContextCopiesItsInputsAndNamesBadValues() {
    java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
    weights.put("BBB", 0.2);
    weights.put("AAA", -0.1);
    double[] returns = {0.01, -0.02};
    Instant t = Instant.parse("2024-01-02T21:00:00Z");
    ReviewContext c = new ReviewContext(t, new Signal(0.5, 0.8), java.util.Map.of("rsi14", 55.0),
        100_000, 20_000, weights, 0.3, 0.1, java.util.Map.of("vol20", Double.NaN), returns,
        java.util.Map.of("maxPositionWeight", 0.1));
    weights.put("CCC", 0.5);
    returns[0] = 9;
    assertEquals(List.of("BBB", "AAA"), List.copyOf(c.positionWeights().keySet()));
    assertEquals(0.01, c.recentReturns()[0]);
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> new ReviewContext(t, Signal.none(), java.util.Map.of(), 1, 1,
            java.util.Map.of("AAA", Double.NaN), 0, 0, java.util.Map.of(), new double[0],
            java.util.Map.of()));
    assertTrue(e2.getMessage().contains("positionWeights['AAA'] is NaN"), e2.getMessage());
    e2 = assertThrows(IllegalArgumentException.class,
        () -> new ReviewContext(t, Signal.none(), java.util.Map.of(), 1, 1, java.util.Map.of(),
            0, 0, java.util.Map.of(), new double[] {-1.5}, java.util.Map.of()));
    assertTrue(e2.getMessage().contains("recentReturns[0] is -1.5"), e2.getMessage());
  }
}
