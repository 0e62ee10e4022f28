package io.github.quantfolio.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One broker shared by several threads that submit (and retry) the same and different orders
 * while executions happen and other threads poll: one order per client order id, and per order
 * the fills add up exactly to what Alpaca filled, none lost, none repeated.
 */
class AlpacaConcurrencyTest {

  private static final int THREADS = 4;
  private static final int OWN = 5;
  private static final int SHARED = 4;

  @Test
  void sharedUseExecutesEachIdOnceAndReportsEachExecutionOnce() throws Exception {
    try (FakeAlpaca fake = new FakeAlpaca()) {
      AlpacaBroker broker = fake.paperBroker(new CopyOnWriteArrayList<Duration>()).build();
      List<Fill> fills = new CopyOnWriteArrayList<>();
      broker.addFillListener(fills::add);
      List<OrderRequest> shared = new ArrayList<>();
      for (int i = 0; i < SHARED; i++) {
        shared.add(OrderRequest.limit("shared-" + i, "AAPL", Side.BUY, 10, 100));
      }
      Map<String, Order> firstSeen = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          work.add(pool.submit(() -> {
            for (int i = 0; i < OWN; i++) {
              OrderRequest r = OrderRequest.limit("t" + thread + "-" + i, "MSFT", Side.SELL, 10,
                  100);
              Order o = broker.submit(r);
              assertEquals(o.request(), broker.submit(r).request(), "a retry: the same order");
              fake.fill(r.clientOrderId(), "4", "100." + i);
              broker.order(r.clientOrderId());
              fake.fill(r.clientOrderId(), "6", "101");
            }
            for (OrderRequest r : shared) {
              Order o = broker.submit(r);
              Order before = firstSeen.putIfAbsent(r.clientOrderId(), o);
              assertEquals((before == null ? o : before).request(), o.request());
            }
            return null;
          }));
        }
        work.add(pool.submit(() -> {
          for (int k = 0; k < 4; k++) {
            broker.poll();
          }
          return null;
        }));
        for (Future<?> f : work) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      for (OrderRequest r : shared) {
        fake.fill(r.clientOrderId(), "10", "99");
      }
      broker.poll();
      broker.poll();

      assertEquals(THREADS * OWN + SHARED, fake.orderCount(), "one order per client order id");
      // Per order: the reported fills add up to Alpaca's filled quantity and notional.
      Map<String, BigDecimal[]> sums = new HashMap<>();
      for (Fill f : fills) {
        BigDecimal[] s = sums.computeIfAbsent(f.clientOrderId(),
            k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(BigDecimal.valueOf(f.quantity()));
        s[1] = s[1].add(BigDecimal.valueOf(f.notional()));
      }
      assertEquals(THREADS * OWN + SHARED, sums.size());
      sums.forEach((id, s) -> {
        FakeAlpaca.FakeOrder o = fake.orderOf(id);
        assertEquals(0, o.filled.compareTo(s[0]), id + " quantity");
        assertEquals(o.notional.doubleValue(), s[1].doubleValue(),
            Tolerance.EXACT * o.notional.doubleValue(), id + " notional");
      });
    }
  }
}
