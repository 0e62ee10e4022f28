package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.internal.TextTable;
import java.time.Instant;
import java.util.List;

/**
 * The orders that implement one decision, in submission order (every sell before any buy), and
 * the trades that were not made, with the reason.
 *
 * @param runId the run the decision belongs to
 * @param decisionTime when the decision was taken (part of every client order id)
 * @param orders the orders to submit, sells first
 * @param skipped wanted trades left out or cut (below the minimum value, less than one lot,
 *     not enough cash)
 * @param nav the net asset value the target weights were applied to (NaN for a plan made from a
 *     {@link io.github.quantfolio.optimize.Rebalancer.Plan}, which does not carry it)
 * @param estimatedFees the fee estimate of all orders
 * @param estimatedCashAfter cash after every order fills at the planning prices and estimated
 *     fees
 * @since 0.1.0
 */
public record OrderPlan(String runId, Instant decisionTime, List<OrderRequest> orders,
    List<SkippedTrade> skipped, double nav, double estimatedFees, double estimatedCashAfter) {

  /**
   * Copies the lists (unmodifiable).
   *
   * @param runId the run the decision belongs to
   * @param decisionTime when the decision was taken (part of every client order id)
   * @param orders the orders to submit, sells first
   * @param skipped wanted trades left out or cut (below the minimum value, less than one lot,
   *    not enough cash)
   * @param nav the net asset value the target weights were applied to (NaN for a plan made from a
   *    {@link io.github.quantfolio.optimize.Rebalancer.Plan}, which does not carry it)
   * @param estimatedFees the fee estimate of all orders
   * @param estimatedCashAfter cash after every order fills at the planning prices and estimated
   *    fees
   */
  public OrderPlan {
    orders = List.copyOf(orders);
    skipped = List.copyOf(skipped);
  }

  /** Why a wanted trade is not (fully) in the plan. */
  public enum SkipReason {
    /** Worth less than the planner's minimum trade value. */
    BELOW_MINIMUM_VALUE,
    /** Smaller than one lot of the symbol. */
    LESS_THAN_ONE_LOT,
    /** A buy that the cash (after sells, fees and the reserve) could not pay, in whole or part. */
    INSUFFICIENT_CASH
  }

  /**
   * A wanted trade, or the part of one, that the plan leaves out.
   *
   * @param symbol the instrument
   * @param quantity the signed quantity left out (&gt; 0 buy, &lt; 0 sell)
   * @param price the planning price
   * @param reason why
   */
  public record SkippedTrade(String symbol, double quantity, double price, SkipReason reason) {
  }

  /** The orders and skipped trades as tables. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(
        "OrderPlan '%s' at %s: %d orders, NAV %,.2f, estimated fees %,.2f, cash after %,.2f%n",
        runId, decisionTime, orders.size(), nav, estimatedFees, estimatedCashAfter));
    if (!orders.isEmpty()) {
      TextTable t = new TextTable("client order id", "side", "symbol", "quantity", "type");
      for (OrderRequest o : orders) {
        t.row(o.clientOrderId(), o.side().toString(), o.symbol(), TextTable.auto(o.quantity(), 8),
            o.type().toString());
      }
      sb.append(t.render());
    }
    if (!skipped.isEmpty()) {
      TextTable t = new TextTable("skipped", "quantity", "price", "reason");
      for (SkippedTrade s : skipped) {
        t.row(s.symbol(), TextTable.auto(s.quantity(), 8), TextTable.nonZero(s.price(), 4),
            s.reason().toString());
      }
      sb.append(t.render());
    }
    return sb.toString();
  }
}
