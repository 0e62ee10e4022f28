package io.github.quantfolio.broker.alpaca;

import static io.github.quantfolio.broker.alpaca.FakeAlpaca.KEY_ID;
import static io.github.quantfolio.broker.alpaca.FakeAlpaca.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Route;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Script;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API keys never appear in a message, whatever the server does: here it echoes both keys in
 * every place it can (error bodies, malformed JSON, field values, headers), and every exception
 * message (with its causes and suppressed exceptions), order message and {@code toString()} the
 * broker produces is searched for them.
 */
class AlpacaSecretsTest {

  /** What a server that echoes the request headers would put into its answers. */
  private static final String ECHO = "APCA-API-KEY-ID: " + KEY_ID + ", APCA-API-SECRET-KEY: "
      + SECRET;

  private FakeAlpaca fake;
  private final List<Duration> waits = new ArrayList<>();
  private AlpacaBroker broker;
  /** Every text the broker produced. */
  private final List<String> texts = new ArrayList<>();
  private int failures;

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
  void noMessageEverContainsTheKeys() throws Exception {
    String echoJson = "{\"code\":40010000,\"message\":\"" + ECHO + "\"}";
    // HTTP errors whose bodies echo the keys, as JSON and as plain text.
    for (int status : new int[] {400, 401, 404, 409}) {
      fake.script(Route.ACCOUNT, Script.respond(status, echoJson));
      failing(broker::account);
      fake.script(Route.POSITIONS, Script.respond(status, "<html>" + ECHO + "</html>"));
      failing(broker::positions);
    }
    // Server errors until the retries run out; a Retry-After too long; a Retry-After that is a key.
    for (int i = 0; i < 3; i++) {
      fake.script(Route.ACCOUNT, Script.respond(500, echoJson));
    }
    failing(broker::account);
    fake.script(Route.ACCOUNT, Script.respond(429, echoJson, Map.of("Retry-After", "3600")));
    failing(broker::account);
    fake.script(Route.ACCOUNT, Script.respond(503, echoJson, Map.of("Retry-After", SECRET)),
        Script.respond(503, echoJson, Map.of("Retry-After", KEY_ID)),
        Script.respond(503, echoJson));
    failing(broker::account);
    // Malformed JSON whose bad token is a key, and fields whose values are keys.
    fake.script(Route.ACCOUNT, Script.respond(200, "{\"cash\": " + SECRET + "}"));
    failing(broker::account);
    fake.script(Route.ACCOUNT, Script.respond(200, "{\"cash\": \"" + KEY_ID + "\"}"));
    failing(broker::account);
    fake.script(Route.POSITIONS, Script.respond(200, "[{\"symbol\":\"" + SECRET + "\",\"qty\":"
        + "\"-1\",\"side\":\"long\",\"avg_entry_price\":\"1\"}]"));
    failing(broker::positions);
    fake.script(Route.POSITIONS, Script.respond(200, "[{\"symbol\":\"AAPL\",\"qty\":\"1\","
        + "\"side\":\"" + KEY_ID + "\",\"avg_entry_price\":\"1\"}]"));
    failing(broker::positions);
    fake.setQuote("AAPL", "1", "2");
    fake.script(Route.QUOTE, Script.respond(200, "{\"quote\":{\"bp\":1,\"ap\":2,\"t\":\"" + SECRET
        + "\"}}"));
    failing(() -> broker.quote("AAPL"));
    fake.script(Route.QUOTE, Script.respond(200, "{\"quote\":{\"bp\":\"" + SECRET + "\"}}"));
    failing(() -> broker.quote("AAPL"));

    // Orders: refusals that echo the keys come back REJECTED with the keys removed.
    fake.script(Route.SUBMIT, Script.respond(403, echoJson));
    Order refused = broker.submit(OrderRequest.limit("s-1", "AAPL", Side.BUY, 1, 10));
    assertEquals(OrderStatus.REJECTED, refused.status());
    assertTrue(refused.message().contains("***"), refused.message());
    texts.add(refused.message());
    texts.add(refused.toString());
    fake.script(Route.SUBMIT, Script.respond(422, "{\"message\":\"" + ECHO + "\"}"));
    texts.add(broker.submit(OrderRequest.limit("s-2", "AAPL", Side.BUY, 1, 10)).toString());
    fake.script(Route.SUBMIT, Script.respond(200, "{\"id\": " + KEY_ID + "}"));
    failing(() -> broker.submit(OrderRequest.limit("s-3", "AAPL", Side.BUY, 1, 10)));
    for (int i = 0; i < 3; i++) {
      fake.script(Route.SUBMIT, Script.respond(502, ECHO));
    }
    failing(() -> broker.submit(OrderRequest.limit("s-4", "AAPL", Side.BUY, 1, 10)));

    // Order objects whose fields are keys.
    broker.submit(OrderRequest.limit("o-1", "AAPL", Side.BUY, 10, 10));
    List<Consumer<ObjectNode>> poisons = List.of(
        n -> n.put("status", SECRET),
        n -> n.put("type", KEY_ID),
        n -> n.put("side", SECRET),
        n -> n.put("time_in_force", KEY_ID),
        n -> n.put("updated_at", SECRET),
        n -> n.put("qty", SECRET),
        n -> n.put("client_order_id", KEY_ID + SECRET),
        n -> n.put("symbol", SECRET).put("qty", "-1"),
        n -> n.put("status", "filled").put("filled_qty", "3").put("filled_avg_price", "1"),
        n -> n.put("limit_price", "-" + KEY_ID));
    for (Consumer<ObjectNode> poison : poisons) {
      fake.script(Route.BY_CLIENT_ID, Script.respond(200, edited("o-1", poison)));
      failing(() -> broker.order("o-1"));
    }
    // A replaced order names its replacement (here a key) in its message.
    fake.script(Route.BY_CLIENT_ID, Script.respond(200, edited("o-1",
        n -> n.put("status", "replaced").put("replaced_by", SECRET))));
    Order replaced = broker.order("o-1").orElseThrow();
    assertEquals("replaced at Alpaca by order ***", replaced.message());
    texts.add(replaced.toString());

    // A duplicate id held by a different order whose symbol is a key; an echo that differs.
    fake.script(Route.SUBMIT, Script.respond(422,
        "{\"message\":\"client_order_id must be unique " + ECHO + "\"}"));
    fake.script(Route.BY_CLIENT_ID, Script.respond(200, edited("o-1",
        n -> n.put("client_order_id", "d-1").put("symbol", SECRET))));
    failing(() -> broker.submit(OrderRequest.limit("d-1", "AAPL", Side.BUY, 10, 10)));
    fake.script(Route.SUBMIT, Script.respond(200, edited("o-1",
        n -> n.put("client_order_id", "e-1").put("symbol", KEY_ID))));
    failing(() -> broker.submit(OrderRequest.limit("e-1", "AAPL", Side.BUY, 10, 10)));
    // A cancel refused with the keys echoed.
    fake.script(Route.CANCEL, Script.respond(400, echoJson));
    failing(() -> broker.cancel("o-1"));

    // Timeouts and a refused connection.
    AlpacaBroker slow = fake.paperBroker(waits).withRetries(1, Duration.ZERO, Duration.ZERO)
        .withTimeouts(Duration.ofMillis(100), Duration.ofMillis(100)).build();
    fake.script(Route.ACCOUNT, Script.stall(Duration.ofMillis(300)));
    failing(slow::account);

    texts.add(broker.toString());
    texts.add(FakeAlpaca.KEYS.toString());
    texts.add(AlpacaBroker.live(FakeAlpaca.KEYS).build().toString());

    for (String t : texts) {
      assertFalse(t.contains(KEY_ID), () -> "key id in: " + t);
      assertFalse(t.contains(SECRET), () -> "secret in: " + t);
    }
    // The test is not vacuous: every scripted failure failed, and the echoes were there.
    assertEquals(33, failures);
    assertTrue(texts.stream().filter(t -> t.contains("***")).count() >= 20,
        "the server's echoes reached the messages, redacted");
  }

  @Test
  void credentialsRefuseBadValuesWithoutQuotingThem() {
    String bad = SECRET + "\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AlpacaCredentials.of(KEY_ID, bad));
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertEquals("Argument 'secretKey' holds a character that cannot be sent in an HTTP header"
        + " (space, control or non-ASCII) at position 40", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AlpacaCredentials.of("", SECRET));
    assertThrows(IllegalArgumentException.class, () -> AlpacaCredentials.of("PK KEY", SECRET));
    assertThrows(IllegalArgumentException.class, () -> AlpacaCredentials.of("PKé", SECRET));
    NullPointerException n = assertThrows(NullPointerException.class,
        () -> AlpacaCredentials.of(KEY_ID, null));
    assertEquals("Argument 'secretKey' must not be null", n.getMessage());
    assertEquals("AlpacaCredentials[keyId=***, secretKey=***]",
        AlpacaCredentials.of(KEY_ID, SECRET).toString());
  }

  /** Runs {@code call}, which must throw; records every message of the exception's tree. */
  private void failing(ThrowingCall call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      failures++;
      collect(e);
      return;
    }
    fail("expected a failure, call " + (failures + 1));
  }

  private void collect(Throwable t) {
    texts.add(String.valueOf(t.getMessage()));
    texts.add(t.toString());
    if (t.getCause() != null) {
      collect(t.getCause());
    }
    for (Throwable s : t.getSuppressed()) {
      collect(s);
    }
  }

  private String edited(String id, Consumer<ObjectNode> change) throws Exception {
    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(fake.orderJsonOf(id));
    change.accept(n);
    return n.toString();
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run();
  }
}
