package io.github.quantfolio.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.broker.alpaca.FakeAlpaca.Route;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Script;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.trading.AccountProfile;
import io.github.quantfolio.trading.Accounts;
import io.github.quantfolio.trading.AuditEntry;
import io.github.quantfolio.trading.Ledger;
import io.github.quantfolio.trading.LiveConfirmation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wiring shown in docs/trading.md ("Alpaca"): a paper and a live Alpaca account behind
 * {@link Accounts}, each broker pointed at its own fake server instead of Alpaca.
 */
class AccountsWiringTest {

  @Test
  void paperAndLiveAlpacaAccountsBehindThePreTradeControls() throws Exception {
    try (FakeAlpaca paperServer = new FakeAlpaca(); FakeAlpaca liveServer = new FakeAlpaca()) {
      List<Duration> waits = new ArrayList<>();
      // As in the documentation, but with the fakes' addresses and keys.
      AlpacaBroker paper = AlpacaBroker.paper(FakeAlpaca.KEYS)
          .withBaseUrl(paperServer.url()).withDataUrl(paperServer.url()).build();
      AlpacaBroker live = AlpacaBroker.live(FakeAlpaca.KEYS)
          .withBaseUrl(liveServer.url()).withDataUrl(liveServer.url())
          .withSleeper(waits::add).build();
      Accounts accounts = Accounts.builder()
          .add(AccountProfile.paper("alpaca-paper").withMaxOrderValue(50_000)
              .withMaxDailyTrades(100).withAllowedSymbols("AAPL", "MSFT", "SPY"), paper)
          .add(AccountProfile.live("alpaca-live").withMaxOrderValue(25_000)
              .withMaxDailyTrades(50).withAllowedSymbols("AAPL", "MSFT", "SPY"), live)
          .withSessionStart(ZoneId.of("America/New_York"), LocalTime.of(4, 0))
          .build();
      Ledger ledger = Ledger.open(Instant.parse("2024-05-01T14:00:00Z"), 100_000);
      paper.addFillListener(ledger::record);

      accounts.switchTo("alpaca-paper");
      Order o = accounts.submit(OrderRequest.limit("q-0001", "AAPL", Side.BUY, 10, 187.5));
      assertEquals(OrderStatus.OPEN, o.status());
      assertEquals(1, paperServer.orderCount());
      // Pre-trade controls stop what the profile forbids before Alpaca sees it.
      Order refused = accounts.submit(OrderRequest.limit("q-0002", "TSLA", Side.BUY, 1, 200));
      assertEquals(OrderStatus.REJECTED, refused.status());
      assertEquals(1, paperServer.count(Route.SUBMIT));
      // Executions reach the ledger through poll().
      paperServer.fill("q-0001", "10", "187.25");
      paper.poll();
      assertEquals(10, ledger.snapshot().position("AAPL").orElseThrow().quantity());

      // Live needs the confirmation naming it; a paper profile cannot hold a live broker.
      assertThrows(IllegalArgumentException.class, () -> accounts.switchTo("alpaca-live"));
      accounts.switchTo("alpaca-live", new LiveConfirmation("alpaca-live", "alice"));
      assertFalse(accounts.broker().isPaper());
      liveServer.setQuote("SPY", "500.1", "500.2");
      Order big = accounts.submit(OrderRequest.market("q-0003", "SPY", Side.BUY, 60));
      assertEquals(OrderStatus.REJECTED, big.status());               // 60 x 500.2 > 25,000
      assertTrue(big.message().contains("exceeds the maximum order value"), big.message());
      assertEquals(0, liveServer.orderCount());
      assertThrows(IllegalArgumentException.class, () -> Accounts.builder()
          .add(AccountProfile.paper("wrong"), AlpacaBroker.live(FakeAlpaca.KEYS).build()));

      // A broker failure is audited without the keys, however the server echoes them.
      for (int i = 0; i < 4; i++) {
        liveServer.script(Route.SUBMIT, Script.respond(500, "{\"message\":\"APCA-API-KEY-ID "
            + FakeAlpaca.KEY_ID + " APCA-API-SECRET-KEY " + FakeAlpaca.SECRET + "\"}"));
      }
      assertThrows(AlpacaException.class,
          () -> accounts.submit(OrderRequest.market("q-0004", "SPY", Side.BUY, 1)));
      List<AuditEntry> log = accounts.auditLog();
      assertEquals(AuditEntry.Kind.ORDER_ERROR, log.get(log.size() - 1).kind());
      for (AuditEntry e : log) {
        assertFalse(e.toString().contains(FakeAlpaca.KEY_ID), e.toString());
        assertFalse(e.toString().contains(FakeAlpaca.SECRET), e.toString());
      }
      assertTrue(log.get(log.size() - 1).detail().contains("***"));
    }
  }
}
