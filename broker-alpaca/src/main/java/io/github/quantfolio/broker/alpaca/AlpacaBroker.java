package io.github.quantfolio.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.quantfolio.broker.alpaca.internal.AlpacaHttp;
import io.github.quantfolio.broker.alpaca.internal.AlpacaOrders;
import io.github.quantfolio.broker.alpaca.internal.AlpacaOrders.Snapshot;
import io.github.quantfolio.broker.alpaca.internal.Json;
import io.github.quantfolio.broker.alpaca.internal.Redactor;
import io.github.quantfolio.broker.alpaca.internal.Response;
import io.github.quantfolio.broker.alpaca.internal.Sleeper;
import io.github.quantfolio.core.adapters.Account;
import io.github.quantfolio.core.adapters.Broker;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.FillListener;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A {@link Broker} for Alpaca's Trading API v2, over HTTPS with the JDK's {@code java.net.http}
 * (no broker SDK). Paper trading by default ({@link #paper}); live trading only through
 * {@link #live}; {@link #isPaper()} tells which.
 *
 * <pre>{@code
 * AlpacaCredentials keys = AlpacaCredentials.of(System.getenv("APCA_API_KEY_ID"),
 *     System.getenv("APCA_API_SECRET_KEY"));
 * AlpacaBroker broker = AlpacaBroker.paper(keys).build();
 * broker.addFillListener(ledger::record);
 * Order o = broker.submit(OrderRequest.limit("q-0001", "AAPL", Side.BUY, 10, 187.5));
 * broker.poll();   // fills since the last look, to the listeners
 * }</pre>
 *
 * <p><b>Endpoints.</b> {@code GET /v2/account} (cash; positions value = equity - cash),
 * {@code GET /v2/positions} (signed: a {@code short} position has a negative quantity),
 * {@code POST /v2/orders}, {@code GET /v2/orders:by_client_order_id},
 * {@code DELETE /v2/orders/{id}} (the id looked up by client order id), and the market-data API's
 * {@code GET /v2/stocks/{symbol}/quotes/latest} (bid {@code bp}, ask {@code ap}, time {@code t}).
 * Alpaca's numbers are read strictly (decimal strings or JSON numbers, nothing else).
 *
 * <p><b>Orders</b> map to {@link Order} as the table in {@code AlpacaOrders} says, in short:
 * {@code new}, {@code accepted}, {@code pending_new}, {@code partially_filled} and the other
 * working statuses are {@code OPEN} or {@code PARTIALLY_FILLED} by {@code filled_qty};
 * {@code filled} is {@code FILLED}; {@code canceled} and {@code replaced} are
 * {@code CANCELLED}; {@code expired} is {@code EXPIRED}; {@code rejected} is {@code REJECTED};
 * an unknown status is an exception. Fees are 0: Alpaca charges no commission on US equities (its
 * regulatory pass-through fees on sells are separate account activities, not on the order, and
 * are not reported here).
 *
 * <p><b>Fills.</b> Each call that reads an order ({@link #submit}, {@link #order},
 * {@link #cancel}, {@link #poll}) compares its {@code filled_qty} with the last one seen and sends
 * the increase, once, to the fill listeners: quantity = the increase, price = the change of
 * {@code filled_qty x filled_avg_price} divided by the increase (so the fills of an order add up
 * exactly to Alpaca's quantity times average price), fee 0, time = the order's
 * {@code updated_at}, or the previous fill's time if that is later (fills never go back in time,
 * so a ledger accepts them even when one order's execution is seen after a later one of another
 * order). An order submitted through this broker reports every execution; an order
 * it first sees through {@link #order} or {@link #cancel} (e.g. one submitted by an earlier
 * process) reports only executions after that first look. {@link #poll()} refreshes every order
 * this broker knows that is still working. A listener that throws does not stop the others; its
 * exception is rethrown by the call that found the fill, after the bookkeeping (the fill is not
 * sent again, and retrying the call is safe).
 *
 * <p><b>Idempotency.</b> A client order id is used at most once: Alpaca refuses a reused one
 * (HTTP 422), and this broker then fetches the existing order and returns it if it is the same
 * request, or throws {@link IllegalArgumentException} naming the id if it is not.
 *
 * <p><b>Failures.</b> HTTP 429 and 5xx, timeouts and connection failures are retried with
 * exponential back-off ({@link Builder#withRetries}), honouring {@code Retry-After}. A POST
 * retried after a timeout cannot execute twice: if the first attempt landed, the retry meets the
 * duplicate id and returns that order. An order Alpaca refuses (HTTP 403 or 422, e.g.
 * insufficient buying power) is returned {@code REJECTED} with Alpaca's message, and a retry of
 * it returns the same rejection without calling Alpaca. Everything else (401, 404, retries
 * exhausted, malformed JSON, missing fields) throws {@link AlpacaException} naming the endpoint.
 *
 * <p><b>Keys</b> are sent only as request headers; they never appear in {@link #toString()},
 * exception messages or order messages, even where the server echoes them. The broker logs
 * nothing. Redirects are not followed (they would resend the keys).
 *
 * <p>Thread-safe: HTTP calls run outside the lock; fill bookkeeping is under it, and listeners
 * are called after it, outside it.
 *
 * @since 0.1.0
 */
public final class AlpacaBroker implements Broker {

  /** Alpaca's paper-trading endpoint, the default. */
  public static final URI PAPER_URL = URI.create("https://paper-api.alpaca.markets");
  /** Alpaca's live-trading endpoint, used only by {@link #live}. */
  public static final URI LIVE_URL = URI.create("https://api.alpaca.markets");
  /** Alpaca's market-data endpoint (the same for paper and live keys). */
  public static final URI DATA_URL = URI.create("https://data.alpaca.markets");

  private static final String ACCOUNT = "GET /v2/account";
  private static final String POSITIONS = "GET /v2/positions";
  private static final String SUBMIT = "POST /v2/orders";
  private static final String BY_CLIENT_ID = "GET /v2/orders:by_client_order_id";
  private static final String CANCEL = "DELETE /v2/orders/{order_id}";
  private static final String QUOTE = "GET /v2/stocks/{symbol}/quotes/latest";
  private static final Pattern DUPLICATE =
      Pattern.compile("(?i).*client[ _]?order[ _]?id must be unique.*", Pattern.DOTALL);
  private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  private final boolean paper;
  private final String baseUrl;
  private final String dataUrl;
  private final String feed;
  private final AlpacaHttp http;
  private final Redactor redactor;
  private final Clock clock;

  /** By client order id: the fills seen so far. Guarded by this. */
  private final Map<String, Tracked> tracked = new LinkedHashMap<>();
  /** By client order id: orders Alpaca refused with 403/422 (it keeps no record of them). */
  private final Map<String, Order> refused = new HashMap<>();
  /** Fills found under the lock, delivered after it. Guarded by this. */
  private final List<Fill> pending = new ArrayList<>();
  private final List<FillListener> listeners = new CopyOnWriteArrayList<>();
  private final Object dispatchLock = new Object();
  /** Guarded by dispatchLock: a delivery loop runs (a re-entrant or concurrent call leaves). */
  private boolean dispatching;
  /** Guarded by dispatchLock: the time of the last fill delivered. */
  private Instant lastDelivered = Instant.MIN;

  /** What has been reported of one order. */
  private static final class Tracked {
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    boolean working = true;
  }

  private record Read(Json json, Snapshot snapshot) {
  }

  private AlpacaBroker(Builder b) {
    this.paper = b.paper;
    this.baseUrl = origin(b.baseUrl);
    this.dataUrl = origin(b.dataUrl);
    this.feed = b.feed;
    this.clock = b.clock;
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(b.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.http = new AlpacaHttp(client, b.credentials, b.maxAttempts, b.baseDelay, b.maxDelay,
        b.requestTimeout, b.sleeper, b.clock);
    this.redactor = http.redactor();
  }

  /**
   * A builder of a paper-trading broker ({@link #PAPER_URL}).
   *
   * @param credentials the paper account's keys
   * @return the builder
   */
  public static Builder paper(AlpacaCredentials credentials) {
    return new Builder(credentials, true);
  }

  /**
   * A builder of a <b>live</b> broker ({@link #LIVE_URL}): orders trade real money. Wire it into
   * {@code Accounts} with a LIVE profile, which needs an explicit confirmation to become active.
   *
   * @param credentials the live account's keys
   * @return the builder
   */
  public static Builder live(AlpacaCredentials credentials) {
    return new Builder(credentials, false);
  }

  /** Settings of an {@link AlpacaBroker}. Not thread-safe; build once. */
  public static final class Builder {
    private final AlpacaCredentials credentials;
    private final boolean paper;
    private URI baseUrl;
    private URI dataUrl = DATA_URL;
    private String feed;
    private int maxAttempts = 4;
    private Duration baseDelay = Duration.ofMillis(250);
    private Duration maxDelay = Duration.ofSeconds(8);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.REAL;

    private Builder(AlpacaCredentials credentials, boolean paper) {
      this.credentials = Checks.notNull(credentials, "credentials");
      this.paper = paper;
      this.baseUrl = paper ? PAPER_URL : LIVE_URL;
    }

    /**
     * Sends trading calls to {@code url} instead (a proxy, or a local test server). HTTPS is
     * required except on the loopback interface. A paper broker refuses the live endpoint and a
     * live broker the paper one.
     *
     * @param url scheme, host and port, without path, query or user info
     * @return this builder
     */
    public Builder withBaseUrl(URI url) {
      checkUrl(url, "baseUrl");
      String host = url.getHost();
      if (paper && LIVE_URL.getHost().equalsIgnoreCase(host)) {
        throw new IllegalArgumentException("A paper broker cannot use the live endpoint " + url
            + "; build it with AlpacaBroker.live(...)");
      }
      if (!paper && PAPER_URL.getHost().equalsIgnoreCase(host)) {
        throw new IllegalArgumentException("A live broker cannot use the paper endpoint " + url
            + "; build it with AlpacaBroker.paper(...)");
      }
      this.baseUrl = url;
      return this;
    }

    /**
     * Sends market-data calls (quotes) to {@code url} instead of {@link #DATA_URL}.
     *
     * @param url scheme, host and port, without path, query or user info
     * @return this builder
     */
    public Builder withDataUrl(URI url) {
      checkUrl(url, "dataUrl");
      this.dataUrl = url;
      return this;
    }

    /**
     * Asks the market-data API for quotes from {@code feed} (e.g. {@code iex}, or {@code sip}
     * with a subscription); by default Alpaca picks the feed of the subscription.
     *
     * @param feed a lower-case feed name
     * @return this builder
     */
    public Builder withDataFeed(String feed) {
      Checks.notNull(feed, "feed");
      if (!feed.matches("[a-z_]{1,32}")) {
        throw new IllegalArgumentException("Expected a data feed name of lower-case letters and"
            + " '_' (e.g. iex, sip), but found '" + feed + "'");
      }
      this.feed = feed;
      return this;
    }

    /**
     * How often and how patiently to retry HTTP 429 and 5xx, timeouts and connection failures:
     * attempt {@code k + 1} waits {@code baseDelay x 2^(k-1)}, at most {@code maxDelay}, or what
     * {@code Retry-After} asks; a {@code Retry-After} beyond {@code maxDelay} fails at once.
     * Default: 4 attempts, 250 ms, 8 s.
     *
     * @param maxAttempts attempts per call including the first, &gt;= 1
     * @param baseDelay the first wait, &gt;= 0
     * @param maxDelay the longest wait, &gt;= baseDelay
     * @return this builder
     */
    public Builder withRetries(int maxAttempts, Duration baseDelay, Duration maxDelay) {
      Checks.notNull(baseDelay, "baseDelay");
      Checks.notNull(maxDelay, "maxDelay");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("Expected maxAttempts >= 1, but found " + maxAttempts);
      }
      if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("Expected 0 <= baseDelay <= maxDelay, but found "
            + baseDelay + " and " + maxDelay);
      }
      this.maxAttempts = maxAttempts;
      this.baseDelay = baseDelay;
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * Connection and response timeouts. Default: 5 s and 10 s. A call that times out is retried
     * like a 5xx.
     *
     * @param connect how long to wait for a connection, &gt; 0
     * @param request how long to wait for a response, &gt; 0
     * @return this builder
     */
    public Builder withTimeouts(Duration connect, Duration request) {
      Checks.notNull(connect, "connect");
      Checks.notNull(request, "request");
      if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
        throw new IllegalArgumentException("Expected timeouts > 0, but found connect " + connect
            + " and request " + request);
      }
      this.connectTimeout = connect;
      this.requestTimeout = request;
      return this;
    }

    /**
     * Times refused orders (which Alpaca does not record) and reads {@code Retry-After} dates.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder withClock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /** Tests: waits between retries without sleeping. */
    Builder withSleeper(Sleeper sleeper) {
      this.sleeper = Checks.notNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The broker. Builds no connection yet; the first call connects.
     *
     * @return the broker
     */
    public AlpacaBroker build() {
      return new AlpacaBroker(this);
    }

    private static void checkUrl(URI url, String name) {
      Checks.notNull(url, name);
      if (url.getRawUserInfo() != null) {
        // Not quoted: user info may hold a key. Keys go in AlpacaCredentials.
        throw new IllegalArgumentException("Argument '" + name + "' must not hold user info;"
            + " pass the keys as AlpacaCredentials");
      }
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
      String host = url.getHost();
      boolean loopback = "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host)
          || "[::1]".equals(host);
      String path = url.getRawPath() == null ? "" : url.getRawPath();
      if (host == null || !(scheme.equals("https") || scheme.equals("http") && loopback)
          || !(path.isEmpty() || path.equals("/")) || url.getRawQuery() != null
          || url.getRawFragment() != null) {
        throw new IllegalArgumentException("Expected " + name + " https://host[:port] (or http"
            + " on the loopback interface) without path or query, but found " + url);
      }
    }
  }

  // ---------------------------------------------------------------- Broker

  @Override
  public boolean isPaper() {
    return paper;
  }

  /**
   * The trading endpoint in use.
   *
   * @return e.g. {@code https://paper-api.alpaca.markets}
   */
  public URI baseUrl() {
    return URI.create(baseUrl);
  }

  /**
   * The market-data endpoint in use.
   *
   * @return e.g. {@code https://data.alpaca.markets}
   */
  public URI dataUrl() {
    return URI.create(dataUrl);
  }

  /**
   * {@inheritDoc} Cash is Alpaca's {@code cash}; the positions value is {@code equity - cash},
   * i.e. Alpaca's {@code long_market_value + short_market_value}, marked at Alpaca's latest
   * prices (not at quote mids).
   *
   * @throws AlpacaException if the call fails or the response lacks {@code cash} or
   *     {@code equity}
   */
  @Override
  public Account account() {
    Response r = get(baseUrl + "/v2/account", ACCOUNT);
    Json json = Json.of(r, redactor);
    JsonNode n = json.root();
    BigDecimal cash = json.decimal(n, "cash");
    BigDecimal equity = json.decimal(n, "equity");
    try {
      return new Account(cash.doubleValue(), equity.subtract(cash).doubleValue(), paper);
    } catch (IllegalArgumentException e) {
      throw json.fail(json.quote(e.getMessage()));
    }
  }

  /**
   * {@inheritDoc} A position whose {@code side} is {@code short} has a negative quantity
   * (whether Alpaca sends its {@code qty} signed or not); a {@code long} one with a negative
   * {@code qty} is refused as malformed. Quantity-0 rows, if any, are left out.
   *
   * @throws AlpacaException if the call fails or a row is malformed
   */
  @Override
  public List<Position> positions() {
    Response r = get(baseUrl + "/v2/positions", POSITIONS);
    Json json = Json.of(r, redactor);
    List<Position> out = new ArrayList<>();
    int i = 0;
    for (JsonNode p : json.array()) {
      if (!p.isObject()) {
        throw json.fail("positions[" + i + "] is not an object");
      }
      String symbol = json.text(p, "symbol");
      BigDecimal qty = json.decimal(p, "qty");
      String side = json.text(p, "side");
      BigDecimal avg = json.decimal(p, "avg_entry_price");
      String which = "position '" + json.quote(symbol) + "'";
      if (!side.equals("long") && !side.equals("short")) {
        throw json.fail(which + " has side '" + json.quote(side) + "', not long or short");
      }
      if (side.equals("long") && qty.signum() < 0) {
        throw json.fail(which + " is long with a negative qty " + qty.toPlainString());
      }
      if (qty.signum() != 0) {
        double signed = side.equals("short") ? -qty.abs().doubleValue() : qty.doubleValue();
        try {
          out.add(new Position(symbol, signed, avg.doubleValue()));
        } catch (IllegalArgumentException e) {
          throw json.fail(json.quote(e.getMessage()));
        }
      }
      i++;
    }
    return List.copyOf(out);
  }

  /**
   * {@inheritDoc} Empty when Alpaca answers 404 or its latest quote is not two-sided (a bid or
   * ask of 0, or a crossed quote with ask below bid, which a {@link Quote} cannot hold).
   *
   * @throws IllegalArgumentException if {@code symbol} holds characters other than letters,
   *     digits, '.', '_' and '-'
   * @throws AlpacaException if the call fails or the response is malformed
   */
  @Override
  public Optional<Quote> quote(String symbol) {
    Checks.notNull(symbol, "symbol");
    if (!SAFE_SEGMENT.matcher(symbol).matches()) {
      throw new IllegalArgumentException("Symbol '" + symbol + "' cannot be looked up at Alpaca's"
          + " market-data API (expected letters, digits, '.', '_' or '-')");
    }
    Response r = http.send("GET", URI.create(dataUrl + "/v2/stocks/" + symbol
        + "/quotes/latest" + (feed == null ? "" : "?feed=" + feed)), null, QUOTE);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw http.error(r);
    }
    Json json = Json.of(r, redactor);
    JsonNode q = json.object(json.root(), "quote");
    BigDecimal bid = json.decimal(q, "bp");
    BigDecimal ask = json.decimal(q, "ap");
    Instant time = json.instant(q, "t");
    if (bid.signum() <= 0 || ask.signum() <= 0 || ask.compareTo(bid) < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Quote(symbol, bid.doubleValue(), ask.doubleValue(), time));
    } catch (IllegalArgumentException e) {
      throw json.fail(json.quote(e.getMessage()));
    }
  }

  /**
   * {@inheritDoc} See the class comment for retries, duplicates and rejections.
   *
   * @throws IllegalArgumentException if Alpaca holds a different order under this client order
   *     id
   * @throws AlpacaException if the call fails (the message says whether the order may have
   *     reached Alpaca) or the response is malformed
   */
  @Override
  public Order submit(OrderRequest request) {
    Checks.notNull(request, "request");
    String id = request.clientOrderId();
    synchronized (this) {
      Order r = refused.get(id);
      if (r != null) {
        requireSame(r.request(), request);
        return r;
      }
    }
    Response resp;
    try {
      resp = http.send("POST", URI.create(baseUrl + "/v2/orders"), AlpacaOrders.body(request),
          SUBMIT);
    } catch (AlpacaException e) {
      throw new AlpacaException(SUBMIT, e.status(), e.getMessage() + ". The order may have"
          + " reached Alpaca: submitting the same request again is safe (same client order id),"
          + " or look it up with order(\"" + redactor.clean(id) + "\")");
    }
    if (resp.ok()) {
      Json json = Json.of(resp, redactor);
      Snapshot s = AlpacaOrders.read(json, json.root());
      if (!sameTrade(s.request(), request)) {
        throw json.fail("Alpaca holds the order with " + differences(s.request(), request)
            + " (Alpaca's first), not as submitted");
      }
      return deliver(observe(new Read(json, s), true));
    }
    if (resp.status() == 422 && DUPLICATE.matcher(http.message(resp)).matches()) {
      Read existing = read(id).orElseThrow(() -> new AlpacaException(BY_CLIENT_ID, 404,
          "Alpaca refused client order id '" + redactor.clean(id) + "' as a duplicate but has no"
          + " order with it"));
      requireSame(existing.snapshot().request(), request);
      return deliver(observe(existing, true));
    }
    if (resp.status() == 403 || resp.status() == 422) {
      if (resp.uncertain()) {
        // An earlier attempt may have landed, and this refusal be about the retry.
        Optional<Read> landed = read(id);
        if (landed.isPresent()) {
          requireSame(landed.get().snapshot().request(), request);
          return deliver(observe(landed.get(), true));
        }
      }
      Order rejected = Order.unfilled(request, OrderStatus.REJECTED, "Alpaca refused the order"
          + " (HTTP " + resp.status() + "): " + http.message(resp), clock.instant());
      synchronized (this) {
        Order first = refused.putIfAbsent(id, rejected);
        return first == null ? rejected : first;
      }
    }
    throw http.error(resp);
  }

  /**
   * {@inheritDoc} Looks the order up by client order id, asks Alpaca to cancel it if it is still
   * working, and reads it again. Alpaca cancels asynchronously: an order whose cancel is still
   * pending is returned working with the message {@code Alpaca status 'pending_cancel'};
   * {@link #order} or {@link #poll} shows the outcome.
   *
   * @throws IllegalArgumentException if Alpaca has no order with this id
   * @throws AlpacaException if a call fails or a response is malformed
   */
  @Override
  public Order cancel(String clientOrderId) {
    Checks.notNull(clientOrderId, "clientOrderId");
    synchronized (this) {
      Order r = refused.get(clientOrderId);
      if (r != null) {
        return r;
      }
    }
    Read before = read(clientOrderId).orElseThrow(() -> new IllegalArgumentException(
        "No order with client order id '" + clientOrderId + "' at Alpaca"));
    Order o = deliver(observe(before, false));
    if (o.status().isFinal()) {
      return o;
    }
    String alpacaId = before.snapshot().alpacaId();
    if (!SAFE_SEGMENT.matcher(alpacaId).matches()) {
      throw before.json().fail("order id '" + before.json().quote(alpacaId)
          + "' is not a valid path segment");
    }
    Response d = http.send("DELETE", URI.create(baseUrl + "/v2/orders/" + alpacaId), null,
        CANCEL);
    // 422: no longer cancelable (filled or ended meanwhile); 404: gone. Either way, read it.
    if (!d.ok() && d.status() != 404 && d.status() != 422) {
      throw http.error(d);
    }
    Read after = read(clientOrderId).orElseThrow(() -> new AlpacaException(BY_CLIENT_ID, 404,
        "Order '" + redactor.clean(clientOrderId) + "' is no longer at Alpaca after its cancel"));
    return deliver(observe(after, false));
  }

  /**
   * {@inheritDoc} A refused order (see {@link #submit}) is returned from memory: Alpaca keeps no
   * record of it.
   *
   * @throws AlpacaException if the call fails or the response is malformed
   */
  @Override
  public Optional<Order> order(String clientOrderId) {
    Checks.notNull(clientOrderId, "clientOrderId");
    synchronized (this) {
      Order r = refused.get(clientOrderId);
      if (r != null) {
        return Optional.of(r);
      }
    }
    Optional<Read> r = read(clientOrderId);
    return r.map(x -> deliver(observe(x, false)));
  }

  /**
   * Reads again every order this broker has submitted or seen that was still working, and sends
   * the executions since the last look to the fill listeners (in time order within the poll).
   * Call it on a schedule, e.g. every few seconds while orders work.
   *
   * @return the refreshed orders, in the order they became known
   * @throws AlpacaException the first failure, after every order has been tried (the others are
   *     suppressed exceptions of it); the fills of the orders read are delivered anyway
   */
  public List<Order> poll() {
    List<String> ids = new ArrayList<>();
    synchronized (this) {
      tracked.forEach((id, t) -> {
        if (t.working) {
          ids.add(id);
        }
      });
    }
    List<Order> out = new ArrayList<>();
    RuntimeException first = null;
    for (String id : ids) {
      try {
        Read r = read(id).orElseThrow(() -> new AlpacaException(BY_CLIENT_ID, 404, "Order '"
            + redactor.clean(id) + "', submitted or seen before, is no longer at Alpaca"));
        out.add(observe(r, false));
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    try {
      dispatch();
    } catch (RuntimeException e) {
      if (first == null) {
        first = e;
      } else {
        first.addSuppressed(e);
      }
    }
    if (first != null) {
      throw first;
    }
    return List.copyOf(out);
  }

  @Override
  public void addFillListener(FillListener listener) {
    listeners.add(Checks.notNull(listener, "listener"));
  }

  @Override
  public void removeFillListener(FillListener listener) {
    listeners.remove(listener);
  }

  /** For example {@code AlpacaBroker[paper, https://paper-api.alpaca.markets]}; no keys. */
  @Override
  public String toString() {
    return "AlpacaBroker[" + (paper ? "paper" : "LIVE") + ", " + baseUrl + "]";
  }

  // ---------------------------------------------------------------- internals

  private Response get(String url, String endpoint) {
    Response r = http.send("GET", URI.create(url), null, endpoint);
    if (!r.ok()) {
      throw http.error(r);
    }
    return r;
  }

  /** The order with this client id at Alpaca, unobserved; empty on 404. */
  private Optional<Read> read(String clientOrderId) {
    Response r = http.send("GET", URI.create(baseUrl + "/v2/orders:by_client_order_id"
        + "?client_order_id=" + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8)), null,
        BY_CLIENT_ID);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw http.error(r);
    }
    Json json = Json.of(r, redactor);
    Snapshot s = AlpacaOrders.read(json, json.root());
    if (!s.request().clientOrderId().equals(clientOrderId)) {
      throw json.fail("asked for order '" + json.quote(clientOrderId) + "' but received order '"
          + json.quote(s.request().clientOrderId()) + "'");
    }
    return Optional.of(new Read(json, s));
  }

  /**
   * Records what {@code r} shows of its order's fills and queues the increase as a fill. The
   * first look at an order submitted here counts from 0; any other first look is the baseline.
   * A read older than one already seen (less filled) changes nothing.
   */
  private Order observe(Read r, boolean submitted) {
    Snapshot s = r.snapshot();
    Order o = s.order();
    String id = o.clientOrderId();
    BigDecimal filled = s.filledQty();
    BigDecimal notional = s.filledAvgPrice() == null ? BigDecimal.ZERO
        : filled.multiply(s.filledAvgPrice());
    synchronized (this) {
      Tracked t = tracked.get(id);
      boolean known = t != null;
      if (!known) {
        t = new Tracked();
        if (!submitted) {
          t.filled = filled;
          t.notional = notional;
        }
      }
      int change = filled.compareTo(t.filled);
      if (change > 0) {
        BigDecimal dq = filled.subtract(t.filled);
        BigDecimal price = notional.subtract(t.notional).divide(dq, MathContext.DECIMAL64);
        try {
          pending.add(new Fill(o.request().symbol(), o.request().side(), dq.doubleValue(),
              price.doubleValue(), 0, o.updated(), id));
        } catch (IllegalArgumentException e) {
          throw r.json().fail("order '" + r.json().quote(id) + "' went from " + t.filled
              .toPlainString() + " filled at " + t.notional.toPlainString() + " to "
              + filled.toPlainString() + " at " + notional.toPlainString() + ", which implies an"
              + " execution of " + dq.toPlainString() + " at " + price.toPlainString());
        }
        t.filled = filled;
        t.notional = notional;
      }
      if (change >= 0 && o.status().isFinal()) {
        t.working = false;
      }
      if (!known) {
        tracked.put(id, t);
      }
    }
    return o;
  }

  private Order deliver(Order o) {
    dispatch();
    return o;
  }

  /**
   * Delivers the queued fills outside the lock, in time order per batch and never earlier than
   * the previous fill (an execution seen late, after a later one of another order, takes that
   * one's time: a ledger refuses fills that go back in time). One thread delivers at a time; a
   * call that finds delivery running leaves its fills to that thread. A listener that throws does
   * not stop the others; the first exception is rethrown after the batch.
   */
  private void dispatch() {
    synchronized (dispatchLock) {
      if (dispatching) {
        return;
      }
      dispatching = true;
      RuntimeException failure = null;
      try {
        while (true) {
          List<Fill> out;
          synchronized (this) {
            if (pending.isEmpty()) {
              break;
            }
            out = new ArrayList<>(pending);
            pending.clear();
          }
          out.sort(Comparator.comparing(Fill::time));
          for (Fill found : out) {
            Fill f = found.time().isBefore(lastDelivered) ? new Fill(found.symbol(), found.side(),
                found.quantity(), found.price(), found.fee(), lastDelivered,
                found.clientOrderId()) : found;
            lastDelivered = f.time();
            for (FillListener l : listeners) {
              try {
                l.onFill(f);
              } catch (RuntimeException e) {
                if (failure == null) {
                  failure = e;
                } else {
                  failure.addSuppressed(e);
                }
              }
            }
          }
        }
      } finally {
        dispatching = false;
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  /**
   * Whether two requests trade the same thing: symbol, side and quantity. Type, prices and time
   * in force are not compared, because Alpaca may hold an order in another form than submitted
   * (it turns most market orders into limit orders with a price collar); an order that did land
   * must not be reported as a failure, nor its retry as a different order.
   */
  private static boolean sameTrade(OrderRequest held, OrderRequest asked) {
    return held.clientOrderId().equals(asked.clientOrderId()) && held.symbol().equals(
        asked.symbol()) && held.side() == asked.side() && held.quantity() == asked.quantity();
  }

  private void requireSame(OrderRequest held, OrderRequest asked) {
    if (!sameTrade(held, asked)) {
      throw new IllegalArgumentException("Client order id '" + redactor.clean(asked.clientOrderId())
          + "' is already used at Alpaca by a different order: " + differences(held, asked)
          + " (Alpaca's first, this request's second)");
    }
  }

  /** The fields in which two requests differ, e.g. {@code quantity 5.0 vs 10.0}. */
  private String differences(OrderRequest held, OrderRequest asked) {
    List<String> d = new ArrayList<>();
    diff(d, "symbol", held.symbol(), asked.symbol());
    diff(d, "side", held.side(), asked.side());
    diff(d, "quantity", held.quantity(), asked.quantity());
    diff(d, "type", held.type(), asked.type());
    diff(d, "limitPrice", held.limitPrice(), asked.limitPrice());
    diff(d, "stopPrice", held.stopPrice(), asked.stopPrice());
    diff(d, "timeInForce", held.timeInForce(), asked.timeInForce());
    return redactor.clean(String.join(", ", d));
  }

  private static void diff(List<String> out, String name, Object a, Object b) {
    if (!a.equals(b)) {
      out.add(name + " " + a + " vs " + b);
    }
  }

  private static String origin(URI url) {
    String s = url.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
