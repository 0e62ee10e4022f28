package io.github.quantfolio.backtest;

import io.github.quantfolio.backtest.internal.Engine;
import io.github.quantfolio.backtest.internal.MarketData;
import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.indicators.Indicators;
import java.util.ArrayList;
import java.util.List;

/**
 * A vectorized multi-asset backtest: market data plus a {@link BacktestConfig}, {@link Exits} and
 * {@link PositionSizing}, run on target weights, entry/exit signals, order sizes or a
 * {@link Strategy}. Immutable; the {@code with...} methods return copies, and each run is
 * independent and thread-safe.
 *
 * <pre>{@code
 * Backtest bt = Backtest.of(bars).withConfig(BacktestConfig.defaults().withFeeBps(5));
 * BacktestResult r = bt.run(new Momentum());
 * System.out.println(r);
 * }</pre>
 *
 * <p><b>Timing.</b> Every input is a decision at a bar's close, filled later as set by
 * {@link FillTiming} (by default the next bar's open on OHLC data, the next close on close-only
 * data): no decision trades at a price it has seen. See {@code docs/backtest.md}.
 *
 * <p><b>Data.</b> Close prices ({@link PriceFrame}) or OHLC {@link Bars} per asset, aligned on the
 * union of their timestamps; an asset trades only on bars where it has a price (before its
 * listing it must not be given a non-zero weight or signal; orders falling on a missing bar wait
 * for the next price). Positions are valued at the last known close.
 *
 * @since 0.1.0
 */
public final class Backtest {

  private final MarketData data;
  private final List<Bars> bars;
  private final BacktestConfig config;
  private final Exits exits;
  private final PositionSizing sizing; // null = 1 / N of equity

  private Backtest(MarketData data, List<Bars> bars, BacktestConfig config, Exits exits,
      PositionSizing sizing) {
    this.data = data;
    this.bars = bars;
    this.config = config;
    this.exits = exits;
    this.sizing = sizing;
  }

  /**
   * A backtest on close prices (stops are then checked on closes).
   *
   * @param closes close prices per asset (NaN = no price on that bar)
   * @return the backtest, with {@link BacktestConfig#defaults()}, no exits and 1 / N sizing
   */
  public static Backtest of(PriceFrame closes) {
    Checks.notNull(closes, "closes");
    MarketData data = MarketData.of(closes);
    List<Bars> bars = new ArrayList<>();
    for (int i = 0; i < closes.assetCount(); i++) {
      double[] c = closes.column(i);
      bars.add(Bars.of(closes.assets().get(i), closes.index(), c, c, c, c, null)
          .withFrequency(data.frequency()));
    }
    return new Backtest(data, List.copyOf(bars), BacktestConfig.defaults(), Exits.none(), null);
  }

  /**
   * A backtest on one instrument's OHLC bars.
   *
   * @param bars the instrument's OHLC bars
   * @return the backtest, with {@link BacktestConfig#defaults()}, no exits and full sizing
   */
  public static Backtest of(Bars bars) {
    Checks.notNull(bars, "bars");
    return of(List.of(bars));
  }

  /**
   * A backtest on several instruments' OHLC bars, aligned on the union of their timestamps.
   *
   * @param bars OHLC bars per instrument, at least one, distinct symbols, one kind of timestamp
   * @return the backtest, with {@link BacktestConfig#defaults()}, no exits and 1 / N sizing
   */
  public static Backtest of(List<Bars> bars) {
    Checks.notNull(bars, "bars");
    MarketData data = MarketData.of(bars);
    List<Bars> aligned = new ArrayList<>(bars.size());
    for (Bars b : bars) {
      aligned.add(align(b, data.index()).withFrequency(data.frequency()));
    }
    return new Backtest(data, List.copyOf(aligned), BacktestConfig.defaults(), Exits.none(), null);
  }

  private static Bars align(Bars b, TimeIndex union) {
    if (b.index().equals(union)) {
      return b;
    }
    int rows = union.size();
    double[][] cols = {b.open(), b.high(), b.low(), b.close(), b.volume()};
    double[][] out = new double[5][rows];
    for (double[] o : out) {
      java.util.Arrays.fill(o, Double.NaN);
    }
    int t = 0;
    for (int k = 0; k < b.size(); k++) {
      while (union.value(t) < b.index().value(k)) {
        t++;
      }
      for (int c = 0; c < 5; c++) {
        out[c][t] = cols[c][k];
      }
    }
    return Bars.of(b.symbol(), union, out[0], out[1], out[2], out[3], out[4]);
  }

  /**
   * A copy with another configuration.
   *
   * @param config capital, costs, shorting, leverage and fill timing, not null
   * @return a copy with {@code config}
   */
  public Backtest withConfig(BacktestConfig config) {
    return new Backtest(data, bars, Checks.notNull(config, "config"), exits, sizing);
  }

  /**
   * A copy with stop-loss / take-profit / trailing / ATR exits.
   *
   * @param exits the exit rules, not null ({@link Exits#none()} for none)
   * @return a copy with {@code exits}
   */
  public Backtest withExits(Exits exits) {
    return new Backtest(data, bars, config, Checks.notNull(exits, "exits"), sizing);
  }

  /**
   * A copy with another sizing for signal entries (default: {@code 1 / N} of equity per
   * position, i.e. all equity for one asset).
   *
   * @param sizing the size of each position opened by a signal, not null
   * @return a copy with {@code sizing}
   */
  public Backtest withSizing(PositionSizing sizing) {
    return new Backtest(data, bars, config, exits, Checks.notNull(sizing, "sizing"));
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public BacktestConfig config() {
    return config;
  }

  /**
   * The exits.
   *
   * @return the exits
   */
  public Exits exits() {
    return exits;
  }

  /**
   * The asset names in column order.
   *
   * @return the asset names in column order
   */
  public List<String> assets() {
    return data.assets();
  }

  /**
   * The shared timestamps.
   *
   * @return the shared timestamps
   */
  public TimeIndex index() {
    return data.index();
  }

  /**
   * The bars of every asset, aligned on {@link #index()} (synthesised from closes if needed).
   *
   * @return the aligned bars of every asset, in {@link #assets()} order
   */
  public List<Bars> bars() {
    return bars;
  }

  // ------------------------------------------------------------------ runs

  /**
   * Rebalances to target weights. {@code weights[asset][t]} is the weight decided at bar
   * {@code t}'s close (fraction of equity at the fill, negative = short); NaN keeps the current
   * position of that asset. Buy-and-hold is a single non-NaN row. A non-zero weight that the
   * position already holds up to rounding (a difference worth at most 1e-12 of equity) places
   * no order, so it pays no fixed fee; a zero weight always closes the position.
   *
   * @param weights target weights {@code [asset][bar]}, one row per asset in {@link #assets()}
   *     order and one column per bar: fractions of equity, negative = short, NaN = keep
   * @return the backtest result
   * @throws IllegalArgumentException on a shape mismatch, an infinite weight, a negative weight
   *     without shorting, a row whose gross exposure exceeds {@code maxLeverage}, or a non-zero
   *     weight for an asset without a price on that bar — naming asset, date and value
   */
  public BacktestResult targetWeights(double[][] weights) {
    int n = data.assetCount();
    int rows = data.rows();
    checkShape(weights, "weights");
    boolean[] active = new boolean[rows];
    double[] close = data.close();
    for (int t = 0; t < rows; t++) {
      double gross = 0;
      for (int i = 0; i < n; i++) {
        double w = weights[i][t];
        if (w != w) {
          continue;
        }
        active[t] = true;
        if (Double.isInfinite(w)) {
          throw new IllegalArgumentException(where("Weight", i, t) + " is " + w);
        }
        if (w < 0 && !config.allowShort()) {
          throw new IllegalArgumentException(where("Weight", i, t) + " is " + w
              + ", but shorting is disabled (BacktestConfig.withShorting(true))");
        }
        if (w != 0 && close[t * n + i] != close[t * n + i]) {
          throw new IllegalArgumentException(where("Weight", i, t) + " is " + w
              + ", but the asset has no price on that bar");
        }
        gross += Math.abs(w);
      }
      if (gross > config.maxLeverage() + 1e-9) {
        throw new IllegalArgumentException("Gross exposure of the target weights on "
            + data.index().label(t) + " is " + gross + ", above maxLeverage "
            + config.maxLeverage());
      }
    }
    return run(new Engine.Policy() {
      @Override
      public void decide(int t, Engine engine) {
        if (active[t]) {
          for (int i = 0; i < n; i++) {
            double w = weights[i][t];
            if (w == w) {
              engine.order(t, i, Engine.TARGET_WEIGHT, w, ExitReason.REBALANCE);
            }
          }
        }
      }

      @Override
      public int nextDecisionBar(int t) {
        int u = t + 1;
        while (u < rows && !active[u]) {
          u++;
        }
        return u;
      }
    });
  }

  /**
   * Buys the given weights at the first bar and holds them (the usual benchmark).
   *
   * @param weights one weight per asset in {@link #assets()} order (fractions of equity), with the
   *     rules of {@link #targetWeights}
   * @return the backtest result of the buy-and-hold portfolio
   * @throws IllegalArgumentException if the count differs from the assets, or as
   *     {@link #targetWeights}
   */
  public BacktestResult buyAndHold(double... weights) {
    int n = data.assetCount();
    if (weights.length != n) {
      throw new IllegalArgumentException("Expected " + n + " weights, but found "
          + weights.length);
    }
    double[][] w = new double[n][data.rows()];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(w[i], Double.NaN);
      w[i][0] = weights[i];
    }
    return targetWeights(w);
  }

  /**
   * Long-only signals of a single-asset backtest.
   *
   * @param entries long entry flags, one per bar
   * @param exits long exit flags, one per bar
   * @return the backtest result
   * @throws IllegalArgumentException if the backtest has more than one asset, a length differs from
   *     the bars, or an entry falls on a bar without a price
   */
  public BacktestResult signals(boolean[] entries, boolean[] exits) {
    return signals(TradeSignals.longOnly(entries, exits));
  }

  /**
   * Signals of a single-asset backtest.
   *
   * @param signals the asset's entry and exit flags, one per bar
   * @return the backtest result
   * @throws IllegalArgumentException if the backtest has more than one asset, or on invalid signals
   *     (as {@link #signals(List)})
   */
  public BacktestResult signals(TradeSignals signals) {
    if (data.assetCount() != 1) {
      throw new IllegalArgumentException("Expected one signal set per asset (" + data.assetCount()
          + " assets); use signals(List<TradeSignals>)");
    }
    return signals(List.of(signals));
  }

  /**
   * Signals per asset (in {@link #assets()} order), traded by the state machine of
   * {@link TradeSignals} with this backtest's {@link PositionSizing}.
   *
   * @param signals one signal set per asset, each one flag per bar
   * @return the backtest result
   * @throws IllegalArgumentException if the count or a length differs, a short entry comes without
   *     shorting, an entry falls on a bar without a price (asset and date named), or the sizing
   *     exceeds {@code maxLeverage}
   */
  public BacktestResult signals(List<TradeSignals> signals) {
    return run(signalPolicy(signals));
  }

  /** Validates per-asset signals and returns the policy that trades them. */
  Engine.Policy signalPolicy(List<TradeSignals> signals) {
    Checks.notNull(signals, "signals");
    int n = data.assetCount();
    int rows = data.rows();
    if (signals.size() != n) {
      throw new IllegalArgumentException("Expected " + n + " signal sets, but found "
          + signals.size());
    }
    for (int i = 0; i < n; i++) {
      TradeSignals s = Checks.notNull(signals.get(i), "signals[" + i + "]");
      if (s.length() != rows) {
        throw new IllegalArgumentException("Signals of '" + data.assets().get(i) + "' have "
            + s.length() + " bars, but the data has " + rows);
      }
    }
    double[] close = data.close();
    PositionSizing size = sizing != null ? sizing : PositionSizing.fractionOfEquity(1.0 / n);
    if (size.kind() == PositionSizing.Kind.FRACTION_OF_EQUITY
        && size.amount() > config.maxLeverage() + 1e-12) {
      throw new IllegalArgumentException("Position sizing of " + size.amount() + " x equity per "
          + "position exceeds maxLeverage " + config.maxLeverage()
          + ": no such position could be filled (BacktestConfig.withMaxLeverage)");
    }
    int kind = switch (size.kind()) {
      case FRACTION_OF_EQUITY -> Engine.TARGET_WEIGHT;
      case FIXED_VALUE -> Engine.TARGET_VALUE;
      case FIXED_SHARES -> Engine.TARGET_SHARES;
    };
    double amount = size.amount();
    int[] intent = new int[n];
    boolean[][] le = new boolean[n][];
    boolean[][] lx = new boolean[n][];
    boolean[][] se = new boolean[n][];
    boolean[][] sx = new boolean[n][];
    boolean[] event = new boolean[rows]; // a flag of any asset: the bars that need a decision
    for (int i = 0; i < n; i++) {
      boolean[] a = le[i] = signals.get(i).longEntry();
      boolean[] b = lx[i] = signals.get(i).longExit();
      boolean[] c = se[i] = signals.get(i).shortEntry();
      boolean[] d = sx[i] = signals.get(i).shortExit();
      for (int t = 0; t < rows; t++) {
        event[t] |= a[t] | b[t] | c[t] | d[t];
      }
    }
    return new Engine.Policy() {
      // Only bars with a flag need a decision; the engine skips to them. Entries are checked
      // (price on the bar, shorting allowed) when they are met: every flagged bar is decided.
      @Override
      public int nextDecisionBar(int t) {
        int u = t + 1;
        while (u < rows && !event[u]) {
          u++;
        }
        return u;
      }

      @Override
      public void decide(int t, Engine engine) {
        for (int i = 0; i < n; i++) {
          boolean longEntry = le[i][t];
          boolean shortEntry = se[i][t];
          if (!(longEntry | shortEntry | lx[i][t] | sx[i][t])) {
            continue;
          }
          if (shortEntry && !config.allowShort()) {
            throw new IllegalArgumentException("Signals of '" + data.assets().get(i)
                + "' have short entries, but shorting is disabled"
                + " (BacktestConfig.withShorting(true))");
          }
          if ((longEntry | shortEntry) && close[t * n + i] != close[t * n + i]) {
            throw new IllegalArgumentException("Entry signal of '" + data.assets().get(i)
                + "' on " + data.index().label(t) + ", but the asset has no price on that bar");
          }
          if (!engine.hasPending(i)) {
            double q = engine.shares(i);
            intent[i] = q > 0 ? 1 : q < 0 ? -1 : 0;
          }
          boolean longExit = lx[i][t];
          boolean shortExit = sx[i][t];
          boolean goLong = longEntry && !longExit;
          boolean goShort = shortEntry && !shortExit;
          int state = intent[i];
          int next = state;
          if (state == 0) {
            if (goLong != goShort) {
              next = goLong ? 1 : -1;
            }
          } else if (state > 0) {
            if (goShort && !goLong) {
              next = -1;
            } else if (longExit) {
              next = 0;
            }
          } else {
            if (goLong && !goShort) {
              next = 1;
            } else if (shortExit) {
              next = 0;
            }
          }
          if (next != state) {
            intent[i] = next;
            if (next == 0) {
              engine.order(t, i, Engine.TARGET_SHARES, 0, ExitReason.SIGNAL);
            } else {
              engine.order(t, i, kind, next * amount, ExitReason.SIGNAL);
            }
          }
        }
      }
    };
  }

  /**
   * Runs {@code strategy} on every asset's bars and trades its signals.
   *
   * @param strategy the strategy run on each asset's bars, not null
   * @return the backtest result of the strategy's signals
   * @throws IllegalArgumentException if an asset has too few bars for the strategy's
   *     {@link Strategy#warmUpBars() warm-up} plus a fill (no entry could ever trade; the message
   *     names the strategy, the asset and both counts), or on invalid signals
   */
  public BacktestResult run(Strategy strategy) {
    Checks.notNull(strategy, "strategy");
    requireWarmUp(strategy);
    List<TradeSignals> signals = new ArrayList<>(bars.size());
    for (int i = 0; i < bars.size(); i++) {
      signals.add(signalsOf(strategy, i));
    }
    return signals(signals);
  }

  /**
   * Trades explicit order sizes: {@code shares[asset][t]} shares to buy (positive) or sell
   * (negative) decided at bar {@code t}; NaN or 0 places no order.
   *
   * @param shares shares to trade {@code [asset][bar]}, one row per asset in {@link #assets()}
   *     order: positive = buy, negative = sell, NaN or 0 = no order
   * @return the backtest result of the orders
   * @throws IllegalArgumentException on a shape mismatch or an infinite order size (asset and date
   *     named)
   */
  public BacktestResult orders(double[][] shares) {
    int n = data.assetCount();
    int rows = data.rows();
    checkShape(shares, "shares");
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < rows; t++) {
        if (Double.isInfinite(shares[i][t])) {
          throw new IllegalArgumentException(where("Order size", i, t) + " is " + shares[i][t]);
        }
      }
    }
    return run((t, engine) -> {
      for (int i = 0; i < n; i++) {
        double q = shares[i][t];
        if (q == q && q != 0) {
          engine.order(t, i, Engine.DELTA_SHARES, q, ExitReason.SIGNAL);
        }
      }
    });
  }

  // ------------------------------------------------------------------ printing

  /**
   * What this backtest is: the data (assets, period, bars, OHLC or closes only), then its
   * configuration, exits and position sizing, one per line.
   */
  @Override
  public String toString() {
    return "Backtest of " + describeData() + "\n  " + config + "\n  " + exits + "\n  "
        + (sizing != null ? sizing : "PositionSizing: 1/N of equity per position (default)");
  }

  /** The data in words: assets (the first five named), period, bars and their kind. */
  String describeData() {
    List<String> a = data.assets();
    String names = a.size() <= 5 ? String.join(", ", a)
        : String.join(", ", a.subList(0, 5)) + ", ...";
    return a.size() + (a.size() == 1 ? " asset (" : " assets (") + names + "), "
        + data.index().first() + " .. " + data.index().last() + ", " + data.rows() + " bars of "
        + data.frequency() + (data.hasOhlc() ? ", OHLC" : ", closes only");
  }

  // ------------------------------------------------------------------ plumbing

  /**
   * Rejects data on which {@code strategy} could never fill an entry: an asset whose bars from
   * its first price on do not reach past the strategy's warm-up (plus one bar for the fill,
   * unless fills are on the same close). A flat backtest would look like a strategy that chose
   * not to trade.
   */
  void requireWarmUp(Strategy strategy) {
    int warm = strategy.warmUpBars();
    if (warm <= 0) {
      return;
    }
    int needed = warm + (config.fillTiming() == FillTiming.SAME_CLOSE ? 1 : 2);
    int rows = data.rows();
    int n = data.assetCount();
    double[] close = data.close();
    for (int i = 0; i < n; i++) {
      int first = 0;
      while (first < rows && close[first * n + i] != close[first * n + i]) {
        first++;
      }
      if (rows - first < needed) {
        throw new IllegalArgumentException(strategy + " cannot trade '" + data.assets().get(i)
            + "': its first entry can come on bar " + warm + " of the asset's prices (the "
            + "warm-up of its indicators)" + (needed > warm + 1 ? " and fill on the next" : "")
            + ", so it needs " + needed + " bars, but '" + data.assets().get(i) + "' has "
            + (rows - first) + (first < rows ? " (from " + data.index().label(first) + ")" : "")
            + "; use more data or shorter windows");
      }
    }
  }

  /** {@code strategy}'s signals for asset {@code i}; close-only strategies read the data's column. */
  TradeSignals signalsOf(Strategy strategy, int i) {
    if (strategy instanceof ClosesOnly closes) {
      // one asset: the row-major closes are the column itself (read only, no copy)
      return closes.signals(data.assetCount() == 1 ? data.close() : data.closeColumn(i));
    }
    return strategy.signals(bars.get(i));
  }

  BacktestResult run(Engine.Policy policy) {
    return new BacktestResult(data, config, engine(policy, true));
  }

  /** Runs {@code policy} and returns the finished engine (positions kept if asked). */
  Engine engine(Engine.Policy policy, boolean recordPositions) {
    Engine engine = new Engine(data, config, exits, atrColumns(), recordPositions);
    engine.run(policy);
    return engine;
  }

  /** A single-asset backtest of asset {@code i} with the same settings. */
  Backtest asset(int i) {
    if (data.assetCount() == 1) {
      return this;
    }
    return new Backtest(MarketData.of(List.of(bars.get(i))), List.of(bars.get(i)), config, exits,
        sizing).withSyntheticOhlc(!data.hasOhlc());
  }

  /** Bars {@code [from, to)} of every asset, same settings. */
  Backtest slice(int from, int to) {
    List<Bars> sliced = new ArrayList<>(bars.size());
    for (Bars b : bars) {
      sliced.add(b.slice(from, to));
    }
    return new Backtest(MarketData.of(sliced), sliced, config, exits, sizing)
        .withSyntheticOhlc(!data.hasOhlc());
  }

  private Backtest withSyntheticOhlc(boolean closeOnly) {
    if (!closeOnly) {
      return this;
    }
    List<String> names = new ArrayList<>();
    double[][] cols = new double[bars.size()][];
    for (int i = 0; i < cols.length; i++) {
      names.add(bars.get(i).symbol());
      cols[i] = bars.get(i).close();
    }
    PriceFrame closes = PriceFrame.of(bars.get(0).index(), names, cols)
        .withFrequency(data.frequency());
    return new Backtest(MarketData.of(closes), bars, config, exits, sizing);
  }

  Frequency frequencyOfData() {
    return data.frequency();
  }

  /** The position sizing, or null for the default 1 / N (for {@link BacktestWire}). */
  PositionSizing sizingOrNull() {
    return sizing;
  }

  /** Whether the data is close prices only (no OHLC), as built from a {@link PriceFrame}. */
  boolean closesOnly() {
    return !data.hasOhlc();
  }

  private double[][] atrColumns() {
    if (Double.isNaN(exits.atrMultiple())) {
      return null;
    }
    int n = data.assetCount();
    double[][] atr = new double[n][];
    for (int i = 0; i < n; i++) {
      atr[i] = Indicators.atr(data.column(data.high(), i), data.column(data.low(), i),
          data.closeColumn(i), exits.atrPeriod());
    }
    return atr;
  }

  private void checkShape(double[][] a, String name) {
    Checks.notNull(a, name);
    if (a.length != data.assetCount()) {
      throw new IllegalArgumentException("Expected " + name + " for " + data.assetCount()
          + " assets (" + name + "[asset][t]), but found " + a.length + " rows");
    }
    for (int i = 0; i < a.length; i++) {
      Checks.notNull(a[i], name + "[" + i + "]");
      if (a[i].length != data.rows()) {
        throw new IllegalArgumentException("Expected " + data.rows() + " " + name + " of '"
            + data.assets().get(i) + "', but found " + a[i].length);
      }
    }
  }

  private String where(String what, int i, int t) {
    return what + " of '" + data.assets().get(i) + "' on " + data.index().label(t);
  }
}
