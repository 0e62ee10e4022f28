package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.Account;
import io.github.quantfolio.core.adapters.Broker;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.OrderType;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.trading.AuditEntry.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Several broker accounts (paper and live), one of them active, with the pre-trade controls of
 * each account's {@link AccountProfile} in front of its broker and an audit log of every switch,
 * rejection and order (seed 002's runtime account switching).
 *
 * <p><b>Switching.</b> No account is active at first. {@link #switchTo(String)} activates a paper
 * account; a live one needs {@link #switchTo(String, LiveConfirmation)} with a confirmation that
 * names it. A refused switch is logged and throws; the active account does not change.
 *
 * <p><b>Orders.</b> {@link #submit} sends an order to the active account's broker only if it
 * passes {@link PreTradeCheck}; otherwise it returns the order {@link OrderStatus#REJECTED} with
 * every broken rule in the message, and the broker never sees it. An order id the broker already
 * has is returned as the broker holds it, unchecked and uncounted (a retry is not a new trade).
 * Orders the broker accepts count towards the session's trade limit; a call that throws counts
 * nothing. Market orders are valued at the quote's ask (buy) or bid (sell), limit orders at the
 * limit; positions at their quote's mid, or their average price when the broker has no quote.
 *
 * <p><b>Sessions.</b> Daily counters reset when the clock passes the session start (midnight by
 * default) in the configured time zone (UTC by default); the reset is logged.
 *
 * <p>Thread-safe: every method is synchronized, broker calls included, so the counters cannot
 * race. Brokers may still be used directly, bypassing the controls.
 *
 * @since 0.1.0
 */
public final class Accounts {

  private record Wired(AccountProfile profile, Broker broker) {
  }

  private final Map<String, Wired> accounts;
  private final Clock clock;
  private final ZoneId zone;
  private final LocalTime sessionStart;
  private final Consumer<AuditEntry> sink;
  private final List<AuditEntry> log = new ArrayList<>();
  private final Map<String, Set<String>> acceptedThisSession = new HashMap<>();
  private String active;
  private LocalDate session;

  private Accounts(Builder b) {
    this.accounts = new LinkedHashMap<>(b.accounts);
    this.clock = b.clock;
    this.zone = b.zone;
    this.sessionStart = b.sessionStart;
    this.sink = b.sink;
    this.session = sessionOf(clock.instant());
    accounts.keySet().forEach(id -> acceptedThisSession.put(id, new HashSet<>()));
  }

  /**
   * A builder to add accounts to.
   *
   * @return a new builder (UTC system clock, sessions starting at midnight UTC, no audit sink)
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the accounts and settings of an {@link Accounts}. */
  public static final class Builder {
    private final Map<String, Wired> accounts = new LinkedHashMap<>();
    private Clock clock = Clock.systemUTC();
    private ZoneId zone = ZoneId.of("UTC");
    private LocalTime sessionStart = LocalTime.MIDNIGHT;
    private Consumer<AuditEntry> sink = e -> { };

    private Builder() {
    }

    /**
     * Adds an account.
     *
     * @param profile the account and its limits (ids must be unique)
     * @param broker its broker; a {@link AccountMode#PAPER} profile needs a paper broker
     * @return this builder
     */
    public Builder add(AccountProfile profile, Broker broker) {
      Checks.notNull(profile, "profile");
      Checks.notNull(broker, "broker");
      if (accounts.containsKey(profile.id())) {
        throw new IllegalArgumentException("Account " + profile.id() + " is added twice");
      }
      if (profile.mode() == AccountMode.PAPER && !broker.isPaper()) {
        throw new IllegalArgumentException("Account " + profile.id() + " is PAPER but its broker"
            + " trades live (Broker.isPaper() is false)");
      }
      accounts.put(profile.id(), new Wired(profile, broker));
      return this;
    }

    /**
     * Timestamps audit entries and rejected orders with {@code clock}, which also drives the
     * session resets.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder withClock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /**
     * Starts each trading session at {@code start} in {@code zone} (e.g. 17:00 New York for a
     * currency desk).
     *
     * @param zone the session's time zone
     * @param start the local time a session begins
     * @return this builder
     */
    public Builder withSessionStart(ZoneId zone, LocalTime start) {
      this.zone = Checks.notNull(zone, "zone");
      this.sessionStart = Checks.notNull(start, "start");
      return this;
    }

    /**
     * Also sends every audit entry to {@code sink} (e.g. a file or database), as it is written.
     *
     * @param sink the consumer
     * @return this builder
     */
    public Builder withAuditSink(Consumer<AuditEntry> sink) {
      this.sink = Checks.notNull(sink, "sink");
      return this;
    }

    /**
     * The accounts, none active.
     *
     * @return the accounts
     */
    public Accounts build() {
      if (accounts.isEmpty()) {
        throw new IllegalArgumentException("Accounts need at least one account");
      }
      return new Accounts(this);
    }
  }

  // ---------------------------------------------------------------- switching

  /**
   * Makes the paper account {@code id} active.
   *
   * @param id an account added to the builder
   * @throws IllegalArgumentException if the account is unknown or live (use
   *     {@link #switchTo(String, LiveConfirmation)})
   */
  public synchronized void switchTo(String id) {
    Wired w = wired(id);
    if (w.profile().mode() == AccountMode.LIVE) {
      refuse(id, "Switching to LIVE account " + id + " needs a LiveConfirmation naming it");
    }
    activate(id, "to PAPER account " + id);
  }

  /**
   * Makes account {@code id} active; for a live account the confirmation must name it.
   *
   * @param id an account added to the builder
   * @param confirmation the operator's consent, naming {@code id}
   * @throws IllegalArgumentException if the account is unknown or the confirmation names
   *     another account
   */
  public synchronized void switchTo(String id, LiveConfirmation confirmation) {
    Checks.notNull(confirmation, "confirmation");
    Wired w = wired(id);
    if (!confirmation.accountId().equals(id)) {
      refuse(id, "The live confirmation names account " + confirmation.accountId()
          + ", not " + id);
    }
    activate(id, "to " + w.profile().mode() + " account " + id + ", confirmed by "
        + confirmation.operator());
  }

  private void activate(String id, String detail) {
    String from = active == null ? "none" : active;
    active = id;
    audit(id, Kind.SWITCH, "", "from " + from + " " + detail);
  }

  private void refuse(String id, String message) {
    audit(id, Kind.SWITCH_REFUSED, "", message);
    throw new IllegalArgumentException(message);
  }

  /**
   * The active account.
   *
   * @return its profile, or empty before the first switch
   */
  public synchronized Optional<AccountProfile> active() {
    return Optional.ofNullable(active).map(id -> accounts.get(id).profile());
  }

  /**
   * The broker of the active account (for reading the account, positions and orders; orders
   * sent to it directly bypass the pre-trade controls).
   *
   * @return the broker
   * @throws IllegalStateException if no account is active
   */
  public synchronized Broker broker() {
    return activeWired().broker();
  }

  // ---------------------------------------------------------------- orders

  /**
   * Checks {@code order} against the active account's limits and, if it passes, submits it to
   * the account's broker (see the class comment).
   *
   * @param order the order
   * @return the broker's order, or the order {@link OrderStatus#REJECTED} by the pre-trade
   *     controls with every broken rule in its message
   * @throws IllegalStateException if no account is active
   */
  public synchronized Order submit(OrderRequest order) {
    Checks.notNull(order, "order");
    Wired w = activeWired();
    rollSession();
    String id = order.clientOrderId();
    String account = w.profile().id();
    Optional<Order> existing = w.broker().order(id);
    if (existing.isPresent()) {
      audit(account, Kind.ORDER_DUPLICATE, id, "already at the broker as "
          + existing.get().status() + "; nothing submitted");
      return existing.get();
    }
    OptionalPrice price = price(w.broker(), order);
    if (price.missing != null) {
      return rejected(account, order, price.missing);
    }
    Set<String> accepted = acceptedThisSession.get(account);
    AccountState state = state(w.broker(), accepted.size());
    List<PreTradeViolation> violations = PreTradeCheck.check(w.profile(), order, price.value,
        state);
    if (!violations.isEmpty()) {
      return rejected(account, order, violations.stream().map(PreTradeViolation::message)
          .collect(Collectors.joining("; ")));
    }
    Order result;
    try {
      result = w.broker().submit(order);
    } catch (RuntimeException e) {
      audit(account, Kind.ORDER_ERROR, id, describe(order) + ": " + e);
      throw e;
    }
    if (result.status() == OrderStatus.REJECTED) {
      audit(account, Kind.ORDER_REJECTED_BY_BROKER, id, describe(order) + ": "
          + result.message());
    } else {
      accepted.add(id);
      audit(account, Kind.ORDER_SUBMITTED, id, describe(order) + " -> " + result.status());
    }
    return result;
  }

  /**
   * Cancels an order at the active account's broker.
   *
   * @param clientOrderId the order's id
   * @return the order in its resulting state
   */
  public synchronized Order cancel(String clientOrderId) {
    Wired w = activeWired();
    Order o = w.broker().cancel(clientOrderId);
    audit(w.profile().id(), Kind.ORDER_CANCELLED, clientOrderId, "now " + o.status());
    return o;
  }

  /**
   * Orders accepted by the broker of account {@code id} in the current session.
   *
   * @param id an account
   * @return the count
   */
  public synchronized int tradesThisSession(String id) {
    wired(id);
    rollSession();
    return acceptedThisSession.get(id).size();
  }

  /**
   * Every audit entry so far, oldest first (an unmodifiable copy).
   *
   * @return every audit entry so far, oldest first (an unmodifiable copy)
   */
  public synchronized List<AuditEntry> auditLog() {
    return List.copyOf(log);
  }

  // ---------------------------------------------------------------- internals

  private record OptionalPrice(double value, String missing) {
  }

  private static OptionalPrice price(Broker broker, OrderRequest order) {
    if (order.type() == OrderType.LIMIT) {
      return new OptionalPrice(order.limitPrice(), null);
    }
    Optional<Quote> q = broker.quote(order.symbol());
    return q.map(quote -> new OptionalPrice(quote.priceFor(order.side()), null))
        .orElseGet(() -> new OptionalPrice(Double.NaN, "no quote for '" + order.symbol()
            + "' to value the market order against the account's limits"));
  }

  private static AccountState state(Broker broker, int tradesToday) {
    Account account = broker.account();
    Map<String, Double> values = new HashMap<>();
    for (Position p : broker.positions()) {
      double mark = broker.quote(p.symbol()).map(Quote::mid).orElse(p.averagePrice());
      values.put(p.symbol(), p.quantity() * mark);
    }
    return new AccountState(account.equity(), values, tradesToday);
  }

  private Order rejected(String account, OrderRequest order, String why) {
    audit(account, Kind.ORDER_REJECTED_PRE_TRADE, order.clientOrderId(), why);
    return Order.unfilled(order, OrderStatus.REJECTED, "Pre-trade check: " + why,
        clock.instant());
  }

  private static String describe(OrderRequest o) {
    return o.side() + " " + o.quantity() + " '" + o.symbol() + "' " + o.type()
        + (o.type() == OrderType.LIMIT ? " @ " + o.limitPrice() : "");
  }

  private Wired wired(String id) {
    Checks.notNull(id, "id");
    Wired w = accounts.get(id);
    if (w == null) {
      throw new IllegalArgumentException("Unknown account '" + id + "'; accounts are "
          + accounts.keySet());
    }
    return w;
  }

  private Wired activeWired() {
    if (active == null) {
      throw new IllegalStateException("No account is active; call switchTo(...) first");
    }
    return accounts.get(active);
  }

  private LocalDate sessionOf(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    LocalDate d = local.toLocalDate();
    return local.toLocalTime().isBefore(sessionStart) ? d.minusDays(1) : d;
  }

  private void rollSession() {
    LocalDate now = sessionOf(clock.instant());
    if (!now.equals(session)) {
      session = now;
      acceptedThisSession.values().forEach(Set::clear);
      audit(active == null ? "" : active, Kind.SESSION_RESET, "", "session of " + now
          + " begins (" + sessionStart + " " + zone + "); daily counters reset");
    }
  }

  private void audit(String account, Kind kind, String clientOrderId, String detail) {
    AuditEntry e = new AuditEntry(clock.instant(), account, kind, clientOrderId, detail);
    log.add(e);
    sink.accept(e);
  }
}
