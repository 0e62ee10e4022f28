package io.github.quantfolio.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Finite inputs of any magnitude never give an infinity, a stray NaN or a plausible substitute:
 * for every indicator, on a random series scaled by {@code 2^k} (prices up to about 1e308, volumes
 * to 1e307, possibly negated), either every output is finite wherever it is defined for the
 * unscaled series (the same NaN pattern: warm-up and missing bars only) and equal to the unscaled
 * output times the scale, or the indicator throws {@link ArithmeticException}; the streaming twin
 * gives the same numbers or fails at the same bar. Scaling by a power of two is exact, so outputs
 * computed the ordinary way scale exactly; where a scaled series needs the overflow-safe
 * computations (exact means and deviations) they agree to rounding.
 */
class OverflowProperties {

  @Property(tries = 60)
  void finiteInputsGiveFiniteOutputsOrAnArithmeticError(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int length, @ForAll @IntRange(max = 3) int holes,
      @ForAll @IntRange(min = 0, max = 1012) int priceExponent,
      @ForAll @IntRange(min = 0, max = 1000) int volumeExponent, @ForAll boolean negative) {
    check(Catalog.random(seed, length, holes), priceExponent, volumeExponent, negative);
  }

  @Property(tries = 100)
  void tinyInputs(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 300) int length, @ForAll @IntRange(max = 3) int holes,
      @ForAll @IntRange(min = -1000, max = 0) int priceExponent,
      @ForAll @IntRange(min = -1000, max = 0) int volumeExponent, @ForAll boolean negative) {
    check(Catalog.random(seed, length, holes), priceExponent, volumeExponent, negative);
  }

  static void check(Catalog.Ohlcv plain, int priceExponent, int volumeExponent, boolean negative) {
    int length = plain.size();
    double f = Math.scalb(negative ? -1.0 : 1.0, priceExponent);
    double g = Math.scalb(1.0, volumeExponent);
    double[] h = new double[length];
    double[] l = new double[length];
    double[] c = new double[length];
    double[] v = new double[length];
    for (int i = 0; i < length; i++) {
      // negated prices swap high and low, so that low <= close <= high still holds
      h[i] = (negative ? plain.l()[i] : plain.h()[i]) * f;
      l[i] = (negative ? plain.h()[i] : plain.l()[i]) * f;
      c[i] = plain.c()[i] * f;
      v[i] = plain.v()[i] * g;
    }
    Catalog.Ohlcv big = new Catalog.Ohlcv(h, l, c, v);
    for (Catalog.Entry e : Catalog.all()) {
      double[][] reference;
      try {
        reference = e.batch().apply(plain);
      } catch (ArithmeticException x) {
        continue; // e.g. the bandwidth of bands whose middle is 0: not about magnitude
      }
      double[][] out;
      try {
        out = e.batch().apply(big);
      } catch (ArithmeticException x) {
        String m = x.getMessage();
        int at = Integer.parseInt(m.replaceAll(".* at index (\\d+).*", "$1"));
        try {
          e.stream().apply(big);
          fail(e.name() + ": batch failed (" + m + ") but the streaming twin did not");
        } catch (ArithmeticException y) {
          assertTrue(y.getMessage().contains(" at bar " + at + " ")
              || y.getMessage().contains(" at bar " + at + ";")
              || y.getMessage().startsWith("Bands.width"),
              () -> e.name() + ": batch " + m + " / streaming " + y.getMessage());
        }
        continue;
      }
      for (int k = 0; k < out.length; k++) {
        for (int i = 0; i < length; i++) {
          double ref = reference[k][i];
          double x = out[k][i];
          final int kk = k;
          final int ii = i;
          assertEquals(Double.isNaN(ref), Double.isNaN(x),
              () -> e.name() + " output " + kk + " at " + ii + ": " + x + " (unscaled " + ref + ")");
          assertTrue(Double.isNaN(x) || Double.isFinite(x),
              () -> e.name() + " output " + kk + " at " + ii + ": " + x);
        }
      }
      if (!negative) {
        // Each indicator is homogeneous: linear in the price scale, linear in the volume scale
        // (OBV), or invariant (oscillators, bandwidth): the scaled outputs are the unscaled ones
        // times f, g or 1, to rounding, relative to the operands' magnitude (the price or volume
        // level, 1 for an invariant output). %B and the z-score are left out: near their midpoint
        // they are ill-conditioned (x - lower or x - mean of nearly equal values), so the
        // rounding of the overflow-safe computation shows relative to them; the bands and the
        // deviation they come from are checked.
        double prices = Series.scale(plain.h());
        double volumes = Series.scale(plain.v());
        for (int k = 0; k < out.length; k++) {
          if (e.name().startsWith("zscore") || e.name().startsWith("bollinger") && k == 4) {
            continue;
          }
          int d = degree(e.name(), k);
          double m = d == 1 ? f : d == 2 ? g : 1;
          double scale = d == 1 ? prices * f : d == 2 ? volumes * g : 1;
          for (double r : reference[k]) {
            scale = Double.isNaN(r) ? scale : Math.max(scale, Math.abs(r * m));
          }
          for (int i = 0; i < length; i++) {
            double expected = reference[k][i] * m;
            double x = out[k][i];
            final int kk = k;
            final int ii = i;
            assertTrue(Double.isNaN(x) || Math.abs(x - expected) <= 1e-9 * scale,
                () -> e.name() + " output " + kk + " at " + ii + ": " + x + ", expected about "
                    + expected);
          }
        }
      }
      double[][] streamed = e.stream().apply(big);
      for (int k = 0; k < out.length; k++) {
        assertArrayEquals(out[k], streamed[k], e.name() + " output " + k + " (streaming)");
      }
    }
  }

  /** 1 if output k of the entry is linear in the prices, 2 if linear in the volumes, else 0. */
  static int degree(String entry, int k) {
    String name = entry.split(" ")[0];
    switch (name) {
      case "sma", "ema", "wma", "dema", "tema", "std", "max", "min", "momentum", "atr",
          "trueRange", "donchian", "keltner", "macd", "vwap":
        return 1;
      case "bollinger":
        return k <= 2 ? 1 : 0; // the bands; bandwidth and %B are invariant
      case "obv":
        return 2;
      default:
        return 0; // rsi, zscore, roc, stochastic, williamsR, cci, adx, mfi
    }
  }
}
