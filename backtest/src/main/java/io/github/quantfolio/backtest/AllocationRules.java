package io.github.quantfolio.backtest;

import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.indicators.Regime;
import io.github.quantfolio.indicators.RegimeDetector;
import io.github.quantfolio.risk.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The allocation rules of seeds 003 and 004 behind {@link Allocator}'s combinators: trailing
 * Sharpe ratios, performance weights, top-N selection, a correlation cap, a volatility target
 * and a regime switch. Statistics use the window's simple returns; a NaN return (before a late
 * listing) is skipped, and an asset with fewer than {@link #MIN_RETURNS} returns has no Sharpe
 * ratio and is left out of the selections (named in the exception when nothing is left).
 */
final class AllocationRules {

  /** The fewest returns an asset needs for a trailing Sharpe ratio. */
  static final int MIN_RETURNS = 20;

  private AllocationRules() {
  }

  /** Each asset's simple returns over the window (NaN where a price is missing). */
  static double[][] returns(PriceFrame window) {
    double[][] prices = window.toArray();
    double[][] r = new double[prices.length][];
    for (int a = 0; a < prices.length; a++) {
      double[] p = prices[a];
      r[a] = new double[Math.max(0, p.length - 1)];
      for (int t = 1; t < p.length; t++) {
        r[a][t - 1] = p[t] / p[t - 1] - 1;
      }
    }
    return r;
  }

  /**
   * Annualised trailing Sharpe ratio (zero risk-free rate, {@code Metrics.sharpeRatio}); NaN
   * below MIN_RETURNS valid returns or for a constant series (which Metrics calls infinite).
   */
  static double sharpe(double[] r, Frequency frequency) {
    int n = 0;
    for (double x : r) {
      n += Double.isNaN(x) ? 0 : 1;
    }
    if (n < MIN_RETURNS || Metrics.annualVolatility(r, frequency) == 0) {
      return Double.NaN;
    }
    return Metrics.sharpeRatio(r, 0, frequency);
  }

  static Map<String, Double> sharpes(PriceFrame window) {
    double[][] r = returns(window);
    Frequency f = window.frequency();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int a = 0; a < r.length; a++) {
      out.put(window.assets().get(a), sharpe(r[a], f));
    }
    return out;
  }

  /** Weights proportional to the positive trailing Sharpe ratios. */
  static Weights performanceWeighted(PriceFrame window) {
    Map<String, Double> s = sharpes(window);
    Map<String, Double> w = new LinkedHashMap<>();
    double sum = 0;
    for (Map.Entry<String, Double> e : s.entrySet()) {
      if (e.getValue() > 0) {
        w.put(e.getKey(), e.getValue());
        sum += e.getValue();
      }
    }
    if (w.isEmpty()) {
      throw new IllegalArgumentException("performanceWeighted: no asset has a positive trailing"
          + " Sharpe ratio over the window ending " + window.index().last() + " " + fmt(s));
    }
    for (Map.Entry<String, Double> e : w.entrySet()) {
      e.setValue(e.getValue() / sum);
    }
    return Weights.of(w);
  }

  /** The n assets with the highest trailing Sharpe ratio (ties: the earlier asset). */
  static List<String> top(PriceFrame window, int n) {
    Map<String, Double> s = sharpes(window);
    List<String> ranked = new ArrayList<>();
    s.forEach((a, v) -> {
      if (!Double.isNaN(v)) {
        ranked.add(a);
      }
    });
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException("top " + n + ": no asset has " + MIN_RETURNS
          + " returns and a non-zero volatility in the window ending " + window.index().last());
    }
    ranked.sort((x, y) -> Double.compare(s.get(y), s.get(x)));
    return ranked.subList(0, Math.min(n, ranked.size()));
  }

  /**
   * The assets left after dropping, for each pair whose return correlation is above
   * {@code max} (most correlated pair first), the one with the lower trailing Sharpe ratio.
   */
  static List<String> correlationCapped(PriceFrame window, double max) {
    double[][] r = returns(window);
    List<String> assets = window.assets();
    Map<String, Double> s = sharpes(window);
    int k = assets.size();
    record Pair(int i, int j, double c) {
    }
    List<Pair> high = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        double c = Metrics.correlation(r[i], r[j]);
        if (c > max) {
          high.add(new Pair(i, j, c));
        }
      }
    }
    high.sort((x, y) -> Double.compare(y.c(), x.c()));
    boolean[] dropped = new boolean[k];
    for (Pair p : high) {
      if (dropped[p.i()] || dropped[p.j()]) {
        continue;
      }
      double si = s.get(assets.get(p.i()));
      double sj = s.get(assets.get(p.j()));
      // The weaker performer goes; an unknown Sharpe ratio counts as the weaker.
      boolean dropJ = Double.isNaN(sj) || (!Double.isNaN(si) && si >= sj);
      dropped[dropJ ? p.j() : p.i()] = true;
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (!dropped[i]) {
        kept.add(assets.get(i));
      }
    }
    return kept;
  }

  /**
   * The weights scaled by {@code min(maxLeverage, target / forecast)}, where the forecast is the
   * annualised volatility of the weighted portfolio's returns over the window (its historical
   * volatility with these weights held constant); the rest stays in cash.
   */
  static Weights volatilityTarget(Weights w, PriceFrame window, double target,
      double maxLeverage) {
    double[][] r = returns(window.select(w.assets()));
    int periods = r.length == 0 ? 0 : r[0].length;
    double[] wa = w.toArray();
    double[] port = new double[periods];
    for (int t = 0; t < periods; t++) {
      double x = 0;
      for (int a = 0; a < wa.length; a++) {
        x += wa[a] * (Double.isNaN(r[a][t]) ? 0 : r[a][t]); // not yet listed: not held
      }
      port[t] = x;
    }
    double vol = Metrics.annualVolatility(port, window.frequency()); // NaN below 2 returns
    if (!(vol > 0)) {
      throw new IllegalArgumentException("volatilityTarget: the portfolio's volatility over the"
          + " window ending " + window.index().last() + " is " + vol + "; cannot scale to "
          + target);
    }
    double scale = Math.min(maxLeverage, target / vol);
    double[] scaled = new double[wa.length];
    for (int a = 0; a < wa.length; a++) {
      scaled[a] = wa[a] * scale;
    }
    return Weights.of(w.assets(), scaled);
  }

  /**
   * The regime of the window's equal-weighted index of its assets (closes only: the detector
   * sees the index as high = low = close), at the window's last row.
   */
  static Regime regime(PriceFrame window, RegimeDetector detector) {
    double[][] p = window.toArray();
    int rows = window.rows();
    double[] index = new double[rows];
    for (int t = 0; t < rows; t++) {
      double sum = 0;
      int n = 0;
      for (double[] col : p) {
        if (!Double.isNaN(col[t]) && !Double.isNaN(col[0])) {
          sum += col[t] / col[0];
          n++;
        }
      }
      index[t] = n == 0 ? Double.NaN : sum / n;
    }
    Regime[] labels = detector.classify(index, index, index);
    return labels[rows - 1];
  }

  private static String fmt(Map<String, Double> m) {
    StringBuilder b = new StringBuilder("(trailing Sharpe:");
    m.forEach((a, v) -> b.append(' ').append(a).append(' ')
        .append(String.format(Locale.ROOT, "%.2f", v)));
    return b.append(')').toString();
  }
}
