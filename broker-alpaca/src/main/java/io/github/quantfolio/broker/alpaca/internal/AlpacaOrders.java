package io.github.quantfolio.broker.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.quantfolio.core.adapters.Order;
import io.github.quantfolio.core.adapters.OrderRequest;
import io.github.quantfolio.core.adapters.OrderStatus;
import io.github.quantfolio.core.adapters.OrderType;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * Alpaca's order objects to and from the core adapter values.
 *
 * <p><b>Status mapping</b> (Alpaca's statuses as its Trading API documents them; "by fill" means
 * {@code OPEN} when nothing is filled, {@code PARTIALLY_FILLED} when part is, {@code FILLED} when
 * all is):
 * <table>
 *   <caption>Alpaca order status to OrderStatus</caption>
 *   <tr><th>Alpaca</th><th>OrderStatus</th></tr>
 *   <tr><td>new, accepted, pending_new, accepted_for_bidding, partially_filled</td><td>by fill</td></tr>
 *   <tr><td>pending_cancel, pending_replace, done_for_day, stopped, suspended, held, calculated,
 *       pending_review</td><td>by fill, with the Alpaca status in the message (still working
 *       or still settling: not final)</td></tr>
 *   <tr><td>filled</td><td>FILLED (the filled quantity must be the order's)</td></tr>
 *   <tr><td>canceled</td><td>CANCELLED (FILLED if everything filled before the cancel)</td></tr>
 *   <tr><td>expired</td><td>EXPIRED (FILLED if everything filled)</td></tr>
 *   <tr><td>replaced</td><td>CANCELLED, message names the replacing order (FILLED if everything
 *       filled)</td></tr>
 *   <tr><td>rejected</td><td>REJECTED; CANCELLED if something filled first</td></tr>
 *   <tr><td>anything else</td><td>an exception naming the status</td></tr>
 * </table>
 * Fees are 0: Alpaca charges no commission on US equities (regulatory pass-through fees on sells
 * are booked as separate account activities, not on the order).
 */
public final class AlpacaOrders {

  /** Relative tolerance of "everything filled", as {@link Order}'s. */
  private static final double FULL = 1e-9;

  private AlpacaOrders() {
  }

  /**
   * An Alpaca order as read from a response.
   *
   * @param alpacaId Alpaca's own id of the order (used to cancel it)
   * @param request the request Alpaca holds
   * @param order the order in core terms
   * @param filledQty the filled quantity, exact as sent
   * @param filledAvgPrice the average fill price, exact as sent, or null when nothing is filled
   */
  public record Snapshot(String alpacaId, OrderRequest request, Order order, BigDecimal filledQty,
      BigDecimal filledAvgPrice) {
  }

  /**
   * The body of {@code POST /v2/orders} for {@code r}: quantities and prices as decimal strings.
   *
   * @param r the request
   * @return the JSON text
   */
  public static String body(OrderRequest r) {
    ObjectNode o = Json.object();
    o.put("symbol", r.symbol());
    o.put("qty", plain(r.quantity()));
    o.put("side", r.side().name().toLowerCase(Locale.ROOT));
    o.put("type", r.type().name().toLowerCase(Locale.ROOT));
    o.put("time_in_force", r.timeInForce().name().toLowerCase(Locale.ROOT));
    if (!Double.isNaN(r.limitPrice())) {
      o.put("limit_price", plain(r.limitPrice()));
    }
    if (!Double.isNaN(r.stopPrice())) {
      o.put("stop_price", plain(r.stopPrice()));
    }
    o.put("client_order_id", r.clientOrderId());
    return Json.write(o);
  }

  /**
   * Reads an Alpaca order object.
   *
   * @param json the reader of the response (for messages)
   * @param node the order object
   * @return the snapshot
   * @throws io.github.quantfolio.broker.alpaca.AlpacaException if a field is missing or malformed,
   *     the status, type, side or time in force is one this library does not know, or the values
   *     contradict each other
   */
  public static Snapshot read(Json json, JsonNode node) {
    String id = json.text(node, "id");
    String clientId = json.text(node, "client_order_id");
    String which = "order '" + json.quote(clientId) + "'";
    String status = json.text(node, "status");
    BigDecimal qty = json.optionalDecimal(node, "qty");
    if (qty == null) {
      throw json.fail(which + " has no qty (notional orders are not supported)");
    }
    BigDecimal filled = json.decimal(node, "filled_qty");
    BigDecimal avg = json.optionalDecimal(node, "filled_avg_price");
    if (filled.signum() > 0 && avg == null) {
      throw json.fail(which + " has filled_qty " + filled.toPlainString()
          + " but no filled_avg_price");
    }
    OrderRequest request;
    try {
      request = new OrderRequest(clientId, json.text(node, "symbol"),
          side(json, node, which), qty.doubleValue(), type(json, node, which),
          price(json.optionalDecimal(node, "limit_price")),
          price(json.optionalDecimal(node, "stop_price")), tif(json, node, which));
    } catch (IllegalArgumentException e) {
      throw json.fail(json.quote(e.getMessage()));
    }
    Instant updated = json.instant(node, "updated_at");
    String replacedBy = json.optionalText(node, "replaced_by");
    Order order;
    try {
      order = toOrder(request, status, filled.doubleValue(),
          filled.signum() == 0 ? Double.NaN : avg.doubleValue(), updated,
          replacedBy == null ? "" : json.quote(replacedBy));
    } catch (IllegalArgumentException e) {
      throw json.fail("Alpaca status '" + json.quote(status) + "': " + json.quote(e.getMessage()));
    }
    if (order == null) {
      throw json.fail(which + " has an unknown status '" + json.quote(status) + "'");
    }
    return new Snapshot(id, request, order, filled, filled.signum() == 0 ? null : avg);
  }

  /**
   * The core order for an Alpaca status (see the class comment), or null for an unknown status.
   *
   * @param r the request
   * @param status Alpaca's status
   * @param filled the filled quantity
   * @param avg the average fill price, NaN when nothing is filled
   * @param updated when the order last changed
   * @param replacedBy the replacing order's id, or empty
   * @return the order, or null
   * @throws IllegalArgumentException if the fill contradicts the status (e.g. {@code filled} with
   *     part of the quantity)
   */
  public static Order toOrder(OrderRequest r, String status, double filled, double avg,
      Instant updated, String replacedBy) {
    boolean full = filled >= r.quantity() * (1 - FULL);
    OrderStatus working = filled == 0 ? OrderStatus.OPEN
        : full ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    switch (status) {
      case "new", "accepted", "pending_new", "accepted_for_bidding", "partially_filled":
        return new Order(r, working, filled, avg, 0, "", updated);
      case "pending_cancel", "pending_replace", "done_for_day", "stopped", "suspended", "held",
          "calculated", "pending_review":
        return new Order(r, working, filled, avg, 0,
            working == OrderStatus.FILLED ? "" : "Alpaca status '" + status + "'", updated);
      case "filled":
        return new Order(r, OrderStatus.FILLED, filled, avg, 0, "", updated);
      case "canceled":
        return ended(r, OrderStatus.CANCELLED, full, filled, avg, "canceled at Alpaca", updated);
      case "expired":
        return ended(r, OrderStatus.EXPIRED, full, filled, avg, "expired at Alpaca (time in force "
            + r.timeInForce() + ")", updated);
      case "replaced":
        return ended(r, OrderStatus.CANCELLED, full, filled, avg, "replaced at Alpaca"
            + (replacedBy.isEmpty() ? "" : " by order " + replacedBy), updated);
      case "rejected":
        return ended(r, filled == 0 ? OrderStatus.REJECTED : OrderStatus.CANCELLED, full, filled,
            avg, "rejected by Alpaca", updated);
      default:
        return null;
    }
  }

  private static Order ended(OrderRequest r, OrderStatus end, boolean full, double filled,
      double avg, String why, Instant updated) {
    return full ? new Order(r, OrderStatus.FILLED, filled, avg, 0, "", updated)
        : new Order(r, end, filled, avg, 0, why, updated);
  }

  private static Side side(Json json, JsonNode node, String which) {
    String s = json.text(node, "side");
    return switch (s) {
      case "buy" -> Side.BUY;
      case "sell" -> Side.SELL;
      default -> throw json.fail(which + " has an unsupported side '" + json.quote(s) + "'");
    };
  }

  private static OrderType type(Json json, JsonNode node, String which) {
    String s = json.text(node, "type");
    return switch (s) {
      case "market" -> OrderType.MARKET;
      case "limit" -> OrderType.LIMIT;
      case "stop" -> OrderType.STOP;
      case "stop_limit" -> OrderType.STOP_LIMIT;
      default -> throw json.fail(which + " has an unsupported type '" + json.quote(s) + "'");
    };
  }

  private static TimeInForce tif(Json json, JsonNode node, String which) {
    String s = json.text(node, "time_in_force");
    return switch (s) {
      case "day" -> TimeInForce.DAY;
      case "gtc" -> TimeInForce.GTC;
      case "ioc" -> TimeInForce.IOC;
      default -> throw json.fail(which + " has an unsupported time_in_force '" + json.quote(s)
          + "'");
    };
  }

  private static double price(BigDecimal p) {
    return p == null ? Double.NaN : p.doubleValue();
  }

  /** The shortest decimal that reads back as {@code x}: 10 -> "10", 187.5 -> "187.5". */
  static String plain(double x) {
    BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
    return d.toPlainString();
  }
}
