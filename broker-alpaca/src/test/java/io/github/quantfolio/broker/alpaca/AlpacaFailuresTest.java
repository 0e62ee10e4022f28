package io.github.quantfolio.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Route;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Script;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.Side;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every way a call can fail ends in a clear exception or a REJECTED order, never in a silent
 * success: retries with back-off, timeouts, malformed and incomplete responses, bad keys.
 */
class AlpacaFailuresTest {

  private static final Duration MS = Duration.ofMillis(1);
  /** The client's response timeout in the timeout tests; the fake stalls three times longer. */
  private static final Duration TIMEOUT = Duration.ofMillis(200);
  private static final Duration STALL = Duration.ofMillis(600);

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

  // ---------------------------------------------------------------- retries

  @Test
  void http429IsRetriedAfterTheServersRetryAfter() {
    AlpacaBroker patient = fake.paperBroker(waits)
        .withRetries(3, MS, Duration.ofSeconds(5)).build();
    fake.script(Route.ACCOUNT, Script.respond(429, "{\"message\":\"too many requests.\"}",
        Map.of("Retry-After", "2")));
    patient.account();
    assertEquals(List.of(Duration.ofSeconds(2)), waits, "Retry-After: 2 (seconds)");
    assertEquals(2, fake.count(Route.ACCOUNT));

    waits.clear();
    fake.script(Route.ACCOUNT, Script.respond(429, "{\"message\":\"too many requests.\"}"));
    patient.account();
    assertEquals(List.of(MS), waits, "no Retry-After: the first back-off step");
  }

  @Test
  void retryAfterAsAnHttpDateIsHonouredToo() {
    Instant now = Instant.parse("2024-05-01T14:30:00Z");
    AlpacaBroker patient = fake.paperBroker(waits).withRetries(3, MS, Duration.ofSeconds(5))
        .withClock(Clock.fixed(now, ZoneOffset.UTC)).build();
    String in3s = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3)
        .atZone(ZoneOffset.UTC));
    fake.script(Route.ACCOUNT, Script.respond(503, "", Map.of("Retry-After", in3s)));
    patient.account();
    assertEquals(List.of(Duration.ofSeconds(3)), waits);
  }

  @Test
  void aRetryAfterLongerThanTheLongestWaitFailsAtOnce() {
    fake.script(Route.ACCOUNT, Script.respond(429, "{\"message\":\"too many requests.\"}",
        Map.of("Retry-After", "120")));
    AlpacaException e = assertThrows(AlpacaException.class, broker::account);
    assertEquals(429, e.status());
    assertEquals("HTTP 429 from GET /v2/account asks to retry after 120000 ms, more than the"
        + " longest wait of 50 ms: too many requests.", e.getMessage());
    assertEquals(List.of(), waits);
    assertEquals(1, fake.count(Route.ACCOUNT));
  }

  @Test
  void http5xxIsRetriedWithDoublingBackOff() {
    fake.script(Route.SUBMIT, Script.respond(503, "upstream unavailable"),
        Script.respond(502, "<html>bad gateway</html>"));
    Order o = broker.submit(OrderRequest.limit("b-1", "AAPL", Side.BUY, 10, 180));
    assertEquals(OrderStatus.OPEN, o.status());
    assertEquals(List.of(MS, MS.multipliedBy(2)), waits, "1 ms, then 2 ms");
    assertEquals(1, fake.orderCount());
  }

  @Test
  void theBackOffIsCappedAtTheLongestWait() {
    AlpacaBroker b = fake.paperBroker(waits)
        .withRetries(6, Duration.ofMillis(10), Duration.ofMillis(25)).build();
    for (int i = 0; i < 5; i++) {
      fake.script(Route.ACCOUNT, Script.respond(500, "{\"message\":\"internal error\"}"));
    }
    b.account();
    // 10, 20, then 40 -> 25, 80 -> 25, 160 -> 25.
    assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25),
        Duration.ofMillis(25), Duration.ofMillis(25)), waits);
  }

  @Test
  void exhaustedRetriesEndInAnExceptionWithTheLastError() {
    for (int i = 0; i < 3; i++) {
      fake.script(Route.ACCOUNT, Script.respond(500, "{\"code\":50010000,\"message\":\"boom " + i
          + "\"}"));
    }
    AlpacaException e = assertThrows(AlpacaException.class, broker::account);
    assertEquals(500, e.status());
    assertEquals("GET /v2/account", e.endpoint());
    assertEquals("HTTP 500 from GET /v2/account on each of 3 attempts, last: boom 2",
        e.getMessage());
    assertEquals(List.of(MS, MS.multipliedBy(2)), waits);
  }

  @Test
  void aSubmitWhoseRetriesRunOutSaysTheOrderMayHaveLanded() {
    for (int i = 0; i < 3; i++) {
      fake.script(Route.SUBMIT, Script.respond(500, "{\"message\":\"internal error\"}"));
    }
    AlpacaException e = assertThrows(AlpacaException.class,
        () -> broker.submit(OrderRequest.limit("x-1", "AAPL", Side.BUY, 1, 180)));
    assertEquals("HTTP 500 from POST /v2/orders on each of 3 attempts, last: internal error. The"
        + " order may have reached Alpaca: submitting the same request again is safe (same client"
        + " order id), or look it up with order(\"x-1\")", e.getMessage());
  }

  // ---------------------------------------------------------------- timeouts

  @Test
  void aTimedOutSubmitIsRetriedAndFindsTheOrderItPlaced() {
    AlpacaBroker b = fake.paperBroker(waits).withTimeouts(TIMEOUT, TIMEOUT).build();
    fake.script(Route.SUBMIT, Script.stall(STALL));   // the order lands, the answer is late
    OrderRequest r = OrderRequest.limit("t-1", "AAPL", Side.BUY, 10, 180);
    Order o = b.submit(r);
    assertEquals(r, o.request());
    assertEquals(OrderStatus.OPEN, o.status());
    assertEquals(1, fake.orderCount(), "executed once");
    assertEquals(2, fake.count(Route.SUBMIT), "the retry met the duplicate id");
    assertEquals(List.of(MS), waits);
  }

  @Test
  void aRetryRefusedAfterATimeoutStillFindsTheLandedOrder() {
    // Alpaca may check buying power before the id: the retry of an order that landed is then
    // refused for the money the first attempt reserved. That must not read as REJECTED.
    AlpacaBroker b = fake.paperBroker(waits).withTimeouts(TIMEOUT, TIMEOUT).build();
    fake.script(Route.SUBMIT, Script.stall(STALL), Script.respond(403,
        "{\"code\":40310000,\"message\":\"insufficient buying power\"}"));
    Order o = b.submit(OrderRequest.limit("t-2", "AAPL", Side.BUY, 10, 180));
    assertEquals(OrderStatus.OPEN, o.status());
    assertEquals(1, fake.orderCount());
  }

  @Test
  void timeoutsThatNeverEndExhaustTheRetries() {
    AlpacaBroker b = fake.paperBroker(waits).withRetries(2, MS, MS)
        .withTimeouts(TIMEOUT, TIMEOUT).build();
    fake.script(Route.ACCOUNT, Script.stall(STALL), Script.stall(STALL));
    AlpacaException e = assertThrows(AlpacaException.class, b::account);
    assertEquals(0, e.status());
    assertEquals("GET /v2/account failed after 2 attempts: no response within 200 ms",
        e.getMessage());
  }

  @Test
  void aConnectionThatIsRefusedIsRetriedThenReported() throws Exception {
    java.net.URI closed;
    try (FakeAlpaca gone = new FakeAlpaca()) {
      closed = gone.url();
    }
    AlpacaBroker b = AlpacaBroker.paper(FakeAlpaca.KEYS).withBaseUrl(closed)
        .withRetries(2, MS, MS).withSleeper(waits::add).build();
    AlpacaException e = assertThrows(AlpacaException.class, b::account);
    assertEquals(0, e.status());
    assertTrue(e.getMessage().startsWith("GET /v2/account failed after 2 attempts: "),
        e.getMessage());
    assertEquals(List.of(MS), waits);
  }

  // ---------------------------------------------------------------- unreadable responses

  @Test
  void malformedJsonNamesTheEndpoint() {
    expectMalformed(Route.ACCOUNT, "{\"cash\": \"100\",", broker::account,
        "Malformed response from GET /v2/account (HTTP 200): malformed JSON");
    expectMalformed(Route.POSITIONS, "[{]", broker::positions,
        "Malformed response from GET /v2/positions (HTTP 200): malformed JSON");
    expectMalformed(Route.SUBMIT, "<html>ok</html>",
        () -> broker.submit(OrderRequest.market("mj-1", "AAPL", Side.BUY, 1)),
        "Malformed response from POST /v2/orders (HTTP 200): malformed JSON");
    expectMalformed(Route.BY_CLIENT_ID, "{} {}", () -> broker.order("mj-2"),
        "Malformed response from GET /v2/orders:by_client_order_id (HTTP 200): malformed JSON");
    expectMalformed(Route.ACCOUNT, "{\"cash\":\"1\",\"cash\":\"2\",\"equity\":\"2\"}",
        broker::account, "Malformed response from GET /v2/account (HTTP 200): malformed JSON"
        + " (Duplicate field 'cash'");
    expectMalformed(Route.ACCOUNT, "", broker::account,
        "Malformed response from GET /v2/account (HTTP 200): the body is empty");
    expectMalformed(Route.POSITIONS, "{}", broker::positions,
        "Malformed response from GET /v2/positions (HTTP 200): expected a JSON array but found"
        + " object");
  }

  @Test
  void missingOrMistypedFieldsNameTheFieldAndEndpoint() {
    expectMalformed(Route.ACCOUNT, "{\"equity\":\"100\"}", broker::account,
        "Malformed response from GET /v2/account (HTTP 200): field 'cash' is missing");
    expectMalformed(Route.ACCOUNT, "{\"cash\":null,\"equity\":\"100\"}", broker::account,
        "Malformed response from GET /v2/account (HTTP 200): field 'cash' is null");
    expectMalformed(Route.ACCOUNT, "{\"cash\":\"1,000\",\"equity\":\"100\"}", broker::account,
        "Malformed response from GET /v2/account (HTTP 200): field 'cash' is not a decimal"
        + " number: '1,000'");
    expectMalformed(Route.ACCOUNT, "{\"cash\":\"NaN\",\"equity\":\"100\"}", broker::account,
        "field 'cash' is not a decimal number: 'NaN'");
    expectMalformed(Route.ACCOUNT, "{\"cash\":true,\"equity\":\"100\"}", broker::account,
        "field 'cash' is not a decimal number: boolean");
    expectMalformed(Route.ACCOUNT, "{\"cash\":\"1e999\",\"equity\":\"100\"}", broker::account,
        "Account: expected finite cash, but found Infinity");
    expectMalformed(Route.POSITIONS, "[{\"symbol\":\"AAPL\",\"qty\":\"5\",\"avg_entry_price\":"
        + "\"100\"}]", broker::positions, "field 'side' is missing");
    expectMalformed(Route.POSITIONS, "[{\"symbol\":\"AAPL\",\"qty\":\"-5\",\"side\":\"long\","
        + "\"avg_entry_price\":\"100\"}]", broker::positions,
        "position 'AAPL' is long with a negative qty -5");
    fake.setQuote("AAPL", "1", "2");
    expectMalformed(Route.QUOTE, "{\"symbol\":\"AAPL\"}", () -> broker.quote("AAPL"),
        "Malformed response from GET /v2/stocks/{symbol}/quotes/latest (HTTP 200): field"
        + " 'quote' is missing");
    expectMalformed(Route.QUOTE, "{\"quote\":{\"bp\":1,\"ap\":2,\"t\":\"yesterday\"}}",
        () -> broker.quote("AAPL"), "field 't' is not an RFC 3339 time: 'yesterday'");
  }

  @Test
  void orderObjectsThatContradictThemselvesAreRefused() {
    broker.submit(OrderRequest.limit("bad-1", "AAPL", Side.BUY, 10, 180));
    String id = "bad-1";
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.remove("status")),
        () -> broker.order(id), "field 'status' is missing");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.put("status", "teleported")),
        () -> broker.order(id), "order 'bad-1' has an unknown status 'teleported'");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.put("status", "filled")
        .put("filled_qty", "3").put("filled_avg_price", "180")), () -> broker.order(id),
        "Alpaca status 'filled': Order 'bad-1' (BUY 'AAPL'): a FILLED order cannot have filled 3.0 of 10.0");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.put("filled_qty", "3")),
        () -> broker.order(id), "order 'bad-1' has filled_qty 3 but no filled_avg_price");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.put("type", "trailing_stop")),
        () -> broker.order(id), "order 'bad-1' has an unsupported type 'trailing_stop'");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.put("time_in_force", "fok")),
        () -> broker.order(id), "order 'bad-1' has an unsupported time_in_force 'fok'");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.putNull("qty")),
        () -> broker.order(id), "order 'bad-1' has no qty (notional orders are not supported)");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.put("client_order_id", "other-7")),
        () -> broker.order(id), "asked for order 'bad-1' but received order 'other-7'");
    expectMalformed(Route.BY_CLIENT_ID, edit(id, n -> n.put("updated_at", "soon")),
        () -> broker.order(id), "field 'updated_at' is not an RFC 3339 time: 'soon'");
    // Still readable when the fake answers for real.
    assertEquals(OrderStatus.OPEN, broker.order(id).orElseThrow().status());
  }

  @Test
  void anEchoThatDiffersFromTheSubmittedOrderIsNotASuccess() {
    fake.script(Route.SUBMIT, Script.respond(200, edit0(n -> n.put("qty", "100"))));
    AlpacaException e = assertThrows(AlpacaException.class,
        () -> broker.submit(OrderRequest.limit("echo-1", "AAPL", Side.BUY, 10, 180)));
    assertEquals("Malformed response from POST /v2/orders (HTTP 200): Alpaca holds the order"
        + " with quantity 100.0 vs 10.0 (Alpaca's first), not as submitted", e.getMessage());
  }

  /**
   * Alpaca turns most market orders into limit orders with a price collar and answers them as
   * such: the order landed, so it is a success, and retrying the same request returns it.
   */
  @Test
  void aMarketOrderHeldAsACollaredLimitOrderIsASuccess() {
    // echo-1 as Alpaca would hold the market order: a limit buy of 10 AAPL at the collar 189
    fake.script(Route.SUBMIT, Script.respond(200, edit0(n -> n.put("limit_price", "189"))));
    OrderRequest market = OrderRequest.market("echo-1", "AAPL", Side.BUY, 10);
    Order placed = broker.submit(market);
    assertEquals(OrderStatus.OPEN, placed.status());
    assertEquals("echo-1", placed.clientOrderId());
  }

  // ---------------------------------------------------------------- other HTTP errors

  @Test
  void wrongKeysAreRefusedByTheServerOnEveryRoute() {
    AlpacaBroker wrong = AlpacaBroker.paper(AlpacaCredentials.of(FakeAlpaca.KEY_ID, "not-it"))
        .withBaseUrl(fake.url()).withDataUrl(fake.url()).withSleeper(waits::add).build();
    List<Executable> calls = List.of(wrong::account, wrong::positions, () -> wrong.quote("AAPL"),
        () -> wrong.submit(OrderRequest.market("k-1", "AAPL", Side.BUY, 1)),
        () -> wrong.order("k-1"), () -> wrong.cancel("k-1"));
    for (Executable call : calls) {
      AlpacaException e = assertThrows(AlpacaException.class, call);
      assertEquals(401, e.status());
      assertTrue(e.getMessage().endsWith(": unauthorized."), e.getMessage());
    }
    assertEquals(0, fake.orderCount());
  }

  @Test
  void otherClientErrorsCarryAlpacasMessage() {
    fake.script(Route.POSITIONS, Script.respond(400,
        "{\"code\":40010000,\"message\":\"request is not valid\"}"));
    AlpacaException e = assertThrows(AlpacaException.class, broker::positions);
    assertEquals("HTTP 400 from GET /v2/positions: request is not valid", e.getMessage());
    broker.submit(OrderRequest.limit("del-1", "AAPL", Side.BUY, 1, 180));
    fake.script(Route.CANCEL, Script.respond(403, "{\"message\":\"forbidden\"}"));
    AlpacaException c = assertThrows(AlpacaException.class, () -> broker.cancel("del-1"));
    assertEquals("HTTP 403 from DELETE /v2/orders/{order_id}: forbidden", c.getMessage());
  }

  // ---------------------------------------------------------------- helpers

  private void expectMalformed(Route route, String body, Executable call, String expected) {
    fake.script(route, Script.respond(200, body));
    AlpacaException e = assertThrows(AlpacaException.class, call);
    assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: "
        + e.getMessage());
    assertEquals(200, e.status());
  }

  /** The fake's JSON of order {@code id}, edited. */
  private String edit(String id, Consumer<ObjectNode> change) {
    try {
      ObjectNode n = (ObjectNode) new ObjectMapper().readTree(fake.orderJsonOf(id));
      change.accept(n);
      return n.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An Alpaca order object for echo-1 (limit buy 10 AAPL at 180, accepted), edited. */
  private static String edit0(Consumer<ObjectNode> change) {
    FakeAlpaca.FakeOrder o = new FakeAlpaca.FakeOrder();
    o.clientId = "echo-1";
    o.symbol = "AAPL";
    o.side = "buy";
    o.qty = new java.math.BigDecimal("10");
    o.type = "limit";
    o.tif = "gtc";
    o.limit = new java.math.BigDecimal("180");
    o.updated = Instant.parse("2024-05-01T14:30:01Z");
    ObjectNode n = FakeAlpaca.orderJson(o);
    change.accept(n);
    return n.toString();
  }
}
