package io.github.quantfolio.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory Alpaca on 127.0.0.1 (the JDK's {@code com.sun.net.httpserver}) implementing the
 * endpoints the broker uses, with Alpaca's observable rules as its documentation and error
 * catalogue describe them: key headers required (401 otherwise), a reused client order id refused
 * with 422 "client_order_id must be unique", a buy beyond the cash refused with 403
 * "insufficient buying power", numbers as decimal strings in the Trading API and as JSON numbers
 * in the market-data API, a cancel that answers 204 and a final order that is "not cancelable"
 * (422).
 *
 * <p>Tests drive it: {@link #fill} executes part of an order, {@link #script} makes the next
 * calls of a route answer something else (an error, malformed JSON, a slow response). Time
 * advances one second per change from 2024-05-01T14:30:00Z. Thread-safe (synchronized).
 */
final class FakeAlpaca implements AutoCloseable {

  /** Keys of the fake account: long enough to be realistic, distinctive enough to search for. */
  static final String KEY_ID = "PKFAKEKEYID7Q3ZL9X2M";
  static final String SECRET = "fAkEsEcReT0x9b7d5f3h1j2k4m6n8p0q2r4t6v8w";
  static final AlpacaCredentials KEYS = AlpacaCredentials.of(KEY_ID, SECRET);

  /** The routes, as the broker's endpoints. */
  enum Route { ACCOUNT, POSITIONS, SUBMIT, BY_CLIENT_ID, CANCEL, QUOTE }

  /** A scripted answer: respond raw (status, body, headers), or handle normally then stall. */
  record Script(int status, String body, Map<String, String> headers, long stallMillis) {
    static Script respond(int status, String body) {
      return new Script(status, body, Map.of(), 0);
    }

    static Script respond(int status, String body, Map<String, String> headers) {
      return new Script(status, body, headers, 0);
    }

    /** Handles the call (it takes effect), then waits before answering. */
    static Script stall(Duration d) {
      return new Script(0, null, Map.of(), d.toMillis());
    }
  }

  static {
    // Without TCP_NODELAY the JDK's server answers each request ~40 ms late (Nagle's algorithm
    // meeting delayed ACKs on loopback). Read once, when the first server is created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2024-05-01T14:30:00Z");

  private final HttpServer server;
  private final ExecutorService pool;

  // State, guarded by this.
  private final Map<String, FakeOrder> byId = new LinkedHashMap<>();
  private final Map<String, FakeOrder> byClientId = new HashMap<>();
  private final Map<String, BigDecimal[]> positions = new LinkedHashMap<>();
  private final Map<String, String[]> quotes = new HashMap<>();
  private final Map<Route, Deque<Script>> scripts = new HashMap<>();
  private final List<Route> calls = new ArrayList<>();
  private final List<JsonNode> submitted = new ArrayList<>();
  private BigDecimal cash = new BigDecimal("100000");
  private int tick;
  /** Send short positions' qty unsigned (the broker must sign them by side). */
  boolean unsignedShortQty;
  /** Cancels leave the order pending_cancel instead of canceled. */
  boolean pendingCancel;
  /** Market orders fill at once at the ask (the quote must exist). */
  boolean fillMarketOrders;

  static final class FakeOrder {
    final String id = UUID.randomUUID().toString();
    String clientId;
    String symbol;
    String side;
    BigDecimal qty;
    String type;
    String tif;
    BigDecimal limit;
    BigDecimal stop;
    String status = "accepted";
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    Instant updated;
  }

  FakeAlpaca() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-alpaca");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The fake's address, e.g. http://127.0.0.1:54321. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A paper broker on this fake with tiny retry waits that are recorded, not slept. */
  AlpacaBroker.Builder paperBroker(List<Duration> waits) {
    return AlpacaBroker.paper(KEYS).withBaseUrl(url()).withDataUrl(url())
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(50))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withSleeper(waits::add);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  // ---------------------------------------------------------------- test controls

  synchronized void script(Route route, Script... next) {
    Deque<Script> q = scripts.computeIfAbsent(route, r -> new ArrayDeque<>());
    q.addAll(List.of(next));
  }

  synchronized void setCash(String value) {
    cash = new BigDecimal(value);
  }

  synchronized void setPosition(String symbol, String qty, String avg) {
    positions.put(symbol, new BigDecimal[] {new BigDecimal(qty), new BigDecimal(avg)});
  }

  synchronized void setQuote(String symbol, String bid, String ask) {
    quotes.put(symbol, new String[] {bid, ask});
  }

  /** Executes {@code qty} of the order at {@code price}; the order becomes partially or fully filled. */
  synchronized void fill(String clientId, String qty, String price) {
    FakeOrder o = byClientId.get(clientId);
    execute(o, new BigDecimal(qty), new BigDecimal(price));
  }

  /** Sets an order's status directly (expiry, replacement, ...). */
  synchronized void setStatus(String clientId, String status) {
    FakeOrder o = byClientId.get(clientId);
    o.status = status;
    o.updated = next();
  }

  synchronized List<Route> calls() {
    return List.copyOf(calls);
  }

  synchronized long count(Route r) {
    return calls.stream().filter(r::equals).count();
  }

  synchronized int orderCount() {
    return byId.size();
  }

  synchronized List<JsonNode> submittedBodies() {
    return List.copyOf(submitted);
  }

  /** The order's JSON as the fake would answer it now. */
  synchronized String orderJsonOf(String clientId) {
    return orderJson(byClientId.get(clientId)).toString();
  }

  synchronized FakeOrder orderOf(String clientId) {
    return byClientId.get(clientId);
  }

  // ---------------------------------------------------------------- HTTP

  private void handle(HttpExchange ex) {
    try {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getRawPath();
      Route route = route(method, path);
      if (route == null) {
        send(ex, 404, "{\"code\":40410000,\"message\":\"endpoint not found\"}", Map.of());
        return;
      }
      Script script;
      synchronized (this) {
        calls.add(route);
        Deque<Script> q = scripts.get(route);
        script = q == null ? null : q.poll();
      }
      if (!KEY_ID.equals(ex.getRequestHeaders().getFirst("APCA-API-KEY-ID"))
          || !SECRET.equals(ex.getRequestHeaders().getFirst("APCA-API-SECRET-KEY"))) {
        send(ex, 401, "{\"message\":\"unauthorized.\"}", Map.of());
        return;
      }
      if (script != null && script.stallMillis() == 0) {
        send(ex, script.status(), script.body(), script.headers());
        return;
      }
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String[] answer;
      synchronized (this) {
        answer = answer(route, ex.getRequestURI(), path, body);
      }
      if (script != null) {
        try {
          Thread.sleep(script.stallMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      send(ex, Integer.parseInt(answer[0]), answer[1], Map.of());
    } catch (IOException e) {
      // The client gave up (a timeout test): nothing to answer.
    } finally {
      ex.close();
    }
  }

  private static Route route(String method, String path) {
    if (method.equals("GET") && path.equals("/v2/account")) {
      return Route.ACCOUNT;
    }
    if (method.equals("GET") && path.equals("/v2/positions")) {
      return Route.POSITIONS;
    }
    if (method.equals("POST") && path.equals("/v2/orders")) {
      return Route.SUBMIT;
    }
    if (method.equals("GET") && path.equals("/v2/orders:by_client_order_id")) {
      return Route.BY_CLIENT_ID;
    }
    if (method.equals("DELETE") && path.startsWith("/v2/orders/")) {
      return Route.CANCEL;
    }
    if (method.equals("GET") && path.matches("/v2/stocks/[^/]+/quotes/latest")) {
      return Route.QUOTE;
    }
    return null;
  }

  private String[] answer(Route route, URI uri, String path, String body) {
    switch (route) {
      case ACCOUNT:
        return ok(account());
      case POSITIONS:
        return ok(positionsJson());
      case SUBMIT:
        return submit(body);
      case BY_CLIENT_ID: {
        String id = query(uri, "client_order_id");
        FakeOrder o = id == null ? null : byClientId.get(id);
        return o == null ? new String[] {"404", "{\"code\":40410000,\"message\":\"order not found\"}"}
            : ok(orderJson(o));
      }
      case CANCEL: {
        FakeOrder o = byId.get(path.substring("/v2/orders/".length()));
        if (o == null) {
          return new String[] {"404", "{\"code\":40410000,\"message\":\"order not found\"}"};
        }
        if (Set.of("filled", "canceled", "expired", "rejected", "replaced").contains(o.status)) {
          return new String[] {"422", "{\"code\":42210000,\"message\":\"order is not cancelable\"}"};
        }
        o.status = pendingCancel ? "pending_cancel" : "canceled";
        o.updated = next();
        return new String[] {"204", ""};
      }
      case QUOTE: {
        String symbol = path.split("/")[3];
        String[] q = quotes.get(symbol);
        if (q == null) {
          return new String[] {"404", "{\"message\":\"no quote found for " + symbol + "\"}"};
        }
        ObjectNode root = JSON.createObjectNode().put("symbol", symbol);
        ObjectNode quote = root.putObject("quote");
        quote.put("t", "2024-05-01T14:29:59.123456789Z").put("ax", "V")
            .put("ap", new BigDecimal(q[1])).put("as", 3).put("bx", "V")
            .put("bp", new BigDecimal(q[0])).put("bs", 2).put("z", "C");
        quote.putArray("c").add("R");
        return ok(root);
      }
      default:
        throw new IllegalStateException();
    }
  }

  private String[] submit(String body) {
    JsonNode req;
    try {
      req = JSON.readTree(body);
    } catch (IOException e) {
      return new String[] {"400", "{\"code\":40010000,\"message\":\"request body format is invalid\"}"};
    }
    for (String f : List.of("symbol", "qty", "side", "type", "time_in_force", "client_order_id")) {
      if (!req.path(f).isTextual()) {
        return new String[] {"422", "{\"code\":40010001,\"message\":\"" + f + " is required\"}"};
      }
    }
    submitted.add(req);
    String clientId = req.get("client_order_id").asText();
    if (byClientId.containsKey(clientId)) {
      return new String[] {"422",
          "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}"};
    }
    FakeOrder o = new FakeOrder();
    o.clientId = clientId;
    o.symbol = req.get("symbol").asText();
    o.side = req.get("side").asText();
    o.qty = new BigDecimal(req.get("qty").asText());
    o.type = req.get("type").asText();
    o.tif = req.get("time_in_force").asText();
    o.limit = req.hasNonNull("limit_price") ? new BigDecimal(req.get("limit_price").asText()) : null;
    o.stop = req.hasNonNull("stop_price") ? new BigDecimal(req.get("stop_price").asText()) : null;
    if (o.side.equals("buy")) {
      String[] q = quotes.get(o.symbol);
      BigDecimal px = o.limit != null ? o.limit : o.stop != null ? o.stop
          : q != null ? new BigDecimal(q[1]) : BigDecimal.ZERO;
      if (o.qty.multiply(px).compareTo(cash) > 0) {
        return new String[] {"403",
            "{\"code\":40310000,\"message\":\"insufficient buying power\"}"};
      }
    }
    o.updated = next();
    byId.put(o.id, o);
    byClientId.put(clientId, o);
    if (fillMarketOrders && o.type.equals("market")) {
      String[] q = quotes.get(o.symbol);
      execute(o, o.qty, new BigDecimal(o.side.equals("buy") ? q[1] : q[0]));
    }
    return ok(orderJson(o));
  }

  private void execute(FakeOrder o, BigDecimal qty, BigDecimal price) {
    o.filled = o.filled.add(qty);
    o.notional = o.notional.add(qty.multiply(price));
    o.status = o.filled.compareTo(o.qty) >= 0 ? "filled" : "partially_filled";
    o.updated = next();
    BigDecimal signed = o.side.equals("buy") ? qty : qty.negate();
    cash = cash.subtract(signed.multiply(price));
    BigDecimal[] p = positions.get(o.symbol);
    BigDecimal q = p == null ? BigDecimal.ZERO : p[0];
    BigDecimal nq = q.add(signed);
    if (nq.signum() == 0) {
      positions.remove(o.symbol);
    } else if (p == null || q.signum() != nq.signum()) {
      positions.put(o.symbol, new BigDecimal[] {nq, price});
    } else if (q.abs().compareTo(nq.abs()) < 0) {
      BigDecimal avg = p[1].multiply(q).add(price.multiply(signed)).divide(nq, MathContext.DECIMAL64);
      positions.put(o.symbol, new BigDecimal[] {nq, avg});
    } else {
      positions.put(o.symbol, new BigDecimal[] {nq, p[1]});
    }
  }

  private Instant next() {
    return T0.plusSeconds(++tick);
  }

  private ObjectNode account() {
    BigDecimal longValue = BigDecimal.ZERO;
    BigDecimal shortValue = BigDecimal.ZERO;
    for (BigDecimal[] p : positions.values()) {
      BigDecimal v = p[0].multiply(p[1]);
      if (v.signum() > 0) {
        longValue = longValue.add(v);
      } else {
        shortValue = shortValue.add(v);
      }
    }
    return JSON.createObjectNode().put("id", "3f6e2a0c-0000-4000-8000-000000000001")
        .put("account_number", "PA3FAKE00001").put("status", "ACTIVE").put("currency", "USD")
        .put("cash", cash.toPlainString())
        .put("long_market_value", longValue.toPlainString())
        .put("short_market_value", shortValue.toPlainString())
        .put("equity", cash.add(longValue).add(shortValue).toPlainString())
        .put("buying_power", cash.toPlainString()).put("trading_blocked", false);
  }

  private ArrayNode positionsJson() {
    ArrayNode a = JSON.createArrayNode();
    positions.forEach((s, p) -> {
      boolean shortPos = p[0].signum() < 0;
      a.addObject().put("asset_id", UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8))
              .toString())
          .put("symbol", s).put("exchange", "NASDAQ").put("asset_class", "us_equity")
          .put("avg_entry_price", p[1].toPlainString())
          .put("qty", (shortPos && unsignedShortQty ? p[0].abs() : p[0]).toPlainString())
          .put("side", shortPos ? "short" : "long")
          .put("market_value", p[0].multiply(p[1]).toPlainString());
    });
    return a;
  }

  static ObjectNode orderJson(FakeOrder o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", o.id).put("client_order_id", o.clientId)
        .put("created_at", T0.toString()).put("updated_at", o.updated.toString())
        .put("submitted_at", T0.toString()).putNull("filled_at").putNull("expired_at")
        .putNull("canceled_at").putNull("failed_at").putNull("replaced_at").putNull("replaced_by")
        .putNull("replaces").put("asset_id", "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415")
        .put("symbol", o.symbol).put("asset_class", "us_equity").putNull("notional")
        .put("qty", o.qty.toPlainString()).put("filled_qty", o.filled.toPlainString());
    if (o.filled.signum() == 0) {
      n.putNull("filled_avg_price");
    } else {
      n.put("filled_avg_price",
          o.notional.divide(o.filled, MathContext.DECIMAL64).stripTrailingZeros().toPlainString());
    }
    n.put("order_class", "").put("order_type", o.type).put("type", o.type).put("side", o.side)
        .put("time_in_force", o.tif);
    if (o.limit == null) {
      n.putNull("limit_price");
    } else {
      n.put("limit_price", o.limit.toPlainString());
    }
    if (o.stop == null) {
      n.putNull("stop_price");
    } else {
      n.put("stop_price", o.stop.toPlainString());
    }
    n.put("status", o.status).put("extended_hours", false).putNull("legs")
        .putNull("trail_percent").putNull("trail_price").putNull("hwm");
    return n;
  }

  private static String[] ok(JsonNode n) {
    return new String[] {"200", n.toString()};
  }

  private static String query(URI uri, String name) {
    String q = uri.getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(name)) {
        return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void send(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (status == 204 || bytes.length == 0) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
