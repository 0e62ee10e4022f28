package io.github.quantfolio.indicators;

import static io.github.quantfolio.indicators.Series.assertClose;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Oscillators do not depend on the unit of price or volume: rescaling by a power of two (exact in
 * floating point) leaves them bit for bit unchanged, and moving averages scale exactly. TA-Lib
 * fails this for small prices, because it treats values below 1e-8 as zero (its RSI of a series
 * quoted around 1e-8 is 0 throughout); see the class documentation of {@link Indicators}.
 */
class ScaleInvarianceProperties {

  static final double PRICE = 0x1p-40; // prices around 1e-10
  static final double VOLUME = 0x1p20;

  @Property(tries = 40)
  void oscillatorsIgnoreTheUnit(@ForAll long seed, @ForAll @IntRange(max = 200) int length) {
    Catalog.Ohlcv a = Catalog.random(seed, length, 2);
    double[] h = scale(a.h(), PRICE);
    double[] l = scale(a.l(), PRICE);
    double[] c = scale(a.c(), PRICE);
    double[] v = scale(a.v(), VOLUME);
    same("rsi", Indicators.rsi(a.c(), 14), Indicators.rsi(c, 14));
    same("%K", Indicators.stochastic(a.h(), a.l(), a.c(), 5, 3, 3).k(),
        Indicators.stochastic(h, l, c, 5, 3, 3).k());
    same("%R", Indicators.williamsR(a.h(), a.l(), a.c(), 14), Indicators.williamsR(h, l, c, 14));
    same("cci", Indicators.cci(a.h(), a.l(), a.c(), 14), Indicators.cci(h, l, c, 14));
    same("mfi", Indicators.mfi(a.h(), a.l(), a.c(), a.v(), 14), Indicators.mfi(h, l, c, v, 14));
    same("adx", Indicators.adx(a.h(), a.l(), a.c(), 14).adx(), Indicators.adx(h, l, c, 14).adx());
    same("zscore", Indicators.zscore(a.c(), 20), Indicators.zscore(c, 20));
    same("%B", Indicators.bollinger(a.c(), 20, 2).percentB(a.c()),
        Indicators.bollinger(c, 20, 2).percentB(c));
    same("sma", scale(Indicators.sma(a.c(), 20), PRICE), Indicators.sma(c, 20));
    same("atr", scale(Indicators.atr(a.h(), a.l(), a.c(), 14), PRICE),
        Indicators.atr(h, l, c, 14));
  }

  static double[] scale(double[] x, double f) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] * f;
    }
    return y;
  }

  static void same(String what, double[] expected, double[] actual) {
    assertClose(what, expected, actual, 0, 0);
  }
}
