package io.github.quantfolio.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Route;
import io.github.quantfolio.broker.alpaca.FakeAlpaca.Script;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.trading.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Executions reach the fill listeners once each, from whichever call sees them first: submit,
 * order, cancel or poll. The fake's clock gives the n-th change the time T0 + n seconds.
 */
class AlpacaFillsTest {

  private static final Instant T0 = Instant.parse("2024-05-01T14:30:00Z");

  private FakeAlpaca fake;
  private final List<Duration> waits = new ArrayList<>();
  private final List<Fill> fills = new CopyOnWriteArrayList<>();
  private AlpacaBroker broker;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeAlpaca();
    broker = fake.paperBroker(waits).build();
    broker.addFillListener(fills::add);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void partialFillsArriveThroughPollOnceEachAtTheirOwnPrices() {
    broker.submit(OrderRequest.limit("f-1", "AAPL", Side.BUY, 10, 105));   // change 1
    assertEquals(List.of(), broker.poll().stream().filter(o -> o.filledQuantity() > 0).toList());

    fake.fill("f-1", "3", "100");                                          // change 2
    broker.poll();
    broker.poll();
    assertEquals(List.of(fill(3, 100, 2, "f-1")), fills, "once, however often polled");

    // Alpaca reports only the running average: 8 filled at (300 + 505) / 8 = 100.625. The fill
    // is the change: (8 x 100.625 - 3 x 100) / (8 - 3) = (805 - 300) / 5 = 101.
    fake.fill("f-1", "5", "101");                                          // change 3
    broker.poll();
    assertEquals(fill(5, 101, 3, "f-1"), fills.get(1));

    // Filled: 10 at (805 + 204) / 10 = 100.9; the last fill (1009 - 805) / 2 = 102.
    fake.fill("f-1", "2", "102");                                          // change 4
    List<Order> polled = broker.poll();
    assertEquals(OrderStatus.FILLED, polled.get(0).status());
    assertEquals(100.9, polled.get(0).averageFillPrice(), Tolerance.EXACT);
    assertEquals(List.of(fill(3, 100, 2, "f-1"), fill(5, 101, 3, "f-1"), fill(2, 102, 4, "f-1")),
        fills);

    // A filled order is no longer polled.
    long reads = fake.count(Route.BY_CLIENT_ID);
    assertEquals(List.of(), broker.poll());
    assertEquals(reads, fake.count(Route.BY_CLIENT_ID));
    assertEquals(3, fills.size());
  }

  @Test
  void fillsSeenByOrderAndCancelAreNotRepeatedByPoll() {
    broker.submit(OrderRequest.limit("f-2", "MSFT", Side.SELL, 10, 50));   // change 1
    fake.fill("f-2", "4", "50");                                           // change 2
    assertEquals(4, broker.order("f-2").orElseThrow().filledQuantity());
    assertEquals(List.of(fill(Side.SELL, 4, 50, 2, "f-2")), fills);
    broker.poll();
    assertEquals(1, fills.size());

    fake.fill("f-2", "1", "51");                                           // change 3
    Order c = broker.cancel("f-2");                                        // change 4
    assertEquals(OrderStatus.CANCELLED, c.status());
    assertEquals(5, c.filledQuantity());
    // The cancel's look-up saw the fill (its time is the order's updated_at then).
    assertEquals(fill(Side.SELL, 1, 51, 3, "f-2"), fills.get(1));
    broker.poll();
    assertEquals(2, fills.size());
  }

  @Test
  void aMarketOrderFilledAtOnceReportsItsFillFromTheSubmit() {
    fake.fillMarketOrders = true;
    fake.setQuote("AAPL", "187.25", "187.5");
    Order o = broker.submit(OrderRequest.market("f-3", "AAPL", Side.BUY, 10));   // changes 1, 2
    assertEquals(OrderStatus.FILLED, o.status());
    assertEquals(List.of(fill(10, 187.5, 2, "f-3")), fills);
    broker.submit(OrderRequest.market("f-3", "AAPL", Side.BUY, 10));   // the retry: no new fill
    broker.order("f-3");
    assertEquals(1, fills.size());
  }

  @Test
  void anOrderFirstSeenByOrderReportsOnlyLaterExecutions() throws Exception {
    broker.submit(OrderRequest.limit("g-1", "AAPL", Side.BUY, 10, 105));   // change 1
    fake.fill("g-1", "3", "100");                                          // change 2
    // Another process (a restarted one) looks at the order: what it finds is its baseline.
    List<Fill> seenByOther = new ArrayList<>();
    AlpacaBroker other = fake.paperBroker(waits).build();
    other.addFillListener(seenByOther::add);
    other.order("g-1");
    assertEquals(List.of(), seenByOther);
    // 5 at (300 + 198) / 5 = 99.6: the execution after the baseline is (498 - 300) / 2 = 99.
    fake.fill("g-1", "2", "99");                                           // change 3
    other.poll();
    assertEquals(List.of(fill(2, 99, 3, "g-1")), seenByOther);
    // The submitting broker reports both executions.
    broker.poll();
    assertEquals(List.of(fill(5, 99.6, 3, "g-1")), fills,
        "first look after both: one fill of 5 at the average");
  }

  @Test
  void aResubmissionAfterACrashReportsTheOrdersFillsFromZero() {
    OrderRequest r = OrderRequest.limit("h-1", "AAPL", Side.BUY, 10, 12);
    AlpacaBroker crashed = fake.paperBroker(waits).build();
    crashed.submit(r);                                                     // change 1
    fake.fill("h-1", "4", "10");                                           // change 2
    // The restarted process re-plans and resubmits the same request: same order, and its fills
    // (which no listener of this process has seen) are reported.
    Order o = broker.submit(r);
    assertEquals(4, o.filledQuantity());
    assertEquals(List.of(fill(4, 10, 2, "h-1")), fills);
  }

  @Test
  void fillsOfOnePollArriveInTimeOrder() {
    broker.submit(OrderRequest.limit("p-1", "AAPL", Side.BUY, 10, 105));   // change 1
    broker.submit(OrderRequest.limit("p-2", "MSFT", Side.BUY, 10, 105));   // change 2
    fake.fill("p-2", "1", "100");                                          // change 3
    fake.fill("p-1", "1", "101");                                          // change 4
    broker.poll();   // reads p-1 first, then p-2
    assertEquals(List.of(new Fill("MSFT", Side.BUY, 1, 100, 0, T0.plusSeconds(3), "p-2"),
        fill(1, 101, 4, "p-1")), fills);
  }

  @Test
  void anExecutionSeenLateNeverGoesBackInTimeSoALedgerAcceptsIt() {
    Ledger ledger = Ledger.open(T0, 100_000);
    broker.addFillListener(ledger::record);
    broker.submit(OrderRequest.limit("y-1", "MSFT", Side.BUY, 10, 105));   // change 1
    broker.submit(OrderRequest.limit("x-1", "AAPL", Side.BUY, 10, 105));   // change 2
    String yBefore = fake.orderJsonOf("y-1");
    fake.fill("y-1", "2", "100");                                          // change 3
    fake.fill("x-1", "3", "101");                                          // change 4
    // The poll reads y-1 just before its execution shows (a lagging read), x-1 just after.
    fake.script(Route.BY_CLIENT_ID, Script.respond(200, yBefore));
    broker.poll();
    assertEquals(List.of(fill(3, 101, 4, "x-1")), fills);
    // The next poll sees y-1's earlier execution: it is delivered at x-1's time, not before it.
    broker.poll();
    assertEquals(new Fill("MSFT", Side.BUY, 2, 100, 0, T0.plusSeconds(4), "y-1"), fills.get(1));
    assertEquals(3, ledger.snapshot().position("AAPL").orElseThrow().quantity());
    assertEquals(2, ledger.snapshot().position("MSFT").orElseThrow().quantity());
    // The order itself keeps Alpaca's time.
    assertEquals(T0.plusSeconds(3), broker.order("y-1").orElseThrow().updated());
  }

  @Test
  void anOlderReadChangesNothingAndIsNotAnError() {
    broker.submit(OrderRequest.limit("s-1", "AAPL", Side.BUY, 10, 105));
    String before = fake.orderJsonOf("s-1");
    fake.fill("s-1", "3", "100");
    broker.poll();
    assertEquals(1, fills.size());
    // A lagging replica answers with the order as it was before the fill.
    fake.script(Route.BY_CLIENT_ID, Script.respond(200, before));
    assertEquals(0, broker.order("s-1").orElseThrow().filledQuantity());
    broker.poll();
    assertEquals(1, fills.size(), "no fill lost or repeated");
    fake.fill("s-1", "7", "100");
    broker.poll();
    assertEquals(2, fills.size());
    assertEquals(7, fills.get(1).quantity());
  }

  @Test
  void fillReportsThatImplyANegativePriceAreRefused() throws Exception {
    broker.submit(OrderRequest.limit("n-1", "AAPL", Side.BUY, 10, 105));
    fake.fill("n-1", "3", "100");
    broker.poll();
    // 5 filled at an average of 50: 250 in total, less than the 300 already reported.
    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(fake.orderJsonOf("n-1"));
    n.put("filled_qty", "5").put("filled_avg_price", "50");
    fake.script(Route.BY_CLIENT_ID, Script.respond(200, n.toString()));
    AlpacaException e = assertThrows(AlpacaException.class, () -> broker.order("n-1"));
    assertTrue(e.getMessage().contains("order 'n-1' went from 3 filled at 300 to 5 at 250,"
        + " which implies an execution of 2 at -25"), e.getMessage());
    // Nothing was recorded: the next true read reports the real execution.
    fake.fill("n-1", "2", "104");
    broker.poll();
    assertEquals(List.of(fill(3, 100, 2, "n-1"), fill(2, 104, 3, "n-1")), fills);
  }

  @Test
  void aListenerThatThrowsDoesNotStopTheOthersNorRepeatFills() {
    List<Fill> second = new ArrayList<>();
    AlpacaBroker b = fake.paperBroker(waits).build();
    b.addFillListener(f -> {
      throw new IllegalStateException("ledger full");
    });
    b.addFillListener(second::add);
    b.submit(OrderRequest.limit("l-1", "AAPL", Side.BUY, 10, 105));
    fake.fill("l-1", "3", "100");
    IllegalStateException e = assertThrows(IllegalStateException.class, b::poll);
    assertEquals("ledger full", e.getMessage());
    assertEquals(1, second.size());
    b.poll();
    assertEquals(1, second.size());
  }

  @Test
  void aRemovedListenerHearsNothing() {
    broker.removeFillListener(fills::add);   // a different method reference: no effect
    List<Fill> mine = new ArrayList<>();
    io.github.quantfolio.core.adapters.FillListener l = mine::add;
    broker.addFillListener(l);
    broker.submit(OrderRequest.limit("r-1", "AAPL", Side.BUY, 10, 105));
    fake.fill("r-1", "3", "100");
    broker.removeFillListener(l);
    broker.poll();
    assertEquals(List.of(), mine);
    assertEquals(1, fills.size());
  }

  private static Fill fill(double qty, double price, int change, String id) {
    return fill(Side.BUY, qty, price, change, id);
  }

  private static Fill fill(Side side, double qty, double price, int change, String id) {
    String symbol = id.startsWith("f-2") ? "MSFT" : "AAPL";
    return new Fill(symbol, side, qty, price, 0, T0.plusSeconds(change), id);
  }
}
