package io.github.quantfolio.optimize;

import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The data of one mean-variance problem, as {@link MeanVariance} validated it, and the quantities
 * every solver part reads off it (risk, turnover, tracking error, the constraints in words).
 * Immutable by convention: the arrays are never modified after construction and never handed to
 * callers.
 *
 * @param assets asset names, in weight order
 * @param mu annualised expected returns; null for a minimum-volatility-only problem
 * @param cov annualised covariance, positive semidefinite
 * @param lower lower bounds (may be {@code -Infinity})
 * @param upper upper bounds (may be {@code +Infinity})
 * @param boundsText the bounds in words, e.g. "bounds [0, 1]" or "per-asset bounds"
 * @param marketNeutral budget 0 instead of 1
 * @param gamma L2 regularisation: the risk model is {@code S + gamma I}
 * @param sectors sector limits (only sectors with a finite limit)
 * @param previous current weights {@code w0}; null without transaction cost or turnover limit
 * @param costK transaction cost per unit of turnover (in force only with {@code previous})
 * @param maxTurnover turnover limit, {@code +Infinity} for none
 * @param benchmark benchmark weights; null without tracking-error limit
 * @param maxTe tracking-error limit, {@code +Infinity} for none
 */
record MeanVarianceSpec(List<String> assets, double[] mu, double[][] cov, double[] lower,
    double[] upper, String boundsText, boolean marketNeutral, double gamma, List<Sector> sectors,
    double[] previous, double costK, double maxTurnover, double[] benchmark, double maxTe) {

  /** A sector limit {@code lower <= sum_{i in members} w_i <= upper} (infinite side: none). */
  record Sector(String name, int[] members, double lower, double upper) {
  }

  /** A problem with only bounds, budget, sectors and L2 (no trading options). */
  static MeanVarianceSpec of(List<String> assets, double[] mu, double[][] cov, double[] lower,
      double[] upper, String boundsText, boolean marketNeutral, double gamma,
      List<Sector> sectors) {
    return new MeanVarianceSpec(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma,
        sectors, null, 0, Double.POSITIVE_INFINITY, null, Double.POSITIVE_INFINITY);
  }

  /** The same problem with other bounds, budget, L2 or sectors; trading options kept. */
  MeanVarianceSpec withConstraints(double[] lo, double[] hi, String text, boolean neutral,
      double g, List<Sector> sec) {
    return new MeanVarianceSpec(assets, mu, cov, lo, hi, text, neutral, g, sec, previous, costK,
        maxTurnover, benchmark, maxTe);
  }

  /** The same problem with other previous weights, cost and turnover limit. */
  MeanVarianceSpec withTrading(double[] w0, double k, double turnoverLimit) {
    return new MeanVarianceSpec(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma,
        sectors, w0, k, turnoverLimit, benchmark, maxTe);
  }

  /** The same problem with another tracking-error limit. */
  MeanVarianceSpec withTracking(double[] b, double te) {
    return new MeanVarianceSpec(assets, mu, cov, lower, upper, boundsText, marketNeutral, gamma,
        sectors, previous, costK, maxTurnover, b, te);
  }

  /**
   * The sector limits of {@link MeanVariance#withSectorConstraints}: sectors in the order their
   * first asset appears, only those with a finite limit.
   *
   * @throws IllegalArgumentException if a limit names a sector without assets, is not finite, or
   *     lower exceeds upper
   */
  static List<Sector> sectors(List<String> assets, Function<String, String> sectorOf,
      Map<String, Double> lower, Map<String, Double> upper) {
    Checks.notNull(sectorOf, "sectorOf");
    Checks.notNull(lower, "lower");
    Checks.notNull(upper, "upper");
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    for (int i = 0; i < assets.size(); i++) {
      String s = sectorOf.apply(assets.get(i));
      if (s == null) {
        throw new NullPointerException("sectorOf returned null for asset '" + assets.get(i) + "'");
      }
      members.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
    }
    for (String s : lower.keySet()) {
      requireSector(members, s, "lower");
    }
    for (String s : upper.keySet()) {
      requireSector(members, s, "upper");
    }
    List<Sector> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      String s = e.getKey();
      double lo = lower.containsKey(s)
          ? Checks.finite(lower.get(s), "lower limit of sector '" + s + "'")
          : Double.NEGATIVE_INFINITY;
      double hi = upper.containsKey(s)
          ? Checks.finite(upper.get(s), "upper limit of sector '" + s + "'")
          : Double.POSITIVE_INFINITY;
      if (lo > hi) {
        throw new IllegalArgumentException("Sector '" + s + "' has lower limit "
            + Diagnostics.fmt(lo) + " above its upper limit " + Diagnostics.fmt(hi));
      }
      if (lo > Double.NEGATIVE_INFINITY || hi < Double.POSITIVE_INFINITY) {
        out.add(new Sector(s, e.getValue().stream().mapToInt(Integer::intValue).toArray(), lo, hi));
      }
    }
    return List.copyOf(out);
  }

  private static void requireSector(Map<String, List<Integer>> members, String s, String side) {
    if (!members.containsKey(s)) {
      throw new IllegalArgumentException("Sector '" + s + "' in the " + side + " limits has no "
          + "assets; sectors are " + members.keySet());
    }
  }

  /** Weights in asset order (missing assets 0); {@code what} starts the unknown-asset message. */
  double[] weightArray(Weights w, String what) {
    for (String a : w.assets()) {
      if (!assets.contains(a)) {
        throw new IllegalArgumentException(what + " '" + a + "', which is not an asset of this "
            + "problem " + assets);
      }
    }
    double[] out = new double[assets.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = w.getOrZero(assets.get(i));
    }
    return out;
  }

  int n() {
    return assets.size();
  }

  /** The budget: 1, or 0 when market neutral. */
  double budget() {
    return marketNeutral ? 0 : 1;
  }

  /** Whether costs, a turnover limit or a tracking-error limit are set. */
  boolean trading() {
    return previous != null || benchmark != null;
  }

  /** The cost weight in force: {@code k} with previous weights, else 0. */
  double costWeight() {
    return previous == null ? 0 : costK;
  }

  /** {@code factor (S + gamma I)}. */
  double[][] riskMatrix(double factor) {
    int n = n();
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q[i][j] = factor * cov[i][j];
      }
      q[i][i] += factor * gamma;
    }
    return q;
  }

  /** {@code sqrt(w'(S + gamma I)w)}. */
  double risk(double[] w) {
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      double s = gamma * w[i];
      for (int j = 0; j < w.length; j++) {
        s += cov[i][j] * w[j];
      }
      v += w[i] * s;
    }
    return Math.sqrt(Math.max(v, 0));
  }

  /** {@code ||w - w0||_1}. */
  double turnover(double[] w) {
    double t = 0;
    for (int i = 0; i < w.length; i++) {
      t += Math.abs(w[i] - previous[i]);
    }
    return t;
  }

  /** {@code sqrt((w - b)'S(w - b))}. */
  double trackingError(double[] w) {
    double v = 0;
    for (int i = 0; i < w.length; i++) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        s += cov[i][j] * (w[j] - benchmark[j]);
      }
      v += (w[i] - benchmark[i]) * s;
    }
    return Math.sqrt(Math.max(0, v));
  }

  /** The bounds, sector limits and market neutrality in words: "bounds [0, 1], 2 sector limits". */
  String describe() {
    StringBuilder sb = new StringBuilder(boundsText);
    if (!sectors.isEmpty()) {
      sb.append(", ").append(sectors.size()).append(" sector limit")
          .append(sectors.size() > 1 ? "s" : "");
    }
    if (marketNeutral) {
      sb.append(", market neutral");
    }
    return sb.toString();
  }

  /** {@link #describe()} plus the turnover and tracking-error limits. */
  String describeTrading() {
    StringBuilder sb = new StringBuilder(describe());
    if (maxTurnover < Double.POSITIVE_INFINITY) {
      sb.append(", turnover limit ").append(Diagnostics.fmt(maxTurnover));
    }
    if (benchmark != null) {
      sb.append(", tracking error limit ").append(Diagnostics.fmt(maxTe));
    }
    return sb.toString();
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
