package io.github.quantfolio.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Route;
import io.github.quantfolio.core.adapters.Account;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.TimeInForce;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Alpaca broker against the fake server: reads, orders, idempotency, rejections, cancels. */
class AlpacaBrokerTest {

  private FakeAlpaca fake;
  private final List<Duration> waits = new ArrayList<>();
  private AlpacaBroker broker;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeAlpaca();
    broker = fake.paperBroker(waits).build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void accountIsCashAndEquityMinusCash() {
    fake.setCash("98500.25");
    fake.setPosition("AAPL", "10", "150.5");   // long market value 1505 (fake marks at cost)
    fake.setPosition("TSLA", "-2", "200");     // short market value -400
    Account a = broker.account();
    assertEquals(98_500.25, a.cash(), Tolerance.EXACT);
    // equity = 98500.25 + 1505 - 400 = 99605.25; positions value = equity - cash = 1105
    assertEquals(1_105, a.positionsValue(), Tolerance.EXACT);
    assertEquals(99_605.25, a.equity(), Tolerance.EXACT);
    assertTrue(a.paper());
  }

  @Test
  void positionsAreSignedBySide() {
    fake.setPosition("AAPL", "10", "150.5");
    fake.setPosition("TSLA", "-5", "200.25");
    List<Position> expected = List.of(new Position("AAPL", 10, 150.5),
        new Position("TSLA", -5, 200.25));
    assertEquals(expected, sorted(broker.positions()));
    // The same book when Alpaca sends a short's qty unsigned: the side decides the sign.
    fake.unsignedShortQty = true;
    assertEquals(expected, sorted(broker.positions()));
  }

  @Test
  void quoteIsBidAskAndTimeOfTheMarketDataApi() {
    fake.setQuote("AAPL", "187.25", "187.5");
    Quote q = broker.quote("AAPL").orElseThrow();
    assertEquals(new Quote("AAPL", 187.25, 187.5, Instant.parse("2024-05-01T14:29:59.123456789Z")),
        q);
    assertEquals(Optional.empty(), broker.quote("NOPE"), "404: no quote");
    fake.setQuote("ZBID", "0", "10.5");
    assertEquals(Optional.empty(), broker.quote("ZBID"), "one-sided quote");
    fake.setQuote("CROSS", "10.5", "10.25");
    assertEquals(Optional.empty(), broker.quote("CROSS"), "crossed quote");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broker.quote("AA/PL"));
    assertTrue(e.getMessage().contains("'AA/PL'"), e.getMessage());
  }

  @Test
  void submitSendsEveryFieldAsAlpacaExpectsThem() {
    List<OrderRequest> requests = List.of(
        OrderRequest.market("m-1", "AAPL", Side.BUY, 10),
        OrderRequest.limit("l-1", "AAPL", Side.SELL, 2.5, 187.5).withTimeInForce(TimeInForce.DAY),
        OrderRequest.stop("s-1", "MSFT", Side.SELL, 3, 401.1).withTimeInForce(TimeInForce.IOC),
        OrderRequest.stopLimit("sl-1", "MSFT", Side.BUY, 4, 420, 421.05));
    for (OrderRequest r : requests) {
      Order o = broker.submit(r);
      assertEquals(r, o.request());
      assertEquals(OrderStatus.OPEN, o.status());
      assertEquals(0, o.fees());
    }
    List<JsonNode> bodies = fake.submittedBodies();
    // Hand-written expectations of Alpaca's order fields: decimal strings, lower-case enums.
    assertEquals("{\"symbol\":\"AAPL\",\"qty\":\"10\",\"side\":\"buy\",\"type\":\"market\","
        + "\"time_in_force\":\"gtc\",\"client_order_id\":\"m-1\"}", bodies.get(0).toString());
    assertEquals("{\"symbol\":\"AAPL\",\"qty\":\"2.5\",\"side\":\"sell\",\"type\":\"limit\","
        + "\"time_in_force\":\"day\",\"limit_price\":\"187.5\",\"client_order_id\":\"l-1\"}",
        bodies.get(1).toString());
    assertEquals("{\"symbol\":\"MSFT\",\"qty\":\"3\",\"side\":\"sell\",\"type\":\"stop\","
        + "\"time_in_force\":\"ioc\",\"stop_price\":\"401.1\",\"client_order_id\":\"s-1\"}",
        bodies.get(2).toString());
    assertEquals("{\"symbol\":\"MSFT\",\"qty\":\"4\",\"side\":\"buy\",\"type\":\"stop_limit\","
        + "\"time_in_force\":\"gtc\",\"limit_price\":\"421.05\",\"stop_price\":\"420\","
        + "\"client_order_id\":\"sl-1\"}", bodies.get(3).toString());
  }

  @Test
  void aRetriedSubmitReturnsTheSameOrderAndExecutesOnce() {
    OrderRequest r = OrderRequest.limit("retry-1", "AAPL", Side.BUY, 10, 180);
    Order first = broker.submit(r);
    Order again = broker.submit(r);
    assertEquals(first, again);
    assertEquals(1, fake.orderCount());
    assertEquals(2, fake.count(Route.SUBMIT), "Alpaca saw the retry and refused the duplicate id");
    // A second broker (another process) retrying the same decision gets the same order too.
    AlpacaBroker other = fake.paperBroker(waits).build();
    assertEquals(first, other.submit(r));
    assertEquals(1, fake.orderCount());
  }

  @Test
  void aReusedIdWithADifferentRequestIsRefusedNamingTheId() {
    broker.submit(OrderRequest.limit("dup-1", "AAPL", Side.BUY, 10, 180));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broker.submit(OrderRequest.limit("dup-1", "AAPL", Side.BUY, 5, 180)));
    assertTrue(e.getMessage().contains("'dup-1'"), e.getMessage());
    assertTrue(e.getMessage().contains("quantity 10.0 vs 5.0"), e.getMessage());
    assertEquals(1, fake.orderCount());
    assertEquals(10, fake.orderOf("dup-1").qty.doubleValue());
  }

  @Test
  void insufficientBuyingPowerIsARejectedOrderWithAlpacasMessage() {
    fake.setCash("1000");
    OrderRequest r = OrderRequest.limit("big-1", "AAPL", Side.BUY, 10, 187.5);
    Order o = broker.submit(r);
    assertEquals(OrderStatus.REJECTED, o.status());
    assertEquals("Alpaca refused the order (HTTP 403): insufficient buying power", o.message());
    assertEquals(0, fake.orderCount());
    // A retry returns the same rejection without asking Alpaca again; order() knows it too.
    assertSame(o, broker.submit(r));
    assertEquals(1, fake.count(Route.SUBMIT));
    assertEquals(Optional.of(o), broker.order("big-1"));
    assertSame(o, broker.cancel("big-1"));
    assertThrows(IllegalArgumentException.class,
        () -> broker.submit(OrderRequest.limit("big-1", "AAPL", Side.BUY, 1, 187.5)));
  }

  @Test
  void aValidationRefusalIsARejectedOrderToo() {
    fake.script(Route.SUBMIT, FakeAlpaca.Script.respond(422,
        "{\"code\":40010001,\"message\":\"qty must be integer for stop orders\"}"));
    Order o = broker.submit(OrderRequest.stop("frac-1", "AAPL", Side.SELL, 0.5, 150));
    assertEquals(OrderStatus.REJECTED, o.status());
    assertEquals("Alpaca refused the order (HTTP 422): qty must be integer for stop orders",
        o.message());
  }

  @Test
  void orderLooksUpByClientOrderId() {
    assertEquals(Optional.empty(), broker.order("unknown"));
    Order o = broker.submit(OrderRequest.market("look-1", "AAPL", Side.BUY, 1));
    assertEquals(Optional.of(o), broker.order("look-1"));
  }

  @Test
  void cancelEndsAWorkingOrderAndLeavesAFinalOneAlone() {
    broker.submit(OrderRequest.limit("c-1", "AAPL", Side.BUY, 10, 180));
    Order c = broker.cancel("c-1");
    assertEquals(OrderStatus.CANCELLED, c.status());
    assertEquals("canceled at Alpaca", c.message());
    long deletes = fake.count(Route.CANCEL);
    assertEquals(c, broker.cancel("c-1"), "already final: unchanged");
    assertEquals(deletes, fake.count(Route.CANCEL), "no DELETE for a final order");

    broker.submit(OrderRequest.limit("c-2", "AAPL", Side.BUY, 10, 180));
    fake.fill("c-2", "4", "179.5");
    Order partial = broker.cancel("c-2");
    assertEquals(OrderStatus.CANCELLED, partial.status());
    assertEquals(4, partial.filledQuantity());
    assertEquals(179.5, partial.averageFillPrice(), Tolerance.EXACT);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> broker.cancel("nope-9"));
    assertEquals("No order with client order id 'nope-9' at Alpaca", e.getMessage());
  }

  @Test
  void aPendingCancelIsStillWorkingAndSaysSo() {
    fake.pendingCancel = true;
    broker.submit(OrderRequest.limit("pc-1", "AAPL", Side.BUY, 10, 180));
    Order o = broker.cancel("pc-1");
    assertEquals(OrderStatus.OPEN, o.status());
    assertEquals("Alpaca status 'pending_cancel'", o.message());
    fake.setStatus("pc-1", "canceled");
    assertEquals(OrderStatus.CANCELLED, broker.order("pc-1").orElseThrow().status());
  }

  @Test
  void aCancelThatLosesTheRaceToAFillReturnsTheFilledOrder() {
    broker.submit(OrderRequest.limit("race-1", "AAPL", Side.BUY, 10, 180));
    String working = fake.orderJsonOf("race-1");
    fake.fill("race-1", "10", "179");
    // The look-up still sees the order working (a read from just before the fill); the DELETE
    // then meets the filled order, which Alpaca refuses as "not cancelable" (422).
    fake.script(Route.BY_CLIENT_ID, FakeAlpaca.Script.respond(200, working));
    Order o = broker.cancel("race-1");
    assertEquals(1, fake.count(Route.CANCEL));
    assertEquals(OrderStatus.FILLED, o.status());
    assertEquals(10, o.filledQuantity());
  }

  @Test
  void defaultsArePaperAndLiveOnlyByName() {
    AlpacaBroker paper = AlpacaBroker.paper(FakeAlpaca.KEYS).build();
    assertTrue(paper.isPaper());
    assertEquals(AlpacaBroker.PAPER_URL, paper.baseUrl());
    assertEquals("https://paper-api.alpaca.markets", paper.baseUrl().toString());
    assertEquals("https://data.alpaca.markets", paper.dataUrl().toString());
    AlpacaBroker live = AlpacaBroker.live(FakeAlpaca.KEYS).build();
    assertFalse(live.isPaper());
    assertEquals("https://api.alpaca.markets", live.baseUrl().toString());
    assertEquals("AlpacaBroker[LIVE, https://api.alpaca.markets]", live.toString());
    // No call was made: building connects nowhere.
  }

  @Test
  void theBuilderRefusesUrlsThatWouldMixPaperAndLiveOrLeakKeys() {
    AlpacaBroker.Builder paper = AlpacaBroker.paper(FakeAlpaca.KEYS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> paper.withBaseUrl(AlpacaBroker.LIVE_URL));
    assertTrue(e.getMessage().contains("AlpacaBroker.live"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> AlpacaBroker.live(FakeAlpaca.KEYS).withBaseUrl(AlpacaBroker.PAPER_URL));
    assertThrows(IllegalArgumentException.class,
        () -> paper.withBaseUrl(java.net.URI.create("http://example.com")), "plain http");
    assertThrows(IllegalArgumentException.class,
        () -> paper.withBaseUrl(java.net.URI.create("https://example.com/v2")), "a path");
    IllegalArgumentException userInfo = assertThrows(IllegalArgumentException.class,
        () -> paper.withBaseUrl(java.net.URI.create("https://" + FakeAlpaca.KEY_ID + ":"
            + FakeAlpaca.SECRET + "@example.com")));
    assertFalse(userInfo.getMessage().contains(FakeAlpaca.KEY_ID), userInfo.getMessage());
    assertFalse(userInfo.getMessage().contains(FakeAlpaca.SECRET), userInfo.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> paper.withRetries(0, Duration.ZERO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> paper.withRetries(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> paper.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> paper.withDataFeed("SIP; drop"));
  }

  private static List<Position> sorted(List<Position> ps) {
    List<Position> out = new ArrayList<>(ps);
    out.sort(Comparator.comparing(Position::symbol));
    return out;
  }
}
