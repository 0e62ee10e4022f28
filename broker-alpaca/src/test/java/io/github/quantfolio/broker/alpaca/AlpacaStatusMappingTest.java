package io.github.quantfolio.broker.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.quantfolio.broker.alpaca.internal.AlpacaOrders;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.Side;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every Alpaca order status maps as the table in docs/trading.md says, for an order of 10 with
 * nothing, 4 and all 10 filled. The table below is written from Alpaca's status descriptions, not
 * from the code.
 */
class AlpacaStatusMappingTest {

  private static final OrderRequest TEN = OrderRequest.limit("m-1", "AAPL", Side.BUY, 10, 100);
  private static final Instant T = Instant.parse("2024-05-01T14:30:00Z");

  private static final OrderStatus O = OrderStatus.OPEN;
  private static final OrderStatus P = OrderStatus.PARTIALLY_FILLED;
  private static final OrderStatus F = OrderStatus.FILLED;
  private static final OrderStatus C = OrderStatus.CANCELLED;
  private static final OrderStatus E = OrderStatus.EXPIRED;
  private static final OrderStatus R = OrderStatus.REJECTED;
  /** The fill contradicts the status: refused as malformed. */
  private static final OrderStatus X = null;

  /** Alpaca status -> expected status with 0, 4 and 10 of 10 filled. */
  private static final Map<String, List<OrderStatus>> TABLE = new LinkedHashMap<>();

  static {
    // Working: accepted by Alpaca or the venue, may fill further.
    for (String s : List.of("new", "accepted", "pending_new", "accepted_for_bidding",
        "partially_filled", "pending_cancel", "pending_replace", "done_for_day", "stopped",
        "suspended", "held", "calculated", "pending_review")) {
      TABLE.put(s, List.of(O, P, F));
    }
    TABLE.put("filled", Arrays.asList(X, X, F));
    TABLE.put("canceled", List.of(C, C, F));
    TABLE.put("expired", List.of(E, E, F));
    TABLE.put("replaced", List.of(C, C, F));
    TABLE.put("rejected", List.of(R, C, F));
  }

  @Test
  void everyAlpacaStatusMapsAsDocumented() {
    double[] filled = {0, 4, 10};
    TABLE.forEach((status, expected) -> {
      for (int k = 0; k < 3; k++) {
        double q = filled[k];
        double avg = q == 0 ? Double.NaN : 100;
        OrderStatus want = expected.get(k);
        if (want == X) {
          assertThrows(IllegalArgumentException.class,
              () -> AlpacaOrders.toOrder(TEN, status, q, avg, T, ""), status + " with " + q);
        } else {
          Order o = AlpacaOrders.toOrder(TEN, status, q, avg, T, "");
          assertEquals(want, o.status(), status + " with " + q + " filled");
          assertEquals(q, o.filledQuantity());
          assertEquals(0, o.fees(), "commission-free");
        }
      }
    });
  }

  @Test
  void messagesSayWhatAlpacaSaid() {
    assertEquals("", AlpacaOrders.toOrder(TEN, "new", 0, Double.NaN, T, "").message());
    assertEquals("Alpaca status 'done_for_day'",
        AlpacaOrders.toOrder(TEN, "done_for_day", 4, 100, T, "").message());
    assertEquals("canceled at Alpaca",
        AlpacaOrders.toOrder(TEN, "canceled", 4, 100, T, "").message());
    assertEquals("expired at Alpaca (time in force GTC)",
        AlpacaOrders.toOrder(TEN, "expired", 0, Double.NaN, T, "").message());
    assertEquals("replaced at Alpaca by order 7c1e",
        AlpacaOrders.toOrder(TEN, "replaced", 0, Double.NaN, T, "7c1e").message());
    assertEquals("rejected by Alpaca",
        AlpacaOrders.toOrder(TEN, "rejected", 0, Double.NaN, T, "").message());
  }

  @Test
  void anUnknownStatusIsNotGuessed() {
    assertNull(AlpacaOrders.toOrder(TEN, "pending_teleport", 0, Double.NaN, T, ""));
    assertNull(AlpacaOrders.toOrder(TEN, "Filled", 10, 100, T, ""), "case matters");
  }
}
