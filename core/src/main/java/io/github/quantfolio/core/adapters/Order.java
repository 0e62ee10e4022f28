package io.github.quantfolio.core.adapters;

import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;

/**
 * An order as the broker holds it: the request, its state and, once filled, the fill.
 *
 * @param request the submitted request
 * @param status the current state
 * @param fillPrice the price per unit of the fill when {@code FILLED}, else NaN
 * @param message why the order was rejected or cancelled, or empty
 * @param updated when the status last changed
 * @since 0.1.0
 */
public record Order(OrderRequest request, OrderStatus status, double fillPrice, String message,
    Instant updated) {

  /** Validates the fields (see the record description). */
  public Order {
    Checks.notNull(request, "request");
    Checks.notNull(status, "status");
    Checks.notNull(message, "message");
    Checks.notNull(updated, "updated");
    if (status == OrderStatus.FILLED) {
      Checks.positive(fillPrice, "fillPrice");
    } else if (!Double.isNaN(fillPrice)) {
      throw new IllegalArgumentException("Expected fillPrice NaN for a " + status
          + " order, but found " + fillPrice);
    }
  }

  /** The caller's id of this order. */
  public String clientOrderId() {
    return request.clientOrderId();
  }

  /** The units filled: the request's quantity when {@code FILLED}, else 0. */
  public double filledQuantity() {
    return status == OrderStatus.FILLED ? request.quantity() : 0;
  }
}
