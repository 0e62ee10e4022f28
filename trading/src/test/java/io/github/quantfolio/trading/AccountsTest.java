package io.github.quantfolio.trading;

import static io.github.quantfolio.core.adapters.Side.BUY;
import static io.github.quantfolio.core.adapters.Side.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.adapters.Account;
import io.github.quantfolio.core.adapters.Broker;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Position;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.trading.AuditEntry.Kind;
import io.github.quantfolio.trading.PreTradeViolation.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest {

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  // Seed 002's sample accounts.
  static final AccountProfile PAPER = AccountProfile.paper("DU123456").withMaxOrderValue(50_000)
      .withMaxDailyTrades(100).withAllowedSymbols("AAPL", "MSFT", "GOOGL", "SPY", "QQQ");
  static final AccountProfile LIVE = AccountProfile.live("U123456").withMaxOrderValue(25_000)
      .withMaxDailyTrades(50).withAllowedSymbols("AAPL", "MSFT", "SPY");

  final TestClock clock = new TestClock(Instant.parse("2024-05-01T14:30:00Z"));

  PaperBroker broker(double cash) {
    PaperBroker b = PaperBroker.withCash(cash, clock);
    b.updateQuote(new Quote("AAPL", 199.9, 200.0, clock.now));
    b.updateQuote(new Quote("MSFT", 399.9, 400.0, clock.now));
    b.updateQuote(new Quote("GOOGL", 149.9, 150.0, clock.now));
    return b;
  }

  @Test
  void switchingToLiveNeedsAConfirmationNamingTheAccount() {
    List<AuditEntry> sunk = new ArrayList<>();
    Accounts accounts = Accounts.builder().add(PAPER, broker(1e6)).add(LIVE, broker(1e6))
        .withClock(clock).withAuditSink(sunk::add).build();
    assertEquals(Optional.empty(), accounts.active());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> accounts.switchTo("U123456"));
    assertEquals("Switching to LIVE account U123456 needs a LiveConfirmation naming it",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> accounts.switchTo("U123456", new LiveConfirmation("DU123456", "ops")));
    assertEquals("The live confirmation names account DU123456, not U123456", e.getMessage());
    assertEquals(Optional.empty(), accounts.active(), "a refused switch changes nothing");
    accounts.switchTo("DU123456");
    accounts.switchTo("U123456", new LiveConfirmation("U123456", "alice"));
    assertEquals("U123456", accounts.active().orElseThrow().id());
    List<AuditEntry> log = accounts.auditLog();
    assertEquals(List.of(Kind.SWITCH_REFUSED, Kind.SWITCH_REFUSED, Kind.SWITCH, Kind.SWITCH),
        log.stream().map(AuditEntry::kind).toList());
    assertEquals("from DU123456 to LIVE account U123456, confirmed by alice",
        log.get(3).detail());
    assertEquals(log, sunk, "the sink sees every entry");
    assertThrows(IllegalArgumentException.class, () -> accounts.switchTo("X1"));
  }

  @Test
  void aPaperProfileCannotBeWiredToALiveBroker() {
    Broker live = new StubBroker(false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Accounts.builder().add(PAPER, live));
    assertEquals("Account DU123456 is PAPER but its broker trades live (Broker.isPaper() is"
        + " false)", e.getMessage());
  }

  @Test
  void preTradeRulesRejectBeforeTheBroker() {
    PaperBroker liveBroker = broker(1e6);
    Accounts accounts = Accounts.builder().add(PAPER, broker(1e6)).add(LIVE, liveBroker)
        .withClock(clock).build();
    accounts.switchTo("U123456", new LiveConfirmation("U123456", "alice"));
    // GOOGL is not allowed on the live account
    Order googl = accounts.submit(OrderRequest.market("o1", "GOOGL", BUY, 10));
    assertEquals(OrderStatus.REJECTED, googl.status());
    assertEquals("Pre-trade check: Order o1 (BUY 10.0 'GOOGL') on account U123456: symbol"
        + " 'GOOGL' is not allowed (allowed: [AAPL, MSFT, SPY])", googl.message());
    assertEquals(Optional.empty(), liveBroker.order("o1"), "the broker never saw it");
    // 150 AAPL at the ask 200 = 30,000 > 25,000
    Order big = accounts.submit(OrderRequest.market("o2", "AAPL", BUY, 150));
    assertTrue(big.message().endsWith("order value 30,000.00 exceeds the maximum order value"
        + " 25,000.00"), big.message());
    // a limit order is valued at its limit: 150 x 160 = 24,000 passes
    Order ok = accounts.submit(OrderRequest.limit("o3", "AAPL", BUY, 150, 160));
    assertEquals(OrderStatus.OPEN, ok.status());
    assertEquals(1, accounts.tradesThisSession("U123456"));
    assertEquals(List.of(Kind.SWITCH, Kind.ORDER_REJECTED_PRE_TRADE,
        Kind.ORDER_REJECTED_PRE_TRADE, Kind.ORDER_SUBMITTED),
        accounts.auditLog().stream().map(AuditEntry::kind).toList());
  }

  @Test
  void dailyTradesResetAtTheSessionStartAndRetriesDoNotCount() {
    AccountProfile two = AccountProfile.paper("P").withMaxDailyTrades(2);
    Accounts accounts = Accounts.builder().add(two, broker(1e6)).withClock(clock)
        .withSessionStart(ZoneId.of("America/New_York"), LocalTime.of(17, 0)).build();
    accounts.switchTo("P");
    OrderRequest first = OrderRequest.market("a", "AAPL", BUY, 1);
    assertEquals(OrderStatus.FILLED, accounts.submit(first).status());
    assertEquals(OrderStatus.FILLED, accounts.submit(first).status(), "a retry returns it");
    assertEquals(1, accounts.tradesThisSession("P"), "the retry is not a new trade");
    accounts.submit(OrderRequest.market("b", "AAPL", BUY, 1));
    Order third = accounts.submit(OrderRequest.market("c", "AAPL", BUY, 1));
    assertEquals(OrderStatus.REJECTED, third.status());
    assertTrue(third.message().endsWith("it would be trade 3 of the session, above the maximum"
        + " of 2 per day"), third.message());
    // 14:30 UTC is 10:30 in New York; the session of 2024-04-30 17:00 runs until 17:00 today
    clock.now = Instant.parse("2024-05-01T20:59:00Z"); // 16:59 New York: same session
    assertEquals(OrderStatus.REJECTED, accounts.submit(
        OrderRequest.market("d", "AAPL", BUY, 1)).status());
    clock.now = Instant.parse("2024-05-01T21:00:00Z"); // 17:00 New York: a new session
    assertEquals(OrderStatus.FILLED, accounts.submit(
        OrderRequest.market("e", "AAPL", BUY, 1)).status());
    assertEquals(1, accounts.tradesThisSession("P"));
    assertTrue(accounts.auditLog().stream().anyMatch(e -> e.kind() == Kind.SESSION_RESET
        && e.detail().startsWith("session of 2024-05-01 begins (17:00 America/New_York)")));
  }

  @Test
  void positionWeightAndGrossExposureStopOnlyIncreasingOrders() {
    // equity 100,000; max weight 25 %, max gross 0.5x
    AccountProfile p = AccountProfile.paper("P").withMaxPositionWeight(0.25)
        .withMaxGrossExposure(0.5);
    PaperBroker b = broker(100_000);
    b.submit(OrderRequest.market("setup", "MSFT", BUY, 75)); // 75 x 400 = 30,000 (30 %)
    Accounts accounts = Accounts.builder().add(p, b).withClock(clock).build();
    accounts.switchTo("P");
    // one more MSFT: 76 x 399.95 (mid) + 400 -> 30.8 % > 25 %
    Order more = accounts.submit(OrderRequest.market("m1", "MSFT", BUY, 1));
    assertEquals(OrderStatus.REJECTED, more.status());
    assertTrue(more.message().contains("the position in 'MSFT' would be 30."), more.message());
    // selling 10 reduces an over-limit position: allowed
    assertEquals(OrderStatus.FILLED, accounts.submit(
        OrderRequest.market("m2", "MSFT", SELL, 10)).status());
    // AAPL 125 x 200 = 25,000: weight 25 % passes, but gross 26,000 + 25,000 > 50,000
    Order aapl = accounts.submit(OrderRequest.market("a1", "AAPL", BUY, 125));
    assertEquals(OrderStatus.REJECTED, aapl.status());
    assertTrue(aapl.message().contains("gross exposure would be 0.5"), aapl.message());
  }

  @Test
  void aBrokerFailureIsLoggedAndCountsNothing() {
    StubBroker failing = new StubBroker(true);
    Accounts accounts = Accounts.builder().add(AccountProfile.paper("P"), failing)
        .withClock(clock).build();
    accounts.switchTo("P");
    assertThrows(IllegalStateException.class,
        () -> accounts.submit(OrderRequest.limit("x", "AAPL", BUY, 1, 100)));
    assertEquals(0, accounts.tradesThisSession("P"));
    AuditEntry last = accounts.auditLog().get(accounts.auditLog().size() - 1);
    assertEquals(Kind.ORDER_ERROR, last.kind());
    assertTrue(last.detail().contains("connection reset"), last.detail());
  }

  @Test
  void noActiveAccountIsAClearError() {
    Accounts accounts = Accounts.builder().add(PAPER, broker(1)).withClock(clock).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> accounts.submit(OrderRequest.market("o", "AAPL", BUY, 1)));
    assertEquals("No account is active; call switchTo(...) first", e.getMessage());
  }

  /** A broker whose submit fails like a dropped connection. */
  static final class StubBroker implements Broker {
    private final boolean paper;

    StubBroker(boolean paper) {
      this.paper = paper;
    }

    @Override
    public boolean isPaper() {
      return paper;
    }

    @Override
    public Account account() {
      return new Account(1000, 0, paper);
    }

    @Override
    public List<Position> positions() {
      return List.of();
    }

    @Override
    public Optional<Quote> quote(String symbol) {
      return Optional.empty();
    }

    @Override
    public Order submit(OrderRequest request) {
      throw new IllegalStateException("connection reset");
    }

    @Override
    public Order cancel(String clientOrderId) {
      throw new IllegalArgumentException("unknown " + clientOrderId);
    }

    @Override
    public Optional<Order> order(String clientOrderId) {
      return Optional.empty();
    }

    @Override
    public void addFillListener(io.github.quantfolio.core.adapters.FillListener listener) {
    }

    @Override
    public void removeFillListener(io.github.quantfolio.core.adapters.FillListener listener) {
    }
  }
}
