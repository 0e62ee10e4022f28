package io.github.quantfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Brinson effects always add up to the active return, in one period and linked. */
class AttributionProperties {

  /** Absolute: effects and returns are of order 0.1 to 1, summed over up to 300 periods. */
  private static final double SUM = 1e-12;

  /** Weights summing to 1 (some negative when {@code longShort}). */
  static double[] weights(Random rnd, int n, boolean longShort) {
    double[] w = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      w[i] = longShort ? rnd.nextDouble() - 0.3 : rnd.nextDouble();
      s += w[i];
    }
    if (Math.abs(s) < 0.1) {
      w[0] += 1;
      s += 1;
    }
    for (int i = 0; i < n; i++) {
      w[i] /= s;
    }
    // re-normalise the last weight so the sum is 1 to the last ulp
    double rest = 0;
    for (int i = 0; i < n - 1; i++) {
      rest += w[i];
    }
    w[n - 1] = 1 - rest;
    return w;
  }

  static double[] returns(Random rnd, int n, double scale) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = rnd.nextGaussian() * scale;
    }
    return r;
  }

  static List<String> names(int n) {
    List<String> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s.add("S" + i);
    }
    return s;
  }

  @Property(tries = 200)
  void singlePeriodEffectsSumToActiveReturn(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 15) int n, @ForAll boolean longShort) {
    Random rnd = new Random(seed);
    double[] wp = weights(rnd, n, longShort);
    double[] wb = weights(rnd, n, false);
    double[] rp = returns(rnd, n, 0.1);
    double[] rb = returns(rnd, n, 0.1);
    for (BrinsonMethod m : BrinsonMethod.values()) {
      AttributionResult r = Attribution.brinson(m, names(n), wp, rp, wb, rb);
      assertEquals(r.activeReturn(), r.totalEffect(), SUM, m.toString());
      double lines = 0;
      for (SectorEffects s : r.sectors()) {
        lines += s.total();
      }
      assertEquals(r.activeReturn(), lines, SUM, m.toString());
    }
  }

  @Property(tries = 200)
  void linkedEffectsSumToCumulativeActiveReturn(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int periods,
      @ForAll @IntRange(min = 1, max = 11) int n, @ForAll boolean equalReturnsSometimes) {
    Random rnd = new Random(seed);
    double[][] wp = new double[periods][];
    double[][] rp = new double[periods][];
    double[][] wb = new double[periods][];
    double[][] rb = new double[periods][];
    for (int t = 0; t < periods; t++) {
      wb[t] = weights(rnd, n, false);
      rb[t] = returns(rnd, n, 0.02);
      if (equalReturnsSometimes && rnd.nextInt(3) == 0) {
        // identical period: R_p,t = R_b,t exercises the limit 1 / (1 + R_t)
        wp[t] = wb[t].clone();
        rp[t] = rb[t].clone();
      } else {
        wp[t] = weights(rnd, n, false);
        rp[t] = returns(rnd, n, 0.02);
      }
    }
    for (LinkingMethod l : LinkingMethod.values()) {
      for (BrinsonMethod m : BrinsonMethod.values()) {
        LinkedAttribution r = AttributionLinking.link(l, m, names(n), wp, rp, wb, rb);
        // independent cumulative returns by plain compounding
        double gp = 1;
        double gb = 1;
        for (int t = 0; t < periods; t++) {
          double p = 0;
          double b = 0;
          for (int i = 0; i < n; i++) {
            p += wp[t][i] * rp[t][i];
            b += wb[t][i] * rb[t][i];
          }
          gp *= 1 + p;
          gb *= 1 + b;
        }
        assertEquals(gp - gb, r.totalEffect(), SUM, l + " " + m);
        assertEquals(gp - gb, r.activeReturn(), SUM, l + " " + m);
      }
    }
  }

  @Property(tries = 200)
  void geometricEffectsLeaveNoResidual(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 100) int periods,
      @ForAll @IntRange(min = 1, max = 11) int n) {
    Random rnd = new Random(seed);
    double[][] wp = new double[periods][];
    double[][] rp = new double[periods][];
    double[][] wb = new double[periods][];
    double[][] rb = new double[periods][];
    for (int t = 0; t < periods; t++) {
      wp[t] = weights(rnd, n, false);
      wb[t] = weights(rnd, n, false);
      rp[t] = returns(rnd, n, 0.02);
      rb[t] = returns(rnd, n, 0.02);
      GeometricAttribution g = GeometricAttribution.of(names(n), wp[t], rp[t], wb[t], rb[t]);
      assertEquals(g.geometricExcess(),
          (1 + g.totalAllocation()) * (1 + g.totalSelection()) - 1, SUM);
    }
    GeometricAttribution.Compounded c = GeometricAttribution.compound(names(n), wp, rp, wb, rb);
    assertEquals(c.geometricExcess(), (1 + c.allocation()) * (1 + c.selection()) - 1, SUM);
  }
}
