package io.github.quantfolio.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.internal.FastDoubleParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Invariants of the data model over random inputs. */
class CoreProperties {

  /** A random ragged price frame: leading NaN, gaps, extreme but valid magnitudes. */
  @Provide
  Arbitrary<PriceFrame> priceFrames() {
    return Combinators.combine(Arbitraries.integers().between(2, 60),
        Arbitraries.integers().between(1, 5), Arbitraries.longs()).as((t, n, seed) -> {
          Random rnd = new Random(seed);
          long[] days = new long[t];
          // Start anywhere from 1966 to 2033, so periods straddling 1970 (epoch day 0) occur.
          days[0] = LocalDate.of(1966, 1, 3).toEpochDay() + rnd.nextInt(25_000);
          for (int i = 1; i < t; i++) {
            days[i] = days[i - 1] + 1 + rnd.nextInt(4);
          }
          List<String> names = new ArrayList<>();
          double[][] cols = new double[n][t];
          for (int a = 0; a < n; a++) {
            names.add("A" + a + (rnd.nextInt(5) == 0 ? ",\"x\"" : ""));
            int listing = rnd.nextInt(3) == 0 ? rnd.nextInt(t) : 0;
            double p = Math.exp(rnd.nextGaussian() * 5);
            for (int i = 0; i < t; i++) {
              p *= Math.exp(rnd.nextGaussian() * 0.05);
              cols[a][i] = i < listing || rnd.nextInt(15) == 0 ? Double.NaN : p;
            }
          }
          return PriceFrame.of(TimeIndex.ofEpochDays(days), names, cols);
        });
  }

  @Property(tries = 300)
  void csvWriteThenReadIsBitExact(@ForAll("priceFrames") PriceFrame p) {
    StringWriter w = new StringWriter();
    p.writeCsv(w);
    PriceFrame back = PriceFrame.readCsv(new StringReader(w.toString()), "roundtrip.csv");
    assertEquals(p.index(), back.index());
    assertEquals(p.assets(), back.assets());
    for (int a = 0; a < p.assetCount(); a++) {
      double[] x = p.column(a);
      double[] y = back.column(a);
      for (int i = 0; i < x.length; i++) {
        assertEquals(Double.doubleToLongBits(x[i]), Double.doubleToLongBits(y[i]),
            () -> "value " + x[0] + " changed");
      }
    }
  }

  @Property(tries = 300)
  void returnsToPricesToReturnsIsTheIdentity(@ForAll @IntRange(min = 1, max = 80) int t,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    double[][] r = new double[3][t];
    for (int a = 0; a < 3; a++) {
      int leading = rnd.nextInt(t);
      for (int i = 0; i < t; i++) {
        r[a][i] = i < leading ? Double.NaN : (rnd.nextDouble() - 0.5) * (a + 1) * 0.4;
      }
    }
    ReturnFrame returns = ReturnFrame.of(TimeIndex.businessDays(LocalDate.of(2020, 1, 2), t),
        List.of("X", "Y", "Z"), r).withBase(LocalDate.of(2020, 1, 1));
    ReturnFrame back = returns.toPrices(100.0).returns();
    assertEquals(returns.index(), back.index());
    for (int a = 0; a < 3; a++) {
      for (int i = 0; i < t; i++) {
        double x = r[a][i];
        double y = back.get(i, a);
        // p_t = p_(t-1)(1 + r) then p_t / p_(t-1) - 1: three roundings, each at most half an
        // ulp of a number near 1 + |r|; 4 ulps bounds the sum.
        assertTrue(Double.isNaN(x) ? Double.isNaN(y) : Math.abs(x - y) <= 4 * Math.ulp(1 + Math.abs(x)),
            () -> x + " became " + y);
      }
    }
  }

  @Property(tries = 300)
  void pricesToReturnsToPricesRestoresThePrices(@ForAll("priceFrames") PriceFrame p) {
    PriceFrame gapless = p.forwardFill(); // interior gaps cannot be rebuilt; leading NaN can
    ReturnFrame r = gapless.returns();
    List<String> names = new ArrayList<>();
    List<Double> firsts = new ArrayList<>();
    for (String a : gapless.assets()) {
      int f = gapless.firstValidRow(a);
      // An asset whose only price is the last row has no return: its price cannot come back.
      if (f >= 0 && f < gapless.rows() - 1) {
        names.add(a);
        firsts.add(gapless.get(f, a));
      }
    }
    Statistics.collect(names.isEmpty() ? "no asset with a return" : "checked");
    // a property that mostly found nothing to rebuild would assert almost nothing
    Statistics.coverage(c -> c.check("checked").percentage(pc -> pc >= 80));
    if (names.isEmpty()) {
      return;
    }
    double[] init = firsts.stream().mapToDouble(Double::doubleValue).toArray();
    PriceFrame back = r.select(names).toPrices(AssetVector.of(names, init));
    PriceFrame want = gapless.select(names);
    // Each step adds at most ~3 roundings of relative size 2^-53.
    double tol = 4 * p.rows() * Math.ulp(1.0);
    for (int a = 0; a < names.size(); a++) {
      double[] x = want.column(a);
      double[] y = back.column(a);
      for (int i = 0; i < x.length; i++) {
        double xi = x[i];
        double yi = y[i];
        assertTrue(Double.isNaN(xi) ? Double.isNaN(yi) : Math.abs(yi / xi - 1) <= tol,
            () -> xi + " became " + yi);
      }
    }
  }

  @Property(tries = 200)
  void selectingAPermutationPermutesColumns(@ForAll("priceFrames") PriceFrame p, @ForAll long seed) {
    List<String> names = new ArrayList<>(p.assets());
    Collections.shuffle(names, new Random(seed));
    PriceFrame s = p.select(names);
    for (int i = 0; i < names.size(); i++) {
      assertTrue(java.util.Arrays.equals(p.column(names.get(i)), s.column(i)));
    }
  }

  @Property(tries = 300)
  void resamplingNeverInventsValues(@ForAll("priceFrames") PriceFrame p) {
    for (Frequency f : List.of(Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY)) {
      for (Sampling s : Sampling.values()) {
        PriceFrame q = p.resample(f, s);
        for (int b = 0; b < q.rows(); b++) {
          // The source rows of period b, found from calendar fields (not from the code under
          // test): same ISO week-based year and week, same month, or same quarter.
          Object key = period(f, q.index().date(b));
          for (int a = 0; a < p.assetCount(); a++) {
            List<Double> valid = new ArrayList<>();
            for (int i = 0; i < p.rows(); i++) {
              if (period(f, p.index().date(i)).equals(key) && !Double.isNaN(p.get(i, a))) {
                valid.add(p.get(i, a));
              }
            }
            double v = q.get(b, a);
            if (valid.isEmpty()) {
              assertTrue(Double.isNaN(v));
            } else {
              assertEquals(s == Sampling.LAST ? valid.get(valid.size() - 1) : valid.get(0), v);
            }
          }
        }
      }
    }
  }

  private static Object period(Frequency f, LocalDate d) {
    if (f.equals(Frequency.WEEKLY)) {
      return List.of(d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
          d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    } else if (f.equals(Frequency.MONTHLY)) {
      return List.of(d.getYear(), d.getMonthValue());
    }
    return List.of(d.getYear(), d.get(java.time.temporal.IsoFields.QUARTER_OF_YEAR));
  }

  @Property(tries = 3000)
  void fastParserAgreesWithTheJdkOnShortestForms(@ForAll double x) {
    String s = Double.toString(x);
    assertEquals(Double.doubleToLongBits(Double.parseDouble(s)),
        Double.doubleToLongBits(FastDoubleParser.parse(s)), s);
  }

  @Property(tries = 3000)
  void fastParserAgreesWithTheJdkOnDecimalText(@ForAll @IntRange(min = 1, max = 22) int digits,
      @ForAll @IntRange(min = 0, max = 22) int point, @ForAll @IntRange(min = -30, max = 30) int exp,
      @ForAll boolean withExp, @ForAll boolean negative, @ForAll long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder(negative ? "-" : "");
    for (int i = 0; i < digits; i++) {
      if (i == Math.min(point, digits - 1) && i > 0) {
        sb.append('.');
      }
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    if (withExp) {
      sb.append('e').append(exp);
    }
    String s = sb.toString();
    assertEquals(Double.doubleToLongBits(Double.parseDouble(s)),
        Double.doubleToLongBits(FastDoubleParser.parse(s)), s);
  }
}
