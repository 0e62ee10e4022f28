package io.github.quantfolio.core.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 8 threads submit 8,000 orders each, a quarter of them retries of ids that may be in flight on
 * another thread, while a ninth thread moves the quotes. Each client order id must execute exactly
 * once (one fill per id at the listener), and the account must equal a replay of the fills.
 */
class PaperBrokerConcurrencyTest {

  @Test
  void eachClientOrderIdExecutesOnceUnderContention() throws Exception {
    Instant t0 = Instant.parse("2026-11-20T15:00:00Z");
    PaperBroker broker = PaperBroker.builder(1e12).withShorts()
        .withFees(FeeModel.bps(1).withFixed(0.25)).withClock(Clock.fixed(t0, ZoneOffset.UTC))
        .build();
    for (String s : List.of("A", "B", "C")) {
      broker.updateQuote(new Quote(s, 99, 101, t0));
    }
    Map<String, AtomicInteger> fillsPerId = new ConcurrentHashMap<>();
    List<Fill> fills = java.util.Collections.synchronizedList(new ArrayList<>());
    broker.addFillListener(f -> {
      fillsPerId.computeIfAbsent(f.clientOrderId(), k -> new AtomicInteger()).incrementAndGet();
      fills.add(f);
    });
    int threads = 8;
    int perThread = 8000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      work.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          int id = i % 4 == 3 ? i - 3 : i; // every fourth call retries an earlier id
          int owner = i % 4 == 3 ? (thread + 1) % threads : thread; // ... of another thread
          String symbol = List.of("A", "B", "C").get(id % 3);
          Side side = id % 2 == 0 ? Side.BUY : Side.SELL;
          broker.submit(OrderRequest.market("t" + owner + "-" + id, symbol, side, 1 + id % 5));
        }
        return null;
      }));
    }
    work.add(pool.submit(() -> {
      for (int i = 0; i < 2000; i++) {
        double mid = 100 + (i % 7);
        broker.updateQuote(new Quote(List.of("A", "B", "C").get(i % 3), mid - 1, mid + 1, t0));
      }
      return null;
    }));
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();

    // ids 0..7999 of each thread with i % 4 != 3 are distinct orders: 6000 per thread
    assertEquals(threads * perThread * 3 / 4, fillsPerId.size());
    fillsPerId.forEach((id, n) -> assertEquals(1, n.get(), "fills of " + id));
    // replaying the fills gives the broker's cash and positions
    double cash = 1e12;
    Map<String, Double> position = new HashMap<>();
    synchronized (fills) {
      for (Fill f : fills) {
        cash += f.cashFlow();
        position.merge(f.symbol(), f.signedQuantity(), Double::sum);
      }
    }
    assertEquals(cash, broker.account().cash(), 1e-3);
    for (Position p : broker.positions()) {
      assertEquals(position.get(p.symbol()), p.quantity(), 1e-9, p.symbol());
    }
  }
}
