package io.github.quantfolio.backtest.internal;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prices of N assets on T shared timestamps, row-major ({@code [t * N + i]}) because the engine
 * walks time in the outer loop. NaN marks a bar on which an asset has no price. Open, high and
 * low equal the close for close-only data ({@link #hasOhlc()} false).
 */
public final class MarketData {

  private final TimeIndex index;
  private final List<String> assets;
  private final Frequency frequency;
  private final int rows;
  private final int n;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final boolean ohlc;
  private final String[] labels; // filled on first use; racy but benign (Strings are immutable)

  private MarketData(TimeIndex index, List<String> assets, Frequency frequency, double[] open,
      double[] high, double[] low, double[] close, boolean ohlc) {
    this.index = index;
    this.assets = List.copyOf(assets);
    this.frequency = frequency;
    this.rows = index.size();
    this.n = assets.size();
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.ohlc = ohlc;
    this.labels = new String[rows];
  }

  /** The label of row {@code t} (ISO date or date-time), formatted once per row. */
  public String label(int t) {
    String l = labels[t];
    if (l == null) {
      l = index.label(t);
      labels[t] = l;
    }
    return l;
  }

  /** Close-only data from a price frame (prices already validated by the frame). */
  public static MarketData of(PriceFrame prices) {
    int rows = prices.rows();
    int n = prices.assetCount();
    double[] close = new double[rows * n];
    for (int i = 0; i < n; i++) {
      double[] c = prices.column(i);
      for (int t = 0; t < rows; t++) {
        close[t * n + i] = c[t];
      }
    }
    return new MarketData(prices.index(), prices.assets(), prices.frequency(), close, close, close,
        close, false);
  }

  /**
   * OHLC data of several instruments on the union of their timestamps; an instrument has NaN on
   * the timestamps it lacks (e.g. before it was listed).
   */
  public static MarketData of(List<Bars> bars) {
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one Bars, but found none");
    }
    List<String> names = new ArrayList<>(bars.size());
    Set<String> seen = new HashSet<>();
    TimeIndex union = bars.get(0).index();
    for (Bars b : bars) {
      if (!seen.add(b.symbol())) {
        throw new IllegalArgumentException("Duplicate symbol '" + b.symbol() + "' in bars");
      }
      names.add(b.symbol());
      if (b.index().kind() != union.kind()) {
        throw new IllegalArgumentException("Bars of '" + b.symbol() + "' are indexed by "
            + b.index().kind() + ", but '" + names.get(0) + "' by " + union.kind());
      }
      union = union.union(b.index());
    }
    int rows = union.size();
    int n = bars.size();
    double[] o = new double[rows * n];
    double[] h = new double[rows * n];
    double[] l = new double[rows * n];
    double[] c = new double[rows * n];
    java.util.Arrays.fill(o, Double.NaN);
    java.util.Arrays.fill(h, Double.NaN);
    java.util.Arrays.fill(l, Double.NaN);
    java.util.Arrays.fill(c, Double.NaN);
    for (int i = 0; i < n; i++) {
      Bars b = bars.get(i);
      TimeIndex own = b.index();
      double[] bo = b.open();
      double[] bh = b.high();
      double[] bl = b.low();
      double[] bc = b.close();
      int t = 0;
      for (int k = 0; k < own.size(); k++) {
        long v = own.value(k);
        while (union.value(t) < v) {
          t++;
        }
        int at = t * n + i;
        o[at] = bo[k];
        h[at] = bh[k];
        l[at] = bl[k];
        c[at] = bc[k];
      }
    }
    Frequency f;
    try {
      f = bars.get(0).frequency();
    } catch (IllegalStateException unknown) {
      f = union.inferFrequency();
    }
    return new MarketData(union, names, f, o, h, l, c, true);
  }

  public TimeIndex index() {
    return index;
  }

  public List<String> assets() {
    return assets;
  }

  public Frequency frequency() {
    return frequency;
  }

  public int rows() {
    return rows;
  }

  public int assetCount() {
    return n;
  }

  /** Row-major opens (not copied: read only). */
  public double[] open() {
    return open;
  }

  /** Row-major highs (not copied: read only). */
  public double[] high() {
    return high;
  }

  /** Row-major lows (not copied: read only). */
  public double[] low() {
    return low;
  }

  /** Row-major closes (not copied: read only). */
  public double[] close() {
    return close;
  }

  /** True for OHLC bars, false for close-only data. */
  public boolean hasOhlc() {
    return ohlc;
  }

  /** Asset {@code i}'s closes as a column (a copy). */
  public double[] closeColumn(int i) {
    return column(close, i);
  }

  /** Asset {@code i}'s column of a row-major array (a copy). */
  public double[] column(double[] rowMajor, int i) {
    double[] c = new double[rows];
    for (int t = 0; t < rows; t++) {
      c[t] = rowMajor[t * n + i];
    }
    return c;
  }
}
