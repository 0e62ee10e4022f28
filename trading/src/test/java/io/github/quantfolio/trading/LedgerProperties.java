package io.github.quantfolio.trading;

import static io.github.quantfolio.trading.Tolerance.IDENTITY;
import static io.github.quantfolio.trading.Tolerance.assertNear;

import io.github.quantfolio.core.adapters.Fill;
import io.github.quantfolio.core.adapters.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random streams of fills, marks, dividends, splits, deposits and withdrawals, each valid by
 * construction (sells are sized from what is held when shorts are off), checked after every event
 * against (1) the accounting identities and (2) an independent model of the book in exact decimal
 * arithmetic ({@link ExactBook}: a list of lot objects, written separately from {@link Book}).
 */
class LedgerProperties {

  private static final String[] SYMBOLS = {"A", "B", "C", "D", "E"};
  private static final MathContext MC = MathContext.DECIMAL128;

  /** One random event: interpreted against the current state, so it is always valid. */
  record Op(int kind, int symbol, double fraction, double price, double fee) {
  }

  @Provide
  Arbitrary<Op> ops() {
    return Combinators.combine(
        Arbitraries.integers().between(0, 99),
        Arbitraries.integers().between(0, SYMBOLS.length - 1),
        Arbitraries.doubles().between(0.001, 1).ofScale(6),
        Arbitraries.doubles().between(0.5, 500).ofScale(4),
        Arbitraries.doubles().between(0, 3).ofScale(4)).as(Op::new);
  }

  @Property(tries = 300)
  void fifoLongOnly(@ForAll @Size(min = 1, max = 120) List<@net.jqwik.api.From("ops") Op> ops) {
    run(LedgerOptions.defaults(), ops);
  }

  @Property(tries = 300)
  void lifoWithShorts(@ForAll @Size(min = 1, max = 120) List<@net.jqwik.api.From("ops") Op> ops) {
    run(LedgerOptions.defaults().withLotMethod(LotMethod.LIFO).withShorts(), ops);
  }

  @Property(tries = 300)
  void averageCostWithShorts(
      @ForAll @Size(min = 1, max = 120) List<@net.jqwik.api.From("ops") Op> ops) {
    run(LedgerOptions.defaults().withLotMethod(LotMethod.AVERAGE_COST).withShorts(), ops);
  }

  @Property(tries = 200)
  void fifoWithShorts(@ForAll @Size(min = 1, max = 120) List<@net.jqwik.api.From("ops") Op> ops) {
    run(LedgerOptions.defaults().withShorts(), ops);
  }

  private static void run(LedgerOptions options, List<Op> ops) {
    Instant t = Instant.parse("2024-01-02T00:00:00Z");
    Ledger ledger = Ledger.open(t, 10_000, options);
    ExactBook model = new ExactBook(options.lotMethod(), 10_000);
    for (Op op : ops) {
      t = t.plusSeconds(60);
      apply(op, t, ledger, model, options.shortsAllowed());
      check(ledger, model);
    }
  }

  private static void apply(Op op, Instant t, Ledger ledger, ExactBook model, boolean shorts) {
    String s = SYMBOLS[op.symbol()];
    double held = ledger.position(s);
    int kind = op.kind();
    if (kind < 55) { // a fill
      boolean sell = kind % 2 == 1;
      double q = Math.rint(op.fraction() * 100_000) / 1000; // 0.001 .. 100, three decimals
      if (sell && !shorts) {
        if (held <= 0) {
          sell = false;
        } else {
          q = kind % 4 == 1 ? held : held * op.fraction(); // whole position, or a part of it
        }
      }
      Fill f = Fill.of(s, sell ? Side.SELL : Side.BUY, q, op.price(), op.fee(), t);
      double realized = ledger.record(f);
      double expected = model.fill(s, sell ? -q : q, op.price(), op.fee());
      assertNear(expected, realized, IDENTITY * model.capital(), "realized P&L of " + f);
    } else if (kind < 80) {
      ledger.mark(s, op.price(), t);
      model.mark(s, op.price());
    } else if (kind < 86 && held != 0) {
      double perUnit = op.fee() + 0.01;
      ledger.dividend(s, perUnit, t);
      model.dividend(s, perUnit);
    } else if (kind < 90 && model.knows(s)) {
      double ratio = kind % 3 == 0 ? 2 : kind % 3 == 1 ? 0.5 : 3;
      ledger.split(s, ratio, t);
      model.split(s, ratio);
    } else if (kind < 95) {
      double amount = op.price() * 10;
      ledger.deposit(amount, t);
      model.cashFlow(amount);
    } else if (ledger.cash() > 1) {
      double amount = ledger.cash() * op.fraction() * 0.5;
      ledger.withdraw(amount, t);
      model.cashFlow(-amount);
    }
  }

  private static void check(Ledger ledger, ExactBook model) {
    LedgerSnapshot s = ledger.snapshot();
    double tol = IDENTITY * model.capital();
    // NAV = cash + sum of quantity x mark, from the snapshot's own positions
    double positions = 0;
    for (LedgerPosition p : s.positions()) {
      positions += p.quantity() * p.mark();
      assertNear(p.quantity() * p.mark(), p.marketValue(), tol, "market value of " + p.symbol());
      assertNear(model.position(p.symbol()), p.quantity(), tol, "position of " + p.symbol());
    }
    assertNear(s.cash() + positions, s.nav(), tol, "NAV = cash + positions");
    // realized + unrealized = NAV - net deposits
    assertNear(s.nav() - s.netDeposits(), s.totalPnl(), tol, "P&L identity");
    // the independent exact model
    assertNear(model.cash(), s.cash(), tol, "cash vs exact model");
    assertNear(model.realized(), s.realizedPnl(), tol, "realized vs exact model");
    assertNear(model.unrealized(), s.unrealizedPnl(), tol, "unrealized vs exact model");
    // cash is the sum of the history's cash flows: nothing booked twice or lost
    double flows = 0;
    for (LedgerEvent e : ledger.history()) {
      flows += e.cashFlow();
    }
    assertNear(flows, s.cash(), tol, "cash = sum of the events' cash flows");
    // every fee is either in a closed round trip or still capitalized in an open lot
    double tripFees = 0;
    for (RoundTrip r : ledger.roundTrips()) {
      tripFees += r.fees();
    }
    double openFees = 0;
    for (LedgerPosition p : s.positions()) {
      openFees += p.openFees();
    }
    assertNear(s.fees(), tripFees + openFees, tol, "fees = closed + capitalized");
    double bySymbol = 0;
    for (PnlLine l : s.bySymbol()) {
      bySymbol += l.total();
    }
    assertNear(s.totalPnl(), bySymbol, tol, "P&L by symbol adds up");
    double byStrategy = 0;
    for (PnlLine l : s.byStrategy()) {
      byStrategy += l.total();
    }
    assertNear(s.totalPnl(), byStrategy, tol, "P&L by strategy adds up");
  }

  /**
   * The book in exact decimal arithmetic, as the rules in {@link Ledger} state them: lots as
   * objects in a deque, fees capitalized in the opening lot, closing fees pro rata with the last
   * piece taking the remainder, quantities within 1e-12 of a fill or lot treated as whole.
   */
  static final class ExactBook {
    private static final BigDecimal DUST = new BigDecimal("1e-12");

    static final class Lot {
      BigDecimal quantity; // signed
      BigDecimal price;
      BigDecimal fee;

      Lot(BigDecimal quantity, BigDecimal price, BigDecimal fee) {
        this.quantity = quantity;
        this.price = price;
        this.fee = fee;
      }
    }

    private final LotMethod method;
    private final Map<String, Deque<Lot>> lots = new HashMap<>();
    private final Map<String, BigDecimal> marks = new HashMap<>();
    private BigDecimal cash;
    private BigDecimal realized = BigDecimal.ZERO;
    private double capital;

    ExactBook(LotMethod method, double cash) {
      this.method = method;
      this.cash = exact(cash);
      this.capital = cash;
    }

    private static BigDecimal exact(double x) {
      return new BigDecimal(x);
    }

    double capital() {
      return Math.max(capital, 1);
    }

    boolean knows(String s) {
      return marks.containsKey(s);
    }

    void cashFlow(double amount) {
      cash = cash.add(exact(amount));
      capital += Math.abs(amount);
    }

    void mark(String s, double price) {
      marks.put(s, exact(price));
    }

    double fill(String s, double signedQuantity, double price, double fee) {
      BigDecimal q = exact(signedQuantity);
      BigDecimal p = exact(price);
      BigDecimal f = exact(fee);
      capital += Math.abs(signedQuantity * price);
      cash = cash.subtract(q.multiply(p)).subtract(f);
      marks.put(s, p);
      Deque<Lot> book = lots.computeIfAbsent(s, k -> new ArrayDeque<>());
      BigDecimal absQ = q.abs();
      BigDecimal remaining = absQ;
      BigDecimal feeLeft = f;
      BigDecimal pnl = BigDecimal.ZERO;
      while (!book.isEmpty() && book.peekFirst().quantity.signum() == -q.signum()
          && remaining.compareTo(DUST.multiply(absQ)) > 0) {
        Lot lot = method == LotMethod.LIFO ? book.peekLast() : book.peekFirst();
        BigDecimal lq = lot.quantity.abs();
        boolean whole = remaining.compareTo(lq.multiply(BigDecimal.ONE.subtract(DUST))) >= 0;
        BigDecimal close = whole ? lq : remaining;
        boolean last = remaining.subtract(close).compareTo(DUST.multiply(absQ)) <= 0;
        BigDecimal openFee = whole ? lot.fee : lot.fee.multiply(close).divide(lq, MC);
        BigDecimal closeFee = last ? feeLeft : f.multiply(close).divide(absQ, MC);
        BigDecimal gross = p.subtract(lot.price).multiply(close)
            .multiply(BigDecimal.valueOf(lot.quantity.signum()));
        pnl = pnl.add(gross).subtract(openFee).subtract(closeFee);
        if (whole) {
          if (method == LotMethod.LIFO) {
            book.pollLast();
          } else {
            book.pollFirst();
          }
        } else {
          lot.quantity = lot.quantity.subtract(close.multiply(
              BigDecimal.valueOf(lot.quantity.signum())));
          lot.fee = lot.fee.subtract(openFee);
        }
        remaining = remaining.subtract(close);
        feeLeft = feeLeft.subtract(closeFee);
      }
      if (remaining.compareTo(DUST.multiply(absQ)) > 0) {
        BigDecimal signed = remaining.multiply(BigDecimal.valueOf(q.signum()));
        if (method == LotMethod.AVERAGE_COST && !book.isEmpty()) {
          BigDecimal totalQ = BigDecimal.ZERO;
          BigDecimal cost = BigDecimal.ZERO;
          BigDecimal fees = feeLeft;
          for (Lot lot : book) {
            totalQ = totalQ.add(lot.quantity.abs());
            cost = cost.add(lot.quantity.abs().multiply(lot.price));
            fees = fees.add(lot.fee);
          }
          totalQ = totalQ.add(remaining);
          cost = cost.add(remaining.multiply(p));
          book.addLast(new Lot(signed, p, BigDecimal.ZERO));
          BigDecimal avg = cost.divide(totalQ, MC);
          for (Lot lot : book) {
            lot.price = avg;
            lot.fee = fees.multiply(lot.quantity.abs()).divide(totalQ, MC);
          }
        } else {
          book.addLast(new Lot(signed, p, feeLeft));
        }
      }
      realized = realized.add(pnl);
      return pnl.doubleValue();
    }

    void dividend(String s, double perUnit) {
      BigDecimal amount = exact(perUnit).multiply(quantity(s));
      cash = cash.add(amount);
      realized = realized.add(amount);
    }

    void split(String s, double ratio) {
      BigDecimal r = exact(ratio);
      for (Lot lot : lots.getOrDefault(s, new ArrayDeque<>())) {
        lot.quantity = lot.quantity.multiply(r);
        lot.price = lot.price.divide(r, MC);
      }
      marks.put(s, marks.get(s).divide(r, MC));
    }

    private BigDecimal quantity(String s) {
      BigDecimal q = BigDecimal.ZERO;
      for (Lot lot : lots.getOrDefault(s, new ArrayDeque<>())) {
        q = q.add(lot.quantity);
      }
      return q;
    }

    double position(String s) {
      return quantity(s).doubleValue();
    }

    double cash() {
      return cash.doubleValue();
    }

    double realized() {
      return realized.doubleValue();
    }

    double unrealized() {
      BigDecimal u = BigDecimal.ZERO;
      for (Map.Entry<String, Deque<Lot>> e : lots.entrySet()) {
        BigDecimal mark = marks.get(e.getKey());
        for (Lot lot : e.getValue()) {
          u = u.add(mark.subtract(lot.price).multiply(lot.quantity)).subtract(lot.fee);
        }
      }
      return u.doubleValue();
    }
  }
}
