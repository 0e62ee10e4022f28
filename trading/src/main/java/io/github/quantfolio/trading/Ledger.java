package io.github.quantfolio.trading;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.OhlcBar;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The book of one account: fills in, positions, cash, lots, P&amp;L and exposure out.
 *
 * <p><b>Accounting.</b> A buy pays {@code quantity x price + fee}, a sell receives
 * {@code quantity x price - fee}. A fill first closes open lots of the opposite direction (by the
 * {@link LotMethod}: FIFO by default) and opens a lot with what is left, so one fill can close a
 * long and open a short. The opening fee is capitalized in the lot and realized when the lot
 * closes; a fill's fee is split between the lots it closes and the lot it opens pro rata to
 * quantity. Hence, at every moment and to rounding:
 * <pre>
 *   NAV        = cash + sum over positions of quantity x mark
 *   realized + unrealized = NAV - (deposits - withdrawals)
 * </pre>
 * where realized is the closed round trips net of all their fees plus dividends, and unrealized
 * is {@code quantity x (mark - price) - capitalized fee} over the open lots. Cash dividends are
 * received on longs and paid on shorts; splits rescale lots and marks.
 *
 * <p><b>Marks.</b> A position is valued at its symbol's latest mark ({@link #mark}), or at the
 * price of its latest fill when that is newer. Marks of one symbol must not go back in time.
 *
 * <p><b>Time and validation.</b> Events (fills, cash flows, dividends, splits, end-of-day
 * snapshots) must come in time order, not before the previous event. An event that is invalid
 * (out of order, a sell that would open a short when shorts are off, a withdrawal beyond the cash,
 * a dividend on a symbol not held, a value that would overflow) throws
 * {@link IllegalArgumentException} naming the event, and the ledger is left exactly as it was.
 *
 * <p><b>Returns.</b> {@link LedgerSnapshot#totalReturn()} is time-weighted: the history is cut
 * at every deposit and withdrawal, each piece's return is NAV before the flow over NAV after the
 * previous one, and the pieces are compounded, so deposits do not count as performance.
 * {@link LedgerSnapshot#dailyPnl()} is the change of NAV, net of cash flows, since the last
 * {@link #endOfDay} snapshot (or since the ledger opened).
 *
 * <p>Thread-safe: every method is synchronized. Memory: the full history of events and round
 * trips is kept.
 *
 * @since 0.1.0
 */
public final class Ledger {

  private final LedgerOptions options;
  private final Map<String, Book> books = new HashMap<>();
  /** The same books in symbol order, for snapshots. */
  private final TreeMap<String, Book> sorted = new TreeMap<>();
  private double cash;
  private double deposits;
  private double withdrawals;
  private Instant lastTime;
  private final Map<String, double[]> realizedByStrategy = new HashMap<>();
  private final Map<String, double[]> realizedBySignal = new HashMap<>();
  private final List<RoundTrip> roundTrips = new ArrayList<>();
  private final Consumer<RoundTrip> onClose = this::closed;
  private int winningTrips;
  private double grossProfit;
  private double grossLoss;
  /** The accumulators of the last tags attributed to (a cache of two map lookups). */
  private FillTags lastTags;
  private double[] lastStrategy;
  private double[] lastSignal;
  private final List<LedgerEvent> events = new ArrayList<>();
  private final List<LedgerSnapshot> endOfDay = new ArrayList<>();
  private double referenceNav;
  private double referenceNetDeposits;
  /** Time-weighted return: product of the closed sub-periods' growth, and the current start. */
  private double growth = 1;
  private double periodStartNav;

  private Ledger(Instant start, LedgerOptions options) {
    this.lastTime = start;
    this.options = options;
  }

  /**
   * An empty ledger (no cash, no positions) that accepts events from {@code start} on.
   *
   * @param start the opening time; earlier events are rejected
   * @param options lot method and shorting
   * @return the ledger
   */
  public static Ledger open(Instant start, LedgerOptions options) {
    return new Ledger(Checks.notNull(start, "start"), Checks.notNull(options, "options"));
  }

  /**
   * A ledger opened at {@code start} with {@code cash} deposited (no deposit when 0).
   *
   * @param start the opening time and the time of the deposit
   * @param cash the opening cash, finite and &gt;= 0
   * @param options lot method and shorting
   * @return the ledger
   */
  public static Ledger open(Instant start, double cash, LedgerOptions options) {
    Ledger ledger = open(start, options);
    Checks.finite(cash, "cash");
    if (cash < 0) {
      throw new IllegalArgumentException("Expected opening cash >= 0, but found " + cash);
    }
    if (cash > 0) {
      ledger.deposit(cash, start);
    }
    return ledger;
  }

  /**
   * As {@link #open(Instant, double, LedgerOptions)} with FIFO lots and no shorts.
   *
   * @param start the opening time and the time of the deposit
   * @param cash the opening cash, finite and &gt;= 0
   * @return the ledger
   */
  public static Ledger open(Instant start, double cash) {
    return open(start, cash, LedgerOptions.defaults());
  }

  /**
   * The lot method and shorting rule.
   *
   * @return the lot method and shorting rule
   */
  public LedgerOptions options() {
    return options;
  }

  // ---------------------------------------------------------------- cash flows

  /**
   * Pays {@code amount} in.
   *
   * @param amount cash added, finite and &gt; 0
   * @param time when; not before the previous event
   */
  public synchronized void deposit(double amount, Instant time) {
    Checks.positive(amount, "deposit amount");
    Supplier<String> what = () -> "Deposit of " + amount + " at " + time;
    checkTime(time, what);
    checkFinite(cash + amount, what);
    closeReturnPeriod(amount);
    cash += amount;
    deposits += amount;
    lastTime = time;
    events.add(new LedgerEvent.Deposit(time, amount));
  }

  /**
   * Pays {@code amount} out of the cash.
   *
   * @param amount cash removed, finite, &gt; 0 and at most the cash
   * @param time when; not before the previous event
   */
  public synchronized void withdraw(double amount, Instant time) {
    Checks.positive(amount, "withdrawal amount");
    Supplier<String> what = () -> "Withdrawal of " + amount + " at " + time;
    checkTime(time, what);
    if (amount > cash) {
      throw new IllegalArgumentException(what.get() + " exceeds the cash " + cash);
    }
    closeReturnPeriod(-amount);
    cash -= amount;
    withdrawals += amount;
    lastTime = time;
    events.add(new LedgerEvent.Withdrawal(time, amount));
  }

  /** Ends the current return period just before a flow of {@code amount} (signed). */
  private void closeReturnPeriod(double amount) {
    double navBefore = nav();
    if (periodStartNav > 0) {
      growth *= navBefore / periodStartNav;
    }
    periodStartNav = navBefore + amount;
  }

  // ---------------------------------------------------------------- fills

  /**
   * Records a fill without tags; see {@link #record(Fill, FillTags)}.
   *
   * @param fill the execution
   * @return the P&amp;L the fill realized (net of the closed quantity's fees)
   */
  public double record(Fill fill) {
    return record(fill, FillTags.NONE);
  }

  /**
   * Records a fill: moves cash, closes opposite lots and opens a lot with the rest, and updates
   * the symbol's mark to the fill price if the fill is not older than the mark.
   *
   * @param fill the execution; not before the previous event
   * @param tags strategy and signal to attribute the opened lot's P&amp;L to
   * @return the P&amp;L the fill realized: its closed round trips net of their fees (0 if it only
   *     opens)
   * @throws IllegalArgumentException if the fill is out of time order, would open a short while
   *     shorts are off, or would overflow the cash; the ledger is then unchanged
   */
  public synchronized double record(Fill fill, FillTags tags) {
    Checks.notNull(fill, "fill");
    Checks.notNull(tags, "tags");
    checkTime(fill.time(), () -> "Fill " + fill);
    Book book = books.get(fill.symbol());
    if (!options.shortsAllowed() && fill.side() == Side.SELL) {
      double held = book == null ? 0 : book.longQuantity();
      if (fill.quantity() > held * (1 + Book.DUST)) {
        throw new IllegalArgumentException("Fill " + fill + " would sell more than the "
            + held + " held and open a short position, but shorts are off"
            + " (LedgerOptions.withShorts() allows them)");
      }
    }
    checkFinite(cash + fill.cashFlow(), () -> "Fill " + fill);
    if (book == null) {
      book = newBook(fill.symbol());
    }
    double realized = book.apply(fill, tags, options.lotMethod(), onClose);
    cash += fill.cashFlow();
    lastTime = fill.time();
    events.add(new LedgerEvent.Trade(fill, tags, realized, book.signedQuantity()));
    return realized;
  }

  /**
   * Records a trade reported after the fact (seed 001's "update holdings"): the fill
   * {@link ExternalFill#toFill()}, without tags.
   *
   * @param fill the reported trade
   * @return the P&amp;L it realized, as {@link #record(Fill, FillTags)}
   */
  public double record(ExternalFill fill) {
    return record(Checks.notNull(fill, "fill").toFill(), FillTags.NONE);
  }

  /**
   * As {@link #record(ExternalFill)}, with tags.
   *
   * @param fill the reported trade
   * @param tags strategy and signal
   * @return the P&amp;L it realized
   */
  public double record(ExternalFill fill, FillTags tags) {
    return record(Checks.notNull(fill, "fill").toFill(), tags);
  }

  private void closed(RoundTrip trip) {
    roundTrips.add(trip);
    double pnl = trip.pnl();
    if (pnl > 0) {
      winningTrips++;
      grossProfit += pnl;
    } else {
      grossLoss += pnl;
    }
    attribute(trip.tags(), pnl);
  }

  private void attribute(FillTags tags, double pnl) {
    if (tags != lastTags) { // consecutive lots mostly share their tags: skip the two lookups
      lastTags = tags;
      lastStrategy = realizedByStrategy.computeIfAbsent(tags.strategy(), k -> new double[1]);
      lastSignal = realizedBySignal.computeIfAbsent(tags.signal(), k -> new double[1]);
    }
    lastStrategy[0] += pnl;
    lastSignal[0] += pnl;
  }

  private Book newBook(String symbol) {
    Book b = new Book(symbol);
    books.put(symbol, b);
    sorted.put(symbol, b);
    return b;
  }

  // ---------------------------------------------------------------- marks

  /**
   * Values {@code symbol} at {@code price} from {@code time} on. Marking a symbol the ledger has
   * never traded is allowed (its mark is kept for later fills and splits).
   *
   * @param symbol the instrument
   * @param price finite and &gt; 0
   * @param time when the price was observed; not before the symbol's current mark
   */
  public synchronized void mark(String symbol, double price, Instant time) {
    checkMark(symbol, price, time);
    setMark(symbol, price, time);
  }

  private void checkMark(String symbol, double price, Instant time) {
    Checks.notNull(symbol, "symbol");
    Checks.positive(price, "mark price of '" + symbol + "'");
    Checks.notNull(time, "time");
    Book book = books.get(symbol);
    if (book == null) {
      return;
    }
    if (book.markTime != null && time.isBefore(book.markTime)) {
      throw new IllegalArgumentException("Mark " + price + " of '" + symbol + "' at " + time
          + " is older than its current mark at " + book.markTime);
    }
    checkFinite(book.openQuantity * price, () -> "Mark " + price + " of '" + symbol + "'");
  }

  private void setMark(String symbol, double price, Instant time) {
    Book book = books.get(symbol);
    if (book == null) {
      book = newBook(symbol);
    }
    book.mark = price;
    book.markTime = time;
  }

  /**
   * Marks the quote's symbol at its mid price at the quote's time.
   *
   * @param quote the latest quote
   */
  public void mark(Quote quote) {
    Checks.notNull(quote, "quote");
    mark(quote.symbol(), quote.mid(), quote.time());
  }

  /**
   * Marks the bar's symbol at its close at the bar's time.
   *
   * @param bar the latest bar of its symbol
   */
  public void mark(OhlcBar bar) {
    Checks.notNull(bar, "bar");
    mark(bar.symbol(), bar.close(), bar.time());
  }

  /**
   * Marks every asset of {@code prices} that has a price on {@code row}, at that row's time
   * ({@link io.github.quantfolio.core.TimeIndex#instant(int)}); assets with NaN keep their mark.
   *
   * @param prices a price frame (e.g. closes)
   * @param row the row to mark at
   */
  public synchronized void mark(PriceFrame prices, int row) {
    Checks.notNull(prices, "prices");
    Checks.index(row, prices.rows(), "row");
    Instant time = prices.index().instant(row);
    List<String> assets = prices.assets();
    for (int j = 0; j < assets.size(); j++) {
      double p = prices.get(row, j);
      if (!Double.isNaN(p)) {
        checkMark(assets.get(j), p, time);
      }
    }
    for (int j = 0; j < assets.size(); j++) {
      double p = prices.get(row, j);
      if (!Double.isNaN(p)) {
        setMark(assets.get(j), p, time);
      }
    }
  }

  // ---------------------------------------------------------------- corporate actions

  /**
   * Books a cash dividend of {@code perUnit} on the open position in {@code symbol}: a long
   * position receives {@code perUnit x quantity}, a short one pays it. It is realized P&amp;L of
   * the symbol, attributed to the open lots' tags pro rata.
   *
   * @param symbol an instrument with an open position
   * @param perUnit dividend per unit, finite and &gt; 0
   * @param time the payment time; not before the previous event
   */
  public synchronized void dividend(String symbol, double perUnit, Instant time) {
    Checks.notNull(symbol, "symbol");
    Checks.positive(perUnit, "dividend per unit of '" + symbol + "'");
    Supplier<String> what = () -> "Dividend " + perUnit + " per unit of '" + symbol + "' at "
        + time;
    checkTime(time, what);
    Book book = books.get(symbol);
    if (book == null || book.openQuantity == 0) {
      throw new IllegalArgumentException(what.get() + ": no open position in '" + symbol + "'");
    }
    double amount = perUnit * book.signedQuantity();
    checkFinite(cash + amount, what);
    for (int k = 0; k < book.lots.size(); k++) {
      attribute(book.lots.tags(k), book.sign * book.lots.quantity(k) * perUnit);
    }
    book.realized += amount;
    cash += amount;
    lastTime = time;
    events.add(new LedgerEvent.Dividend(symbol, perUnit, book.signedQuantity(), time));
  }

  /**
   * Books a split of {@code symbol}: each open unit becomes {@code ratio} units at
   * {@code 1 / ratio} of its price, and the mark is divided by {@code ratio}. Values and P&amp;L do
   * not change.
   *
   * @param symbol an instrument the ledger has traded or marked
   * @param ratio new units per old unit (2 for a 2-for-1 split, 0.1 for 1-for-10), finite,
   *     &gt; 0
   * @param time when it took effect; not before the previous event
   */
  public synchronized void split(String symbol, double ratio, Instant time) {
    Checks.notNull(symbol, "symbol");
    Checks.positive(ratio, "split ratio of '" + symbol + "'");
    Supplier<String> what = () -> "Split " + ratio + " of '" + symbol + "' at " + time;
    checkTime(time, what);
    Book book = books.get(symbol);
    if (book == null) {
      throw new IllegalArgumentException(what.get() + ": the ledger has never traded or marked '"
          + symbol + "'");
    }
    checkFinite(book.openQuantity * ratio, what);
    book.split(ratio);
    lastTime = time;
    events.add(new LedgerEvent.Split(symbol, ratio, time));
  }

  // ---------------------------------------------------------------- views

  /**
   * Takes the end-of-day snapshot at {@code time}: it is kept in {@link #endOfDaySnapshots()} and
   * becomes the reference of {@link LedgerSnapshot#dailyPnl()}.
   *
   * @param time the close of the day; not before the previous event
   * @return the snapshot
   */
  public synchronized LedgerSnapshot endOfDay(Instant time) {
    checkTime(time, () -> "End-of-day snapshot at " + time);
    lastTime = time;
    LedgerSnapshot s = snapshot();
    endOfDay.add(s);
    referenceNav = s.nav();
    referenceNetDeposits = s.netDeposits();
    return s;
  }

  /**
   * The book now, at the time of the latest event or mark.
   *
   * @return an immutable snapshot
   */
  public synchronized LedgerSnapshot snapshot() {
    return LedgerSnapshot.of(this);
  }

  /**
   * The cash now (negative if fills spent more than was deposited).
   *
   * @return the cash now (negative if fills spent more than was deposited)
   */
  public synchronized double cash() {
    return cash;
  }

  /**
   * {@code cash + sum of quantity x mark}: the net asset value now.
   *
   * @return the NAV in the account currency
   */
  public synchronized double nav() {
    double v = cash;
    for (Book b : books.values()) {
      if (b.openQuantity > 0) {
        v += b.signedQuantity() * b.mark;
      }
    }
    return v;
  }

  /**
   * The signed position in {@code symbol}: &gt; 0 long, &lt; 0 short, 0 if none.
   *
   * @param symbol the instrument
   * @return units held
   */
  public synchronized double position(String symbol) {
    Book b = books.get(Checks.notNull(symbol, "symbol"));
    return b == null ? 0 : b.signedQuantity();
  }

  /**
   * Every closed round trip, in closing order (an unmodifiable copy).
   *
   * @return every closed round trip, in closing order (an unmodifiable copy)
   */
  public synchronized List<RoundTrip> roundTrips() {
    return List.copyOf(roundTrips);
  }

  /**
   * Every event recorded, in order (an unmodifiable copy).
   *
   * @return every event recorded, in order (an unmodifiable copy)
   */
  public synchronized List<LedgerEvent> history() {
    return List.copyOf(events);
  }

  /**
   * The snapshots taken by {@link #endOfDay}, in order (an unmodifiable copy).
   *
   * @return the snapshots taken by {@link #endOfDay}, in order (an unmodifiable copy)
   */
  public synchronized List<LedgerSnapshot> endOfDaySnapshots() {
    return List.copyOf(endOfDay);
  }

  /** The snapshot's table: NAV, P&amp;L, exposure and positions. */
  @Override
  public String toString() {
    return snapshot().toString();
  }

  // ---------------------------------------------------------------- for LedgerSnapshot

  Instant latestTime() {
    Instant t = lastTime;
    for (Book b : books.values()) {
      if (b.markTime != null && b.markTime.isAfter(t)) {
        t = b.markTime;
      }
    }
    return t;
  }

  double cashNow() {
    return cash;
  }

  double netDeposits() {
    return deposits - withdrawals;
  }

  Iterable<Book> booksBySymbol() {
    return Collections.unmodifiableCollection(sorted.values());
  }

  Map<String, double[]> realizedByStrategy() {
    return realizedByStrategy;
  }

  Map<String, double[]> realizedBySignal() {
    return realizedBySignal;
  }

  int roundTripCount() {
    return roundTrips.size();
  }

  int winningTrips() {
    return winningTrips;
  }

  double grossProfit() {
    return grossProfit;
  }

  double grossLoss() {
    return grossLoss;
  }

  double referenceNav() {
    return referenceNav;
  }

  double referenceNetDeposits() {
    return referenceNetDeposits;
  }

  /** The time-weighted return since opening, valued at {@code nav}. */
  double timeWeightedReturn(double nav) {
    return (periodStartNav > 0 ? growth * nav / periodStartNav : growth) - 1;
  }

  // ---------------------------------------------------------------- checks

  private void checkTime(Instant time, Supplier<String> what) {
    Checks.notNull(time, "time");
    if (time.isBefore(lastTime)) {
      throw new IllegalArgumentException(what.get() + " is before the ledger's previous event at "
          + lastTime);
    }
  }

  private static void checkFinite(double value, Supplier<String> what) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what.get() + " would make the book's values overflow ("
          + value + ")");
    }
  }
}
