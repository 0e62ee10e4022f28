package io.github.quantfolio.backtest.internal;

import io.github.quantfolio.backtest.BacktestConfig;
import io.github.quantfolio.backtest.ExitReason;
import io.github.quantfolio.backtest.Exits;
import io.github.quantfolio.backtest.FillTiming;
import io.github.quantfolio.backtest.MarginTerms;
import io.github.quantfolio.backtest.Trade;
import io.github.quantfolio.core.TimeIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bar-by-bar ledger behind every backtest. Per bar {@code t}:
 * <ol>
 *   <li>orders pending from earlier decisions fill at {@code t}'s open ({@link FillTiming#NEXT_BAR}
 *       on OHLC data);
 *   <li>stops and take-profits of open positions are checked against {@code t}'s range;
 *   <li>pending orders fill at {@code t}'s close ({@link FillTiming#NEXT_CLOSE}, or
 *       {@code NEXT_BAR} on close-only data);
 *   <li>positions are marked at the close and the {@link Policy} decides from data up to
 *       {@code t}; its orders fill at {@code t}'s close under {@link FillTiming#SAME_CLOSE}, else
 *       they wait for a later bar.
 * </ol>
 * An order for an asset without a price on the fill bar waits for its next price. Orders still
 * pending after the last bar are dropped (so decisions of the last bar fill only under
 * {@code SAME_CLOSE}, at that bar's close). Exit levels live in {@link Stops}, round-trip
 * records in {@link RoundTrips}; this class keeps the ledger (cash, shares, pending orders,
 * fills, marks). Under {@link MarginTerms} two steps join: interest is charged at the start of
 * each bar after the first, and after marking a close the maintenance margin is checked (a
 * margin call liquidates at that close). Not thread-safe; one engine runs one backtest.
 */
public final class Engine {

  /**
   * Largest difference, relative to equity, between a weight or value target and the position
   * that is rounding of {@code amount * e / p} rather than an order (see {@link #sized}): a few
   * ulps of equity arise, 1e-12 of equity is far above them and far below any real trade.
   */
  private static final double MET = 1e-12;

  /** Order kinds: what {@link #order} means by its amount. */
  public static final int TARGET_WEIGHT = 1;
  /** Target position value in currency units (negative for short). */
  public static final int TARGET_VALUE = 2;
  /** Target position in shares (negative for short). */
  public static final int TARGET_SHARES = 3;
  /** Shares to buy (positive) or sell (negative). */
  public static final int DELTA_SHARES = 4;

  /** Decides orders at a bar's close. */
  public interface Policy {
    /**
     * Called at bar {@code t}'s close, after marking; places orders with
     * {@link Engine#order}.
     */
    void decide(int t, Engine engine);

    /**
     * The next bar after {@code t} on which {@link #decide} must be called; bars in between
     * are only marked when no order is pending and no exit is active. Default {@code t + 1}.
     */
    default int nextDecisionBar(int t) {
      return t + 1;
    }
  }

  private final MarketData data;
  private final BacktestConfig config;
  private final Exits exits;
  private final int rows;
  private final int n;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final boolean fillAtOpen;
  private final double slip;
  private final double feeRate;
  private final double fixedFee;

  // ledger
  private double cash;
  private double equity;
  private final double[] shares;
  private final double[] lastPrice;
  private final double[] assetCashFlow;
  private int cashLimitedOrders;
  private int unfilledBuys; // scaled to nothing
  private String firstUnfilled;
  private int buysBeyondCash; // scaled because their market value alone exceeded the cash
  private double deepestCut = 1; // smallest filled / wanted among those
  private String deepestCutNote;
  private int barsInvested;

  // pending orders
  private final int[] pendingKind;
  private final double[] pendingAmount;
  private final ExitReason[] pendingReason;
  private final int[] pendingDecisionBar;
  private int pendingCount;
  private final double[] delta;
  private final int[] buyKind; // kind of the buy in delta[i], for cash-limit notes

  // per-position exit levels and open round trips
  private final Stops stops;
  private final RoundTrips roundTrips;

  // margin account (all null / false in a cash account)
  private final boolean financed;
  private final boolean margined;
  private final double borrowRate;
  private final double shortRate;
  private final double[] yearFraction; // per bar: calendar time since the previous bar
  private final double[] initialMargin; // per asset
  private final double[] maintenanceMargin; // per asset
  private final double[] financingPath; // per bar
  private int marginLimitedOrders;
  private String firstMarginLimit;
  private final List<String> marginCalls = new ArrayList<>();

  // records
  private final double[] equityPath;
  private final FillLog log; // null in lean mode

  /**
   * An engine over {@code data}.
   *
   * @param atr per-asset ATR columns for the ATR stop (null when {@code exits} has none)
   * @param recordPositions whether to keep the T x N share path and the {@link Trade} records
   *     (sweeps keep only counts)
   */
  public Engine(MarketData data, BacktestConfig config, Exits exits, double[][] atr,
      boolean recordPositions) {
    this.data = data;
    this.config = config;
    this.exits = exits;
    this.rows = data.rows();
    this.n = data.assetCount();
    this.open = data.open();
    this.high = data.high();
    this.low = data.low();
    this.close = data.close();
    this.fillAtOpen = config.fillTiming() == FillTiming.NEXT_BAR && data.hasOhlc();
    this.slip = config.slippageBps() / 1e4;
    this.feeRate = config.feeBps() / 1e4;
    this.fixedFee = config.fixedFee();
    this.cash = config.initialCapital();
    this.equity = cash;
    this.shares = new double[n];
    this.lastPrice = new double[n];
    Arrays.fill(lastPrice, Double.NaN);
    this.assetCashFlow = new double[n];
    this.pendingKind = new int[n];
    this.pendingAmount = new double[n];
    this.pendingReason = new ExitReason[n];
    this.pendingDecisionBar = new int[n];
    this.delta = new double[n];
    this.buyKind = new int[n];
    this.stops = new Stops(exits, atr, n);
    this.roundTrips = new RoundTrips(data, recordPositions);
    this.equityPath = new double[rows];
    this.log = recordPositions ? new FillLog() : null;
    MarginTerms terms = config.margin();
    this.financed = terms.hasFinancing();
    this.margined = terms.hasMargin();
    this.borrowRate = terms.borrowRate();
    this.shortRate = terms.shortRate();
    this.yearFraction = financed ? yearFractions(data.index(), terms.dayCountBasis()) : null;
    this.financingPath = terms.isActive() ? new double[rows] : null;
    if (margined) {
      for (String a : terms.assetsWithOwnMargins()) {
        if (!data.assets().contains(a)) {
          throw new IllegalArgumentException("MarginTerms name the asset '" + a + "', which is"
              + " not among the backtest's assets " + data.assets());
        }
      }
      initialMargin = new double[n];
      maintenanceMargin = new double[n];
      for (int i = 0; i < n; i++) {
        initialMargin[i] = terms.initialMargin(data.assets().get(i));
        maintenanceMargin[i] = terms.maintenanceMargin(data.assets().get(i));
      }
    } else {
      initialMargin = null;
      maintenanceMargin = null;
    }
  }

  /** Actual calendar days since the previous bar over {@code basis}; 0 for the first bar. */
  private static double[] yearFractions(TimeIndex index, int basis) {
    double[] yf = new double[index.size()];
    double perDay = index.kind() == TimeIndex.Kind.DATE ? 1 : 86_400_000.0;
    for (int t = 1; t < yf.length; t++) {
      yf[t] = (index.value(t) - index.value(t - 1)) / perDay / basis;
    }
    return yf;
  }

  /** Runs the whole backtest with {@code policy}. */
  public void run(Policy policy) {
    boolean exitsActive = exits.isActive();
    boolean sameClose = config.fillTiming() == FillTiming.SAME_CLOSE;
    boolean everyBar = financingPath != null; // interest and margin checks need each bar
    int t = 0;
    while (t < rows) {
      if (financed && t > 0) {
        chargeFinancing(t);
      }
      if (fillAtOpen && pendingCount > 0) {
        fill(t, open);
      }
      if (exitsActive) {
        checkExits(t);
      }
      if (!fillAtOpen && !sameClose && pendingCount > 0) {
        fill(t, close);
      }
      mark(t);
      if (margined) {
        checkMaintenance(t);
      }
      policy.decide(t, this);
      if (sameClose && pendingCount > 0) {
        fill(t, close);
        mark(t);
      }
      equityPath[t] = equity;
      if (invested()) {
        barsInvested++;
      }
      t++;
      if (!exitsActive && !everyBar && pendingCount == 0 && t < rows) {
        // nothing can trade before the policy's next decision: only mark
        int next = Math.min(policy.nextDecisionBar(t - 1), rows);
        if (next > t) {
          markRange(t, next);
          t = next;
        }
      }
    }
    closeOpenTrades();
  }

  private boolean invested() {
    for (int i = 0; i < n; i++) {
      if (shares[i] != 0) {
        return true;
      }
    }
    return false;
  }

  /** Marks bars {@code [from, to)} without fills or decisions. */
  private void markRange(int from, int to) {
    if (n == 1) {
      double q = shares[0];
      double last = lastPrice[0];
      double c0 = cash;
      for (int t = from; t < to; t++) {
        double c = close[t];
        if (c == c) {
          last = c;
        }
        equityPath[t] = q == 0 ? c0 : c0 + q * last;
      }
      lastPrice[0] = last;
      equity = equityPath[to - 1];
      if (q != 0) {
        barsInvested += to - from;
      }
      return;
    }
    for (int t = from; t < to; t++) {
      mark(t);
      equityPath[t] = equity;
    }
    if (invested()) {
      barsInvested += to - from;
    }
  }

  // ------------------------------------------------------------------ policy API

  /**
   * Places (or replaces) the order for asset {@code i}, decided at bar {@code t}.
   *
   * @param kind one of {@link #TARGET_WEIGHT}, {@link #TARGET_VALUE}, {@link #TARGET_SHARES},
   *     {@link #DELTA_SHARES}
   * @param reason the exit reason recorded if this order closes a position
   */
  public void order(int t, int i, int kind, double amount, ExitReason reason) {
    if (pendingKind[i] == 0) {
      pendingCount++;
    }
    pendingKind[i] = kind;
    pendingAmount[i] = amount;
    pendingReason[i] = reason;
    pendingDecisionBar[i] = t;
  }

  /** Cancels the pending order of asset {@code i}, if any. */
  public void cancel(int i) {
    if (pendingKind[i] != 0) {
      pendingKind[i] = 0;
      pendingCount--;
    }
  }

  /** True if asset {@code i} has an order waiting. */
  public boolean hasPending(int i) {
    return pendingKind[i] != 0;
  }

  /** Shares held in asset {@code i} now. */
  public double shares(int i) {
    return shares[i];
  }

  /** Cash now. */
  public double cash() {
    return cash;
  }

  /** Equity at the last mark. */
  public double equity() {
    return equity;
  }

  /** Equity recorded at bar {@code t} (valid for bars already passed). */
  public double equityAt(int t) {
    return equityPath[t];
  }

  /** Last known close of asset {@code i} (NaN before its first price). */
  public double lastPrice(int i) {
    return lastPrice[i];
  }

  // ------------------------------------------------------------------ fills

  private void fill(int t, double[] price) {
    int base = t * n;
    double e = cash;
    for (int i = 0; i < n; i++) {
      double q = shares[i];
      if (q != 0) {
        double p = price[base + i];
        e += q * (p == p ? p : lastPrice[i]);
      }
    }
    // orders that open or enlarge positions are scaled to the initial margin (1: no limit)
    double marginScale = margined ? marginScale(t, price, base, e) : 1;
    // targets -> deltas; sells first so that their cash pays for the buys
    double buyCost = 0;
    double buyValue = 0; // at market prices, before costs
    double sellValue = 0; // likewise
    double cashBeforeSells = cash;
    int buys = 0;
    for (int i = 0; i < n; i++) {
      int kind = pendingKind[i];
      delta[i] = 0;
      if (kind == 0) {
        continue;
      }
      double p = price[base + i];
      if (p != p) {
        continue; // no price on this bar: the order waits
      }
      double a = pendingAmount[i];
      double target = sized(t, i, kind, a, p, e);
      if (marginScale < 1) {
        target = withinMargin(t, i, target, marginScale, e);
      }
      if (!config.fractionalShares()) {
        target = wholeShares(target);
      }
      if (target < 0 && !config.allowShort()) {
        throw new IllegalArgumentException("The order (" + describe(kind, a) + ") for '"
            + data.assets().get(i) + "' decided on " + data.label(pendingDecisionBar[i])
            + " would leave a short position of " + target + " shares on " + data.label(t)
            + ", but shorting is disabled (BacktestConfig.withShorting(true))");
      }
      double d = target - shares[i];
      if (d < 0) {
        sellValue -= d * p;
        execute(t, i, d, p, pendingReason[i], pendingDecisionBar[i]);
      } else if (d > 0) {
        delta[i] = d;
        buyKind[i] = kind;
        buyCost += d * p * (1 + slip) * (1 + feeRate) + fixedFee;
        buyValue += d * p;
        buys++;
      }
      pendingKind[i] = 0;
      pendingCount--;
    }
    if (buys == 0) {
      return;
    }
    double limit = cash + (config.maxLeverage() - 1) * e;
    double scale = 1;
    if (buyCost > limit + 1e-9 * Math.abs(e)) {
      double variable = buyCost - buys * fixedFee;
      scale = Math.max(0, (limit - buys * fixedFee) / variable);
    }
    // the cash covered the buys' market value but for the costs of this bar's fills (the buys'
    // own, and those the sells paid out of their proceeds): a trim by design (a 100 % target
    // pays its costs); beyond that the input was not followed
    double sellCosts = sellValue - (cash - cashBeforeSells);
    boolean beyondCash = buyValue > limit + sellCosts + 1e-9 * Math.abs(e);
    for (int i = 0; i < n; i++) {
      double d = delta[i];
      if (d > 0) {
        if (scale < 1) {
          cashLimitedOrders++;
          double wanted = d;
          d *= scale;
          if (!config.fractionalShares()) {
            d = wholeShares(shares[i] + d) - shares[i];
          }
          if (!(d > 0)) {
            unfilledBuys++;
            if (firstUnfilled == null) {
              firstUnfilled = cashNote(t, i, wanted, 0, limit, buyCost);
            }
            continue;
          }
          if (beyondCash) {
            buysBeyondCash++;
            if (d / wanted < deepestCut) {
              deepestCut = d / wanted;
              deepestCutNote = cashNote(t, i, wanted, d, limit, buyCost);
            }
          }
        }
        execute(t, i, d, price[base + i], pendingReason[i], pendingDecisionBar[i]);
      }
    }
  }

  /** The position in shares that an order of {@code kind} for {@code amount} aims at. */
  private double target(int t, int i, int kind, double amount, double p, double e) {
    switch (kind) {
      case TARGET_WEIGHT:
        if (!(e > 0)) {
          throw wipedOut(t, i, amount, e);
        }
        return amount * e / p;
      case TARGET_VALUE:
        return amount / p;
      case TARGET_SHARES:
        return amount;
      default:
        return shares[i] + amount;
    }
  }

  /**
   * {@link #target}, except that a non-zero weight or value target that the position already
   * meets up to the rounding of {@code amount * e / p} (a difference worth at most {@link #MET}
   * of equity) is the position itself: no order. Without this, an account fully invested in one
   * asset and re-targeted at weight 1 bought or sold ~1e-12 shares, and paid the fixed fee for
   * it, by the sign of a cash residue of a few ulps (seen as a flaky reference-loop property). A
   * zero target still closes the position exactly.
   */
  private double sized(int t, int i, int kind, double amount, double p, double e) {
    double target = target(t, i, kind, amount, p, e);
    if ((kind == TARGET_WEIGHT || kind == TARGET_VALUE) && target != 0
        && Math.abs(target - shares[i]) * p <= MET * Math.abs(e)) {
      return shares[i];
    }
    return target;
  }

  /** The part of position {@code q} that a move to {@code target} keeps (same sign, smaller). */
  private static double kept(double q, double target) {
    if (q > 0 && target > 0) {
      return Math.min(q, target);
    }
    if (q < 0 && target < 0) {
      return Math.max(q, target);
    }
    return 0;
  }

  /**
   * The largest fraction {@code s} of this bar's exposure-increasing order parts whose fill keeps
   * the initial margin of the book within equity after costs: reduce parts fill in full, each
   * increase {@code inc_i} becomes {@code s * inc_i}, and the requirement
   * {@code sum |q_i| p_i m_i} is linear in {@code s}, as are the costs.
   */
  private double marginScale(int t, double[] price, int base, double e) {
    double required = 0; // of the kept parts and of assets without an order
    double added = 0; // of the increases, at s = 1
    double fixedCosts = 0;
    double reduceCosts = 0;
    double increaseCosts = 0; // variable, at s = 1
    for (int i = 0; i < n; i++) {
      double q = shares[i];
      double p = price[base + i];
      if (pendingKind[i] == 0 || p != p) {
        if (q != 0) {
          required += Math.abs(q) * (p == p ? p : lastPrice[i]) * initialMargin[i];
        }
        continue;
      }
      double target = sized(t, i, pendingKind[i], pendingAmount[i], p, e);
      double keep = kept(q, target);
      double reduce = q - keep;
      double inc = target - keep;
      required += Math.abs(keep) * p * initialMargin[i];
      if (target != q) {
        fixedCosts += fixedFee; // one order, one fixed fee (a reversal too)
      }
      if (reduce != 0) {
        // a reduce sells (q > 0) or buys back (q < 0)
        reduceCosts += Math.abs(reduce) * p * (slip + feeRate * (1 + (q > 0 ? -slip : slip)));
      }
      if (inc != 0) {
        added += Math.abs(inc) * p * initialMargin[i];
        increaseCosts += Math.abs(inc) * p * (slip + feeRate * (1 + (inc > 0 ? slip : -slip)));
      }
    }
    if (added == 0) {
      return 1;
    }
    double s = (e - reduceCosts - fixedCosts - required) / (added + increaseCosts);
    return s >= 1 ? 1 : Math.max(0, s);
  }

  /** {@code target} with its exposure-increasing part scaled by {@code s}; counts the cut. */
  private double withinMargin(int t, int i, double target, double s, double e) {
    double keep = kept(shares[i], target);
    double inc = target - keep;
    if (inc == 0) {
      return target;
    }
    marginLimitedOrders++;
    double scaled = keep + s * inc;
    if (firstMarginLimit == null) {
      firstMarginLimit = "'" + data.assets().get(i) + "', "
          + describe(pendingKind[i], pendingAmount[i]) + ", decided on "
          + data.label(pendingDecisionBar[i]) + ": position of " + shareCount(target)
          + " shares wanted, " + shareCount(scaled) + " allowed on " + data.label(t)
          + " (initial margin " + initialMargin[i] + ", equity " + money(e) + ")";
    }
    return scaled;
  }

  /** A cash-limited buy in words (rare: built only for the first or the deepest case). */
  private String cashNote(int t, int i, double wanted, double filled, double limit,
      double cost) {
    return "'" + data.assets().get(i) + "', " + describe(buyKind[i], pendingAmount[i])
        + ", decided on " + data.label(pendingDecisionBar[i]) + ": " + shareCount(wanted)
        + " shares wanted, " + shareCount(filled) + " filled on " + data.label(t)
        + " (the buys of that bar cost " + money(cost) + " with costs, the cash"
        + (config.maxLeverage() > 1 ? " and leverage" : "") + " allowed " + money(limit) + ")";
  }

  private static String shareCount(double q) {
    return q == 0 ? "0" : io.github.quantfolio.core.internal.TextTable.auto(q, 6);
  }

  private static String money(double v) {
    return io.github.quantfolio.core.internal.TextTable.num(v, 2);
  }

  /** An order in words, for messages. */
  private static String describe(int kind, double amount) {
    return switch (kind) {
      case TARGET_WEIGHT -> "target weight " + amount;
      case TARGET_VALUE -> "target value " + amount;
      case TARGET_SHARES -> "target of " + amount + " shares";
      default -> (amount < 0 ? "sell " + -amount : "buy " + amount) + " shares";
    };
  }

  /**
   * A weight cannot be sized on non-positive equity (it would flip the position's sign): the
   * account is wiped out, say so rather than blame the resulting "short".
   */
  private IllegalArgumentException wipedOut(int t, int i, double weight, double equity) {
    return new IllegalArgumentException("Cannot size the target weight " + weight + " of '"
        + data.assets().get(i) + "' decided on " + data.label(pendingDecisionBar[i])
        + ": equity is " + equity + " on " + data.label(t)
        + " (losses and costs have used up the capital of " + config.initialCapital() + ")");
  }

  private static double wholeShares(double target) {
    // round toward zero, forgiving representation error just below an integer
    double a = Math.floor(Math.abs(target) + 1e-9);
    return target < 0 ? -a : a;
  }

  /** Trades {@code d} shares of asset {@code i} at market price {@code p} on bar {@code t}. */
  private void execute(int t, int i, double d, double p, ExitReason reason, int decisionBar) {
    double exec = d > 0 ? p * (1 + slip) : p * (1 - slip);
    double size = Math.abs(d);
    double fee = size * exec * feeRate + fixedFee;
    double flow = -d * exec - fee;
    cash += flow;
    assetCashFlow[i] += flow;
    double pos = shares[i];
    if (pos == 0) {
      openTrade(t, i, d, exec, fee, p, decisionBar);
    } else if ((d > 0) == (pos > 0)) {
      roundTrips.addEntry(i, size, exec, fee);
    } else {
      double held = Math.abs(pos);
      double closed = Math.min(size, held);
      double feePart = fee * closed / size;
      roundTrips.addExit(i, closed, exec, feePart);
      if (size >= held) {
        roundTrips.close(t, i, reason);
        if (size > held) {
          openTrade(t, i, d > 0 ? size - held : held - size, exec, fee - feePart, p, decisionBar);
        }
      }
    }
    double after = pos + d;
    shares[i] = (size >= Math.abs(pos) && Math.abs(after) <= 1e-12 * size) ? 0 : after;
    if (log != null) {
      log.add(t, i, shares[i], cash, fee, size * p * slip, size * p);
    }
  }

  private void openTrade(int t, int i, double d, double exec, double fee, double p,
      int decisionBar) {
    roundTrips.open(t, i, d > 0 ? 1 : -1, Math.abs(d), exec, fee);
    stops.open(i, p, decisionBar);
  }

  private void closeOpenTrades() {
    int last = rows - 1;
    for (int i = 0; i < n; i++) {
      double pos = shares[i];
      if (pos != 0) {
        roundTrips.addExit(i, Math.abs(pos), lastPrice[i], 0);
        roundTrips.close(last, i, ExitReason.END_OF_DATA);
      }
    }
  }

  // ------------------------------------------------------------------ margin account

  /**
   * Interest for the time since bar {@code t - 1}'s close on the balances left there: borrowed
   * cash shared among the longs by market value, and each short's market value.
   */
  private void chargeFinancing(int t) {
    double yf = yearFraction[t];
    double before = cash;
    if (borrowRate > 0 && cash < 0) {
      double longValue = 0;
      for (int i = 0; i < n; i++) {
        if (shares[i] > 0) {
          longValue += shares[i] * lastPrice[i];
        }
      }
      if (longValue > 0) {
        double interest = -cash * borrowRate * yf;
        for (int i = 0; i < n; i++) {
          if (shares[i] > 0) {
            charge(t, i, interest * (shares[i] * lastPrice[i] / longValue));
          }
        }
      }
    }
    if (shortRate > 0) {
      for (int i = 0; i < n; i++) {
        if (shares[i] < 0) {
          charge(t, i, -shares[i] * lastPrice[i] * shortRate * yf);
        }
      }
    }
    if (log != null && cash != before) {
      log.addCashEvent(t, cash);
    }
  }

  private void charge(int t, int i, double amount) {
    cash -= amount;
    assetCashFlow[i] -= amount;
    roundTrips.addFinancing(i, amount);
    financingPath[t] += amount;
  }

  /** A margin call liquidates every position at bar {@code t}'s close. */
  private void checkMaintenance(int t) {
    double required = 0;
    int open = 0;
    for (int i = 0; i < n; i++) {
      double q = shares[i];
      if (q != 0) {
        required += Math.abs(q) * lastPrice[i] * maintenanceMargin[i];
        open++;
      }
    }
    if (open == 0 || equity >= required) {
      return;
    }
    marginCalls.add(data.label(t) + ": equity " + money(equity) + " below the maintenance margin "
        + money(required) + "; " + open + " position" + (open == 1 ? "" : "s")
        + " liquidated at the close");
    int base = t * n;
    for (int i = 0; i < n; i++) {
      if (shares[i] != 0) {
        double c = close[base + i];
        execute(t, i, -shares[i], c == c ? c : lastPrice[i], ExitReason.MARGIN_CALL, t);
      }
      cancel(i);
    }
    mark(t);
  }

  // ------------------------------------------------------------------ exits

  private void checkExits(int t) {
    int base = t * n;
    for (int i = 0; i < n; i++) {
      double pos = shares[i];
      if (pos == 0) {
        continue;
      }
      double o = open[base + i];
      if (o != o) {
        continue; // no bar
      }
      double exitPrice = stops.exitPrice(i, pos, o, high[base + i], low[base + i]);
      if (exitPrice == exitPrice) {
        execute(t, i, -pos, exitPrice, stops.reason, t);
        cancel(i); // a stop supersedes an order decided before it
      }
    }
  }

  // ------------------------------------------------------------------ marking

  private void mark(int t) {
    int base = t * n;
    double e = cash;
    for (int i = 0; i < n; i++) {
      double c = close[base + i];
      if (c == c) {
        lastPrice[i] = c;
      }
      double q = shares[i];
      if (q != 0) {
        e += q * lastPrice[i];
      }
    }
    equity = e;
  }

  // ------------------------------------------------------------------ results

  /** Equity at each bar's close. */
  public double[] equityPath() {
    return equityPath;
  }

  /** Every fill, or null unless positions are recorded. */
  public FillLog fillLog() {
    return log;
  }

  /** Round trips, including those open at the end (counted also when not recorded). */
  public int tradeCount() {
    return roundTrips.count();
  }

  /** Round trips closed before the end. */
  public int closedTradeCount() {
    return roundTrips.closed();
  }

  /** Closed round trips with a positive PnL. */
  public int winningTradeCount() {
    return roundTrips.won();
  }

  /**
   * Closed and (at the end) still-open round trips, in closing order; empty unless positions are
   * recorded.
   */
  public List<Trade> trades() {
    return roundTrips.trades();
  }

  /** Net PnL per asset: cash flows plus the final position at its last close. */
  public double[] assetPnl() {
    double[] pnl = new double[n];
    for (int i = 0; i < n; i++) {
      pnl[i] = assetCashFlow[i] + (shares[i] == 0 ? 0 : shares[i] * lastPrice[i]);
    }
    return pnl;
  }

  /** Interest charged on each bar (null in a cash account). */
  public double[] financingPath() {
    return financingPath;
  }

  /** Orders whose exposure-increasing part was scaled to the initial margin. */
  public int marginLimitedOrders() {
    return marginLimitedOrders;
  }

  /** The first of those in words, or null. */
  public String firstMarginLimitedOrder() {
    return firstMarginLimit;
  }

  /** Every margin call in words, in time order. */
  public List<String> marginCalls() {
    return marginCalls;
  }

  /** Bars that ended with at least one open position. */
  public int barsInvested() {
    return barsInvested;
  }

  /** Buy orders scaled down for lack of cash (trimmed for costs, beyond cash, or unfilled). */
  public int cashLimitedOrders() {
    return cashLimitedOrders;
  }

  /** Buy orders scaled to nothing: not filled at all. */
  public int unfilledBuys() {
    return unfilledBuys;
  }

  /** The first unfilled buy in words, or null. */
  public String firstUnfilledBuy() {
    return firstUnfilled;
  }

  /** Buy orders filled in part because their market value alone exceeded the cash. */
  public int buysBeyondCash() {
    return buysBeyondCash;
  }

  /** The most deeply cut of those in words, or null. */
  public String deepestCutBuy() {
    return deepestCutNote;
  }
}
