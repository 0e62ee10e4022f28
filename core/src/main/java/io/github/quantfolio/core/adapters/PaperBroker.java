package io.github.quantfolio.core.adapters;

import io.github.quantfolio.core.internal.Checks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory simulated {@link Broker} ({@link #isPaper()} is true): cash and long positions in
 * one currency, filled against the quotes it is given with {@link #updateQuote(Quote)}.
 *
 * <ul>
 *   <li><b>Market orders</b> fill at once in full at the latest quote: a buy at the ask, a sell at
 *       the bid. No partial fills, no slippage beyond the spread, no fees.
 *   <li><b>Limit orders</b> fill at once if marketable (buy: ask &lt;= limit; sell: bid &gt;=
 *       limit) at the quote's ask or bid, otherwise stay {@link OrderStatus#OPEN} and are checked
 *       again, oldest first, on every later quote of their symbol.
 *   <li><b>Rejections</b> (status {@link OrderStatus#REJECTED} with a message, nothing changes):
 *       no quote for the symbol yet; a buy costing more than the cash ({@code quantity x price >
 *       cash}); a sell of more than is held (no short selling); a fill whose cost, proceeds,
 *       position or account value would overflow the range of double. An open limit order that
 *       can no longer be paid for when its price is reached is rejected then.
 *   <li><b>Finite accounts.</b> Cash, every position and the account's value and equity stay
 *       finite: a quote that would value a position beyond the range of double is rejected by
 *       {@link #updateQuote(Quote)} ({@link IllegalArgumentException} naming it, nothing changes),
 *       so {@link #account()} always answers.
 *   <li><b>Idempotency</b> as {@link Broker}: one order per client order id, ever.
 *   <li>{@link #positions()} lists each symbol held with its quantity and average buy price;
 *       {@link #account()} marks them at the mid of their latest quotes. A position sold down to
 *       less than {@code 1e-12} of its size is closed (rounding of fractional quantities).
 * </ul>
 *
 * Thread-safe: every method is synchronized. Timestamps of orders come from the given clock.
 *
 * @since 0.1.0
 */
public final class PaperBroker implements Broker {

  private static final double DUST = 1e-12;

  private final Clock clock;
  private double cash;
  /** symbol -> {quantity, averagePrice}. */
  private final Map<String, double[]> holdings = new HashMap<>();
  private final Map<String, Quote> quotes = new HashMap<>();
  /** In submission order, so open limit orders are filled oldest first. */
  private final Map<String, Order> orders = new LinkedHashMap<>();

  private PaperBroker(double cash, Clock clock) {
    this.cash = cash;
    this.clock = clock;
  }

  /**
   * A paper account holding {@code cash} and no positions, timestamping with the UTC system clock.
   *
   * @throws IllegalArgumentException if cash is negative or not finite
   */
  public static PaperBroker withCash(double cash) {
    return withCash(cash, Clock.systemUTC());
  }

  /** As {@link #withCash(double)}, timestamping orders with {@code clock} (e.g. a fixed clock in tests). */
  public static PaperBroker withCash(double cash, Clock clock) {
    if (!(cash >= 0) || cash == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("PaperBroker: expected finite cash >= 0, but found "
          + cash);
    }
    return new PaperBroker(cash, Checks.notNull(clock, "clock"));
  }

  /**
   * Records {@code quote} as the latest of its symbol, then fills the open limit orders on that
   * symbol that it makes marketable, oldest first.
   *
   * @throws IllegalArgumentException if the quote would value the position held in its symbol,
   *     or the account, beyond the range of double (the broker is then unchanged)
   */
  public synchronized void updateQuote(Quote quote) {
    Checks.notNull(quote, "quote");
    double[] h = holdings.get(quote.symbol());
    if (h != null) {
      double value = positionsValue(quote.symbol(), h[0], quote.mid());
      if (!Double.isFinite(value) || !Double.isFinite(cash + value)) {
        throw new IllegalArgumentException("PaperBroker: " + quote + " would value the "
            + h[0] + " units of '" + quote.symbol() + "' held at " + h[0] * quote.mid()
            + " and the positions at " + value + ", beyond the range of double; quote rejected");
      }
    }
    quotes.put(quote.symbol(), quote);
    for (Map.Entry<String, Order> e : orders.entrySet()) {
      Order o = e.getValue();
      if (o.status() == OrderStatus.OPEN && o.request().symbol().equals(quote.symbol())
          && marketable(o.request(), quote)) {
        e.setValue(fill(o.request(), quote));
      }
    }
  }

  @Override
  public boolean isPaper() {
    return true;
  }

  @Override
  public synchronized Account account() {
    double value = 0;
    for (Map.Entry<String, double[]> e : holdings.entrySet()) {
      // Every holding came from a fill, so its symbol has a quote.
      value += e.getValue()[0] * quotes.get(e.getKey()).mid();
    }
    return new Account(cash, value, true);
  }

  @Override
  public synchronized List<Position> positions() {
    List<Position> out = new ArrayList<>(holdings.size());
    holdings.forEach((s, h) -> out.add(new Position(s, h[0], h[1])));
    return List.copyOf(out);
  }

  @Override
  public synchronized Optional<Quote> quote(String symbol) {
    return Optional.ofNullable(quotes.get(Checks.notNull(symbol, "symbol")));
  }

  @Override
  public synchronized Order submit(OrderRequest request) {
    Checks.notNull(request, "request");
    Order existing = orders.get(request.clientOrderId());
    if (existing != null) {
      if (!existing.request().equals(request)) {
        throw new IllegalArgumentException("Client order id '" + request.clientOrderId()
            + "' was already used for " + existing.request() + "; it cannot be reused for "
            + request);
      }
      return existing;
    }
    Quote q = quotes.get(request.symbol());
    Order result;
    if (q == null) {
      result = status(request, OrderStatus.REJECTED, "No quote for '" + request.symbol() + "'");
    } else if (request.type() == OrderType.MARKET || marketable(request, q)) {
      result = fill(request, q);
    } else {
      result = status(request, OrderStatus.OPEN, "");
    }
    orders.put(request.clientOrderId(), result);
    return result;
  }

  @Override
  public synchronized Order cancel(String clientOrderId) {
    Order o = orders.get(Checks.notNull(clientOrderId, "clientOrderId"));
    if (o == null) {
      throw new IllegalArgumentException("No order with client order id '" + clientOrderId + "'");
    }
    if (o.status().isFinal()) {
      return o;
    }
    Order cancelled = status(o.request(), OrderStatus.CANCELLED, "Cancelled by the caller");
    orders.put(clientOrderId, cancelled);
    return cancelled;
  }

  @Override
  public synchronized Optional<Order> order(String clientOrderId) {
    return Optional.ofNullable(orders.get(Checks.notNull(clientOrderId, "clientOrderId")));
  }

  @Override
  public synchronized String toString() {
    return "PaperBroker[cash=" + cash + ", positions=" + positions() + ", orders=" + orders.size()
        + "]";
  }

  // ------------------------------------------------------------------ internals

  /**
   * The value of all positions at the mid of their latest quotes, with {@code quantity} units of
   * {@code symbol} (0 for none) valued at {@code mid} instead of what is held.
   */
  private double positionsValue(String symbol, double quantity, double mid) {
    double value = quantity == 0 ? 0 : quantity * mid;
    for (Map.Entry<String, double[]> e : holdings.entrySet()) {
      if (!e.getKey().equals(symbol)) {
        value += e.getValue()[0] * quotes.get(e.getKey()).mid();
      }
    }
    return value;
  }

  private static boolean marketable(OrderRequest r, Quote q) {
    return r.side() == Side.BUY ? q.ask() <= r.limitPrice() : q.bid() >= r.limitPrice();
  }

  private Order status(OrderRequest r, OrderStatus s, String message) {
    return new Order(r, s, Double.NaN, message, clock.instant());
  }

  /**
   * Fills {@code r} in full at the quote's ask (buy) or bid (sell), or rejects it. Everything is
   * computed and checked before anything changes.
   */
  private Order fill(OrderRequest r, Quote q) {
    double price = q.priceFor(r.side());
    double qty = r.quantity();
    String symbol = r.symbol();
    double[] h = holdings.get(symbol);
    double held = h == null ? 0 : h[0];
    double newCash;
    double newHeld;
    if (r.side() == Side.BUY) {
      double cost = qty * price;
      if (!Double.isFinite(cost)) {
        return status(r, OrderStatus.REJECTED, "Overflow: buying " + qty + " '" + symbol
            + "' at " + price + " costs " + cost + ", beyond the range of double");
      }
      if (cost > cash) {
        return status(r, OrderStatus.REJECTED, "Insufficient cash: buying " + qty + " '" + symbol
            + "' at " + price + " costs " + cost + ", cash is " + cash);
      }
      newCash = cash - cost;
      newHeld = held + qty;
    } else {
      if (qty > held * (1 + DUST)) {
        return status(r, OrderStatus.REJECTED, "Insufficient position: selling " + qty + " '"
            + symbol + "' but holding " + held + " (PaperBroker does not sell short)");
      }
      newCash = cash + qty * price;
      double left = held - qty;
      newHeld = left <= held * DUST ? 0 : left;
    }
    double value = positionsValue(symbol, newHeld, q.mid());
    if (!Double.isFinite(newHeld) || !Double.isFinite(newCash) || !Double.isFinite(value)
        || !Double.isFinite(newCash + value)) {
      return status(r, OrderStatus.REJECTED, "Overflow: " + (r.side() == Side.BUY ? "buying "
          : "selling ") + qty + " '" + symbol + "' at " + price + " would make the position ("
          + newHeld + " units), the cash (" + newCash + ") or the account value (" + value
          + ") exceed the range of double");
    }
    cash = newCash;
    if (newHeld == 0) {
      holdings.remove(symbol);
    } else if (h == null) {
      holdings.put(symbol, new double[] {newHeld, price});
    } else {
      if (r.side() == Side.BUY) {
        // the quantity-weighted mean of the old average and this price, without overflow
        h[1] += (price - h[1]) * (qty / newHeld);
      }
      h[0] = newHeld;
    }
    Instant now = clock.instant();
    return new Order(r, OrderStatus.FILLED, price, "", now);
  }
}
