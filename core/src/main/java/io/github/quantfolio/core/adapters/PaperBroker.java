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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory simulated {@link Broker} ({@link #isPaper()} is true): cash and signed positions in
 * one currency, orders filled against the market data it is given. Two modes:
 * <ul>
 *   <li><b>Quote-driven</b> (the default): {@link #updateQuote(Quote)} sets the market. A market
 *       order fills at once at the ask (buy) or bid (sell); limit, stop and stop-limit orders
 *       fill when a quote makes them marketable, and are checked again, oldest first, on every
 *       later quote of their symbol. An order for a symbol without a quote is rejected.</li>
 *   <li><b>Bar-driven</b> ({@link Builder#barDriven()}): orders wait for the next
 *       {@link #updateBar(OhlcBar)} of their symbol and fill on its OHLC by the backtester's
 *       rules (market at the open, a gap through a limit or stop at the open, otherwise at the
 *       level; see {@link WorkingOrder}). With {@link Builder#withBarParticipation} an order
 *       fills at most that fraction of each bar's volume, so large orders fill in parts over
 *       several bars.</li>
 * </ul>
 * <b>Time in force</b>: GTC orders work until filled or cancelled; DAY orders expire at the first
 * market event of a later UTC date than their first one; IOC orders meet the market once (at
 * submission in quote mode, on the next bar in bar mode) and the rest is cancelled.
 *
 * <p><b>Money</b>: each execution pays the {@link FeeModel}'s fee. A buy (or a buy to cover) that
 * cash cannot pay, including its fee, is rejected; a sell beyond the long position is rejected
 * unless shorts are allowed ({@link Builder#withShorts()}), and short sales credit their
 * proceeds. An order already partly filled that then fails these checks is cancelled with the
 * reason. Market data or fills that would make a value overflow are refused with an exception
 * and change nothing. Positions are marked at the quote's mid or the bar's close.
 *
 * <p><b>Idempotency</b> as {@link Broker}: one order per client order id, ever. <b>Fills</b> go to
 * the registered {@link FillListener}s after the broker's state is updated, outside its lock.
 * Thread-safe. Order timestamps come from the clock at submission and cancellation, and from the
 * quote or bar that filled or expired them.
 *
 * @since 0.1.0
 */
public final class PaperBroker implements Broker {

  /** A position within this fraction of the units traded is rounding dust and is closed. */
  private static final double DUST = 1e-12;

  private final Clock clock;
  private final FeeModel fees;
  private final boolean shorts;
  private final boolean barDriven;
  private final double participation;
  private double cash;
  /** symbol -> {signed quantity, average entry price}. */
  private final Map<String, double[]> holdings = new HashMap<>();
  private final Map<String, Quote> quotes = new HashMap<>();
  /** In submission order, so working orders are matched oldest first. */
  private final Map<String, WorkingOrder> orders = new LinkedHashMap<>();
  private final List<FillListener> listeners = new CopyOnWriteArrayList<>();
  /** Fills made under the lock, sent to listeners after it is released. */
  private final List<Fill> pending = new ArrayList<>();
  private final Object dispatchLock = new Object();
  /** Guarded by dispatchLock: a delivery loop is running (a re-entrant call returns). */
  private boolean dispatching;

  private PaperBroker(Builder b) {
    this.cash = b.cash;
    this.clock = b.clock;
    this.fees = b.fees;
    this.shorts = b.shorts;
    this.barDriven = b.barDriven;
    this.participation = b.participation;
  }

  /**
   * A quote-driven paper account holding {@code cash}, no fees, no shorts, UTC system clock.
   *
   * @param cash the opening cash, finite and &gt;= 0
   * @return the broker
   */
  public static PaperBroker withCash(double cash) {
    return builder(cash).build();
  }

  /**
   * As {@link #withCash(double)}, timestamping with {@code clock} (e.g. a fixed clock in tests).
   *
   * @param cash the opening cash, finite and &gt;= 0
   * @param clock the clock
   * @return the broker
   */
  public static PaperBroker withCash(double cash, Clock clock) {
    return builder(cash).withClock(clock).build();
  }

  /**
   * A builder for a paper account holding {@code cash}.
   *
   * @param cash the opening cash, finite and &gt;= 0
   * @return the builder
   */
  public static Builder builder(double cash) {
    if (!(cash >= 0) || cash == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("PaperBroker: expected finite cash >= 0, but found "
          + cash);
    }
    return new Builder(cash);
  }

  /** Settings of a {@link PaperBroker}. */
  public static final class Builder {
    private final double cash;
    private Clock clock = Clock.systemUTC();
    private FeeModel fees = FeeModel.NONE;
    private boolean shorts;
    private boolean barDriven;
    private double participation = 1;
    private boolean participationSet;

    private Builder(double cash) {
      this.cash = cash;
    }

    /**
     * Timestamps submissions and cancellations with {@code clock}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder withClock(Clock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /**
     * Charges {@code fees} on every execution.
     *
     * @param fees the fee model
     * @return this builder
     */
    public Builder withFees(FeeModel fees) {
      this.fees = Checks.notNull(fees, "fees");
      return this;
    }

    /**
     * Allows sells beyond the long position (short positions).
     *
     * @return this builder
     */
    public Builder withShorts() {
      this.shorts = true;
      return this;
    }

    /**
     * Fills orders on bars ({@link #updateBar}) instead of quotes.
     *
     * @return this builder
     */
    public Builder barDriven() {
      this.barDriven = true;
      return this;
    }

    /**
     * In bar mode, fills at most {@code fraction} of each bar's volume per order (bars of
     * unknown volume do not limit).
     *
     * @param fraction in (0, 1]
     * @return this builder
     */
    public Builder withBarParticipation(double fraction) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("Expected 0 < bar participation <= 1, but found "
            + fraction);
      }
      this.participation = fraction;
      this.participationSet = true;
      return this;
    }

    /**
     * The broker.
     *
     * @return a new paper broker
     */
    public PaperBroker build() {
      if (participationSet && !barDriven) {
        throw new IllegalArgumentException("Bar participation needs a bar-driven broker"
            + " (Builder.barDriven())");
      }
      return new PaperBroker(this);
    }
  }

  // ---------------------------------------------------------------- market data

  /**
   * Records {@code quote} as the latest of its symbol, then fills, oldest first, the working
   * orders of that symbol that it makes marketable (quote-driven mode only).
   *
   * @param quote the latest quote
   * @throws IllegalStateException on a bar-driven broker
   * @throws IllegalArgumentException if the quote is older than the symbol's latest, or valuing
   *     the positions at it would overflow; nothing changes
   */
  public void updateQuote(Quote quote) {
    Checks.notNull(quote, "quote");
    synchronized (this) {
      if (barDriven) {
        throw new IllegalStateException("This PaperBroker is bar-driven: use updateBar");
      }
      Quote last = quotes.get(quote.symbol());
      if (last != null && quote.time().isBefore(last.time())) {
        throw new IllegalArgumentException("PaperBroker: quote of '" + quote.symbol() + "' at "
            + quote.time() + " is older than its latest quote at " + last.time()
            + "; quotes must not go back in time");
      }
      checkValuation(quote.symbol(), quote.mid(), quote.toString());
      quotes.put(quote.symbol(), quote);
      for (WorkingOrder w : orders.values()) {
        if (!w.status.isFinal() && w.request.symbol().equals(quote.symbol())) {
          if (w.expiresAt(quote.time())) {
            w.end(OrderStatus.EXPIRED, "DAY order expired at the end of " + w.day, quote.time());
          } else {
            tryFill(w, w.priceOn(quote), w.remaining(), quote.time());
          }
        }
      }
    }
    dispatch();
  }

  /**
   * As {@link #updateBars} with one bar.
   *
   * @param bar the next bar of its symbol
   */
  public void updateBar(OhlcBar bar) {
    updateBars(List.of(Checks.notNull(bar, "bar")));
  }

  /**
   * Takes the next bar of several symbols at once (typically every symbol's bar of one
   * timestamp), marks each symbol at its close, and matches the working orders of those symbols
   * against their bars <b>in submission order across symbols</b>, so that sells submitted before
   * buys are filled first and fund them (bar-driven mode only). Orders submitted after this call
   * wait for their symbol's next bar.
   *
   * @param bars at most one bar per symbol, each later than that symbol's previous bar
   * @throws IllegalStateException on a quote-driven broker
   * @throws IllegalArgumentException for two bars of one symbol, a bar not later than its
   *     symbol's previous bar, or closes that would make the account's value overflow; nothing
   *     changes
   */
  public void updateBars(List<OhlcBar> bars) {
    Checks.notNull(bars, "bars");
    synchronized (this) {
      if (!barDriven) {
        throw new IllegalStateException("This PaperBroker is quote-driven: use updateQuote, or"
            + " build it with Builder.barDriven()");
      }
      Map<String, OhlcBar> bySymbol = new HashMap<>();
      for (OhlcBar bar : bars) {
        Checks.notNull(bar, "bar");
        if (bySymbol.put(bar.symbol(), bar) != null) {
          throw new IllegalArgumentException("Two bars of '" + bar.symbol() + "' in one update");
        }
        Quote last = quotes.get(bar.symbol());
        if (last != null && !bar.time().isAfter(last.time())) {
          throw new IllegalArgumentException("Bar of '" + bar.symbol() + "' at " + bar.time()
              + " is not after its previous bar at " + last.time());
        }
      }
      checkValuation(bySymbol);
      for (OhlcBar bar : bars) { // marks first: fills below value other positions at them
        quotes.put(bar.symbol(), Quote.of(bar.symbol(), bar.close(), bar.time()));
      }
      for (WorkingOrder w : orders.values()) {
        OhlcBar bar = bySymbol.get(w.request.symbol());
        if (w.status.isFinal() || bar == null) {
          continue;
        }
        if (w.expiresAt(bar.time())) {
          w.end(OrderStatus.EXPIRED, "DAY order expired at the end of " + w.day, bar.time());
          continue;
        }
        double cap = Double.isNaN(bar.volume()) ? w.remaining()
            : Math.min(w.remaining(), participation * bar.volume());
        tryFill(w, w.priceOn(bar), cap, bar.time());
        if (w.request.timeInForce() == TimeInForce.IOC && !w.status.isFinal()) {
          w.end(OrderStatus.CANCELLED, "IOC remainder cancelled after the bar of " + bar.time(),
              bar.time());
        }
      }
    }
    dispatch();
  }

  // ---------------------------------------------------------------- Broker

  @Override
  public boolean isPaper() {
    return true;
  }

  @Override
  public synchronized Account account() {
    return new Account(cash, positionsValue(holdings, null, 0), true);
  }

  @Override
  public synchronized List<Position> positions() {
    List<Position> out = new ArrayList<>(holdings.size());
    holdings.forEach((s, h) -> out.add(new Position(s, h[0], h[1])));
    return List.copyOf(out);
  }

  /**
   * {@inheritDoc} In bar-driven mode: the latest bar's close as bid and ask.
   */
  @Override
  public synchronized Optional<Quote> quote(String symbol) {
    return Optional.ofNullable(quotes.get(Checks.notNull(symbol, "symbol")));
  }

  @Override
  public Order submit(OrderRequest request) {
    Checks.notNull(request, "request");
    Order result;
    synchronized (this) {
      WorkingOrder existing = orders.get(request.clientOrderId());
      if (existing != null) {
        if (!existing.request.equals(request)) {
          throw new IllegalArgumentException("Client order id '" + request.clientOrderId()
              + "' was already used for " + existing.request + "; it cannot be reused for "
              + request);
        }
        return existing.toOrder();
      }
      Instant now = clock.instant();
      WorkingOrder w = new WorkingOrder(request, now);
      orders.put(request.clientOrderId(), w);
      if (!barDriven) {
        Quote q = quotes.get(request.symbol());
        if (q == null) {
          w.end(OrderStatus.REJECTED, "No quote for '" + request.symbol() + "'", now);
        } else {
          w.expiresAt(q.time()); // the order's day is the quote's
          tryFill(w, w.priceOn(q), w.remaining(), now);
          if (request.timeInForce() == TimeInForce.IOC && !w.status.isFinal()) {
            w.end(OrderStatus.CANCELLED, "IOC order not marketable at submission", now);
          }
        }
      }
      result = w.toOrder();
    }
    dispatch();
    return result;
  }

  @Override
  public synchronized Order cancel(String clientOrderId) {
    WorkingOrder w = orders.get(Checks.notNull(clientOrderId, "clientOrderId"));
    if (w == null) {
      throw new IllegalArgumentException("No order with client order id '" + clientOrderId + "'");
    }
    if (!w.status.isFinal()) {
      w.end(OrderStatus.CANCELLED, "Cancelled by the caller", clock.instant());
    }
    return w.toOrder();
  }

  @Override
  public synchronized Optional<Order> order(String clientOrderId) {
    WorkingOrder w = orders.get(Checks.notNull(clientOrderId, "clientOrderId"));
    return w == null ? Optional.empty() : Optional.of(w.toOrder());
  }

  @Override
  public void addFillListener(FillListener listener) {
    listeners.add(Checks.notNull(listener, "listener"));
  }

  @Override
  public void removeFillListener(FillListener listener) {
    listeners.remove(listener);
  }

  /** For example {@code PaperBroker[quote-driven, cash=..., positions=[...], orders=3]}. */
  @Override
  public synchronized String toString() {
    return "PaperBroker[" + (barDriven ? "bar-driven" : "quote-driven") + ", fees=" + fees
        + (shorts ? ", shorts allowed" : "") + ", cash=" + cash + ", positions=" + positions()
        + ", orders=" + orders.size() + "]";
  }

  // ---------------------------------------------------------------- internals

  /** Fills up to {@code cap} of {@code w} at {@code price} (NaN: no fill), or ends it. */
  private void tryFill(WorkingOrder w, double price, double cap, Instant time) {
    if (Double.isNaN(price) || !(cap > 0)) {
      return;
    }
    OrderRequest r = w.request;
    String symbol = r.symbol();
    double q = cap;
    double notional = q * price;
    double fee = fees.fee(notional);
    double[] h = holdings.get(symbol);
    double held = h == null ? 0 : h[0];
    double signed = r.side() == Side.BUY ? q : -q;
    double newCash = cash - signed * price - fee;
    String buying = (r.side() == Side.BUY ? "buying " : "selling ") + num(q) + " '" + symbol
        + "' at " + num(price);
    String refusal = null;
    if (!Double.isFinite(notional) || !Double.isFinite(fee)) {
      refusal = "Overflow: " + buying + " costs " + notional + ", beyond the range of double";
    } else if (r.side() == Side.BUY && notional + fee > cash) {
      refusal = "Insufficient cash: " + buying + " costs " + num(notional) + " plus fee "
          + num(fee) + ", cash is " + num(cash);
    } else if (r.side() == Side.SELL && !shorts && q > Math.max(held, 0) * (1 + DUST)) {
      refusal = "Insufficient position: " + buying + " but holding " + num(held)
          + " (shorts are off: PaperBroker.Builder.withShorts() allows them)";
    } else if (!Double.isFinite(held + signed) || !Double.isFinite(newCash + positionsValue(
        holdings, symbol, (held + signed) * price))) {
      refusal = "Overflow: " + buying + " would make the position (" + (held + signed)
          + " units), the cash or the account's value leave the range of double";
    }
    if (refusal != null) {
      w.end(OrderStatus.REJECTED, refusal, time);
      return;
    }
    cash = newCash;
    book(symbol, held, signed, price);
    w.filled += q;
    w.notional += notional;
    w.fees += fee;
    w.status = w.remaining() <= r.quantity() * DUST ? OrderStatus.FILLED
        : OrderStatus.PARTIALLY_FILLED;
    if (w.status == OrderStatus.FILLED) {
      w.filled = r.quantity();
    }
    w.updated = time;
    pending.add(new Fill(symbol, r.side(), q, price, fee, time, r.clientOrderId()));
  }

  /** Moves the position in {@code symbol} by {@code signed} units at {@code price}. */
  private void book(String symbol, double held, double signed, double price) {
    double after = held + signed;
    if (Math.abs(after) <= Math.max(Math.abs(held), Math.abs(signed)) * DUST) {
      holdings.remove(symbol);
    } else if (held == 0 || Math.signum(after) != Math.signum(held)) {
      holdings.put(symbol, new double[] {after, price}); // opened, or reversed through zero
    } else if (Math.abs(after) > Math.abs(held)) {
      double[] h = holdings.get(symbol);
      h[1] = (Math.abs(held) * h[1] + Math.abs(signed) * price) / Math.abs(after);
      h[0] = after;
    } else {
      holdings.get(symbol)[0] = after; // reduced: the entry price stays
    }
  }

  /**
   * The positions' value at their marks, with {@code symbol}'s position or mark replaced: by
   * {@code value} when computing a fill's effect, or marked at {@code mark} for new market data.
   */
  private double positionsValue(Map<String, double[]> h, String symbol, double value) {
    double v = 0;
    for (Map.Entry<String, double[]> e : h.entrySet()) {
      if (!e.getKey().equals(symbol)) {
        v += e.getValue()[0] * quotes.get(e.getKey()).mid();
      }
    }
    return symbol == null ? v : v + value;
  }

  private void checkValuation(String symbol, double mark, String what) {
    double[] h = holdings.get(symbol);
    double own = h == null ? 0 : h[0] * mark;
    double value = positionsValue(holdings, symbol, own);
    if (!Double.isFinite(own) || !Double.isFinite(value) || !Double.isFinite(cash + value)) {
      throw new IllegalArgumentException("PaperBroker: " + what + " would value the "
          + (h == null ? 0 : h[0]) + " units of '" + symbol + "' held at " + own
          + " and the positions at " + value + ", beyond the range of double; rejected, nothing"
          + " changed");
    }
  }

  /** {@code x} to 10 significant digits (scientific beyond 1e15 or below 1e-6), for messages. */
  static String num(double x) {
    double a = Math.abs(x);
    if (a != 0 && (a >= 1e15 || a < 1e-6) || !Double.isFinite(x)) {
      return Double.toString(x);
    }
    return new java.math.BigDecimal(x).round(new java.math.MathContext(10)).stripTrailingZeros()
        .toPlainString();
  }

  /** As {@link #checkValuation(String, double, String)} with every bar's close as the mark. */
  private void checkValuation(Map<String, OhlcBar> bars) {
    double v = cash;
    for (Map.Entry<String, double[]> e : holdings.entrySet()) {
      OhlcBar b = bars.get(e.getKey());
      v += e.getValue()[0] * (b != null ? b.close() : quotes.get(e.getKey()).mid());
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("PaperBroker: bars at "
          + bars.values().iterator().next().time() + " would value the positions beyond the"
          + " range of double; rejected, nothing changed");
    }
  }

  /**
   * Sends the pending fills to the listeners, in the order they were made. One thread delivers
   * at a time; a listener that calls back into the broker adds to the queue, which the loop
   * drains after the current batch (so order holds).
   */
  private void dispatch() {
    synchronized (dispatchLock) {
      if (dispatching) {
        return;
      }
      dispatching = true;
      try {
        while (true) {
          List<Fill> out;
          synchronized (this) {
            if (pending.isEmpty()) {
              return;
            }
            out = new ArrayList<>(pending);
            pending.clear();
          }
          for (Fill f : out) {
            for (FillListener l : listeners) {
              l.onFill(f);
            }
          }
        }
      } finally {
        dispatching = false;
      }
    }
  }
}
