package io.github.quantfolio.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Every indicator in both forms, for the properties that hold across all of them: its batch
 * function and its streaming twin fed bar by bar, each returning the output series, plus which
 * inputs it reads (a NaN in an input it does not read must not affect it).
 */
final class Catalog {

  static final int HIGH = 1;
  static final int LOW = 2;
  static final int CLOSE = 4;
  static final int VOLUME = 8;

  /** One bar series: high, low, close, volume (may hold NaN). */
  record Ohlcv(double[] h, double[] l, double[] c, double[] v) {
    int size() {
      return c.length;
    }

    Ohlcv slice(int from, int to) {
      return new Ohlcv(java.util.Arrays.copyOfRange(h, from, to),
          java.util.Arrays.copyOfRange(l, from, to), java.util.Arrays.copyOfRange(c, from, to),
          java.util.Arrays.copyOfRange(v, from, to));
    }

    /** Whether bar i has a NaN in one of the inputs {@code reads} names. */
    boolean missing(int i, int reads) {
      return (reads & HIGH) != 0 && Double.isNaN(h[i]) || (reads & LOW) != 0 && Double.isNaN(l[i])
          || (reads & CLOSE) != 0 && Double.isNaN(c[i])
          || (reads & VOLUME) != 0 && Double.isNaN(v[i]);
    }

    @Override
    public String toString() {
      return "Ohlcv(" + size() + " bars)";
    }
  }

  record Entry(String name, int reads, Function<Ohlcv, double[][]> batch,
      Function<Ohlcv, double[][]> stream) {
    @Override
    public String toString() {
      return name;
    }
  }

  private Catalog() {
  }

  /**
   * A random bar series: a random walk with occasional flat stretches (to reach the degenerate
   * branches), and {@code holes} missing values, each either a whole missing bar or a NaN in one
   * input only.
   */
  static Ohlcv random(long seed, int length, int holes) {
    Random r = new Random(seed);
    double[] h = new double[length];
    double[] l = new double[length];
    double[] c = new double[length];
    double[] v = new double[length];
    double p = 20 + 200 * r.nextDouble();
    for (int i = 0; i < length; i++) {
      boolean flat = r.nextInt(10) == 0;
      double open = p;
      if (!flat) {
        p *= Math.exp(0.02 * r.nextGaussian());
      }
      c[i] = p;
      h[i] = Math.max(open, p) * (flat ? 1 : 1 + 0.01 * r.nextDouble());
      l[i] = Math.min(open, p) * (flat ? 1 : 1 - 0.01 * r.nextDouble());
      v[i] = r.nextInt(5) == 0 ? 0 : Math.floor(1e6 * r.nextDouble());
    }
    for (int k = 0; k < holes && length > 0; k++) {
      int i = r.nextInt(length);
      switch (r.nextInt(5)) {
        case 0 -> h[i] = Double.NaN;
        case 1 -> l[i] = Double.NaN;
        case 2 -> c[i] = Double.NaN;
        case 3 -> v[i] = Double.NaN;
        default -> h[i] = l[i] = c[i] = v[i] = Double.NaN;
      }
    }
    return new Ohlcv(h, l, c, v);
  }

  interface SeriesFn {
    double[] apply(double[] x);
  }

  interface SeriesStreamFactory {
    SeriesStream create();
  }

  interface BarStreamFactory {
    BarStream create();
  }

  interface VolumeStreamFactory {
    VolumeBarStream create();
  }

  private static Entry series(String name, SeriesFn batch, SeriesStreamFactory stream) {
    return new Entry(name, CLOSE, b -> new double[][] {batch.apply(b.c())}, b -> {
      SeriesStream s = stream.create();
      double[] out = new double[b.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = s.update(b.c()[i]);
      }
      return new double[][] {out};
    });
  }

  private static Entry bars(String name, Function<Ohlcv, double[]> batch,
      BarStreamFactory stream) {
    return new Entry(name, HIGH | LOW | CLOSE, b -> new double[][] {batch.apply(b)}, b -> {
      BarStream s = stream.create();
      double[] out = new double[b.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = s.update(b.h()[i], b.l()[i], b.c()[i]);
      }
      return new double[][] {out};
    });
  }

  private static Entry volumeBars(String name, Function<Ohlcv, double[]> batch,
      VolumeStreamFactory stream) {
    return new Entry(name, HIGH | LOW | CLOSE | VOLUME, b -> new double[][] {batch.apply(b)}, b -> {
      VolumeBarStream s = stream.create();
      double[] out = new double[b.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = s.update(b.h()[i], b.l()[i], b.c()[i], b.v()[i]);
      }
      return new double[][] {out};
    });
  }

  /** All indicators, with a few parameter choices each (small ones, to reach steady state). */
  static List<Entry> all() {
    List<Entry> e = new ArrayList<>();
    for (int n : new int[] {1, 3, 7}) {
      e.add(series("sma " + n, x -> Indicators.sma(x, n), () -> StreamingSma.of(n)));
      e.add(series("ema " + n, x -> Indicators.ema(x, n), () -> StreamingEma.of(n)));
      e.add(series("wma " + n, x -> Indicators.wma(x, n), () -> StreamingWma.of(n)));
      e.add(series("dema " + n, x -> Indicators.dema(x, n), () -> StreamingDema.of(n)));
      e.add(series("tema " + n, x -> Indicators.tema(x, n), () -> StreamingDema.triple(n)));
      e.add(series("rsi " + n, x -> Indicators.rsi(x, n), () -> StreamingRsi.of(n)));
      e.add(series("std " + n, x -> Indicators.rollingStd(x, n), () -> StreamingStd.of(n)));
      e.add(series("zscore " + n, x -> Indicators.zscore(x, n), () -> StreamingStd.zscore(n)));
      e.add(series("max " + n, x -> Indicators.rollingMax(x, n), () -> StreamingExtremum.max(n)));
      e.add(series("min " + n, x -> Indicators.rollingMin(x, n), () -> StreamingExtremum.min(n)));
      e.add(series("roc " + n, x -> Indicators.roc(x, n), () -> StreamingChange.roc(n)));
      e.add(series("momentum " + n, x -> Indicators.momentum(x, n),
          () -> StreamingChange.momentum(n)));
      e.add(bars("atr " + n, b -> Indicators.atr(b.h(), b.l(), b.c(), n),
          () -> StreamingAtr.of(n)));
      e.add(bars("adx " + n, b -> Indicators.adx(b.h(), b.l(), b.c(), n).adx(),
          () -> StreamingAdx.of(n)));
      e.add(bars("cci " + n, b -> Indicators.cci(b.h(), b.l(), b.c(), n),
          () -> StreamingCci.of(n)));
      e.add(bars("williamsR " + n, b -> Indicators.williamsR(b.h(), b.l(), b.c(), n),
          () -> StreamingWilliamsR.of(n)));
      e.add(volumeBars("mfi " + n, b -> Indicators.mfi(b.h(), b.l(), b.c(), b.v(), n),
          () -> StreamingMfi.of(n)));
      e.add(volumeBars("vwap " + n, b -> Indicators.vwap(b.h(), b.l(), b.c(), b.v(), n),
          () -> StreamingVwap.rolling(n)));
      e.add(adxDi(n));
      e.add(donchian(n));
    }
    e.add(bars("trueRange", b -> Indicators.trueRange(b.h(), b.l(), b.c()),
        StreamingTrueRange::of));
    e.add(volumeBars("vwap cumulative", b -> Indicators.vwap(b.h(), b.l(), b.c(), b.v()),
        StreamingVwap::cumulative));
    e.add(macd(3, 7, 4));
    e.add(macd(12, 26, 9));
    e.add(macd(2, 2, 1));
    e.add(bollinger(5, 2));
    e.add(bollinger(2, 0));
    e.add(stochastic(5, 3, 3));
    e.add(stochastic(1, 2, 1));
    e.add(stochastic(1, 1, 1));
    e.add(stochastic(4, 10, 3)); // a smoothing window over 8: running sums instead of direct ones
    e.add(stochasticFast(5, 3));
    e.add(stochasticFast(3, 9));
    e.add(keltner(5, 3, 2));
    e.add(keltner(2, 6, 1.5));
    e.add(obv());
    return e;
  }

  private static Entry macd(int f, int s, int g) {
    return new Entry("macd " + f + "," + s + "," + g, CLOSE, b -> {
      Macd m = Indicators.macd(b.c(), f, s, g);
      return new double[][] {m.line(), m.signal(), m.histogram()};
    }, b -> {
      StreamingMacd m = StreamingMacd.of(f, s, g);
      double[][] out = new double[3][b.size()];
      for (int i = 0; i < b.size(); i++) {
        out[0][i] = m.update(b.c()[i]);
        out[1][i] = m.signal();
        out[2][i] = m.histogram();
      }
      return out;
    });
  }

  private static Entry bollinger(int n, double k) {
    return new Entry("bollinger " + n + "," + k, CLOSE, b -> {
      Bands d = Indicators.bollinger(b.c(), n, k);
      return new double[][] {d.upper(), d.middle(), d.lower(), d.width(), d.percentB(b.c())};
    }, b -> {
      StreamingBollinger d = StreamingBollinger.of(n, k);
      double[][] out = new double[5][b.size()];
      for (int i = 0; i < b.size(); i++) {
        out[1][i] = d.update(b.c()[i]);
        out[0][i] = d.upper();
        out[2][i] = d.lower();
        out[3][i] = d.width();
        out[4][i] = d.percentB();
      }
      return out;
    });
  }

  private static Entry adxDi(int n) {
    return new Entry("adx DI " + n, HIGH | LOW | CLOSE, b -> {
      Adx a = Indicators.adx(b.h(), b.l(), b.c(), n);
      return new double[][] {a.plusDi(), a.minusDi()};
    }, b -> {
      StreamingAdx a = StreamingAdx.of(n);
      double[][] out = new double[2][b.size()];
      for (int i = 0; i < b.size(); i++) {
        a.update(b.h()[i], b.l()[i], b.c()[i]);
        out[0][i] = a.plusDi();
        out[1][i] = a.minusDi();
      }
      return out;
    });
  }

  private static Entry stochastic(int k, int sk, int sd) {
    return new Entry("stochastic " + k + "," + sk + "," + sd, HIGH | LOW | CLOSE, b -> {
      Stochastic s = Indicators.stochastic(b.h(), b.l(), b.c(), k, sk, sd);
      return new double[][] {s.k(), s.d()};
    }, b -> {
      StreamingStochastic s = StreamingStochastic.of(k, sk, sd);
      double[][] out = new double[2][b.size()];
      for (int i = 0; i < b.size(); i++) {
        out[0][i] = s.update(b.h()[i], b.l()[i], b.c()[i]);
        out[1][i] = s.d();
      }
      return out;
    });
  }

  private static Entry stochasticFast(int k, int d) {
    return new Entry("stochasticFast " + k + "," + d, HIGH | LOW | CLOSE, b -> {
      Stochastic s = Indicators.stochasticFast(b.h(), b.l(), b.c(), k, d);
      return new double[][] {s.k(), s.d()};
    }, b -> {
      StreamingStochastic s = StreamingStochastic.fast(k, d);
      double[][] out = new double[2][b.size()];
      for (int i = 0; i < b.size(); i++) {
        out[0][i] = s.update(b.h()[i], b.l()[i], b.c()[i]);
        out[1][i] = s.d();
      }
      return out;
    });
  }

  private static Entry keltner(int n, int atr, double m) {
    return new Entry("keltner " + n + "," + atr + "," + m, HIGH | LOW | CLOSE, b -> {
      Bands k = Indicators.keltner(b.h(), b.l(), b.c(), n, atr, m);
      return new double[][] {k.upper(), k.middle(), k.lower()};
    }, b -> {
      StreamingKeltner k = StreamingKeltner.of(n, atr, m);
      double[][] out = new double[3][b.size()];
      for (int i = 0; i < b.size(); i++) {
        out[1][i] = k.update(b.h()[i], b.l()[i], b.c()[i]);
        out[0][i] = k.upper();
        out[2][i] = k.lower();
      }
      return out;
    });
  }

  private static Entry donchian(int n) {
    return new Entry("donchian " + n, HIGH | LOW, b -> {
      Bands d = Indicators.donchian(b.h(), b.l(), n);
      return new double[][] {d.upper(), d.middle(), d.lower()};
    }, b -> {
      StreamingDonchian d = StreamingDonchian.of(n);
      double[][] out = new double[3][b.size()];
      for (int i = 0; i < b.size(); i++) {
        out[1][i] = d.update(b.h()[i], b.l()[i]);
        out[0][i] = d.upper();
        out[2][i] = d.lower();
      }
      return out;
    });
  }

  private static Entry obv() {
    return new Entry("obv", CLOSE | VOLUME, b -> new double[][] {Indicators.obv(b.c(), b.v())},
        b -> {
          StreamingObv o = StreamingObv.of();
          double[] out = new double[b.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = o.update(b.c()[i], b.v()[i]);
          }
          return new double[][] {out};
        });
  }
}
