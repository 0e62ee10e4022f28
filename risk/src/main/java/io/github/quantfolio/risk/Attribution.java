package io.github.quantfolio.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Single-period Brinson performance attribution by sector. For sector {@code i} with portfolio
 * and benchmark weights {@code w_p,i}, {@code w_b,i} and returns {@code R_p,i}, {@code R_b,i}:
 *
 * <pre>
 *   R_p = sum_i w_p,i R_p,i            R_b = sum_i w_b,i R_b,i
 *   allocation_i  = (w_p,i - w_b,i) R_b,i               (BHB)
 *                 = (w_p,i - w_b,i)(R_b,i - R_b)        (Brinson-Fachler)
 *   selection_i   = w_b,i (R_p,i - R_b,i)
 *   interaction_i = (w_p,i - w_b,i)(R_p,i - R_b,i)
 *   sum_i (allocation_i + selection_i + interaction_i) = R_p - R_b
 * </pre>
 *
 * <p>References: Brinson, Hood and Beebower (1986), Financial Analysts Journal 42(4); Brinson and
 * Fachler (1985), Journal of Portfolio Management 11(3); Bacon (2008), Practical Portfolio
 * Performance Measurement and Attribution, 2nd ed., chapter 5. Multi-period linking is in
 * {@link AttributionLinking}.
 *
 * <p>Inputs: each side's weights must sum to 1 within {@value #WEIGHT_SUM_TOLERANCE} (long-short
 * books are fine, as long as the net weight is 1); every weight and return must be finite. Bad
 * input throws {@link IllegalArgumentException} naming the side, sector and value; arrays are
 * read, never kept or modified.
 *
 * @since 0.1.0
 */
public final class Attribution {

  /** How far each side's weights may sum from 1. */
  public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

  private Attribution() {
  }

  /**
   * Brinson attribution from per-sector arrays, all in the order of {@code sectors}.
   *
   * @param method BHB or Brinson-Fachler allocation
   * @param sectors the sector names (distinct)
   * @param portfolioWeights {@code w_p,i}, summing to 1
   * @param portfolioReturns {@code R_p,i}
   * @param benchmarkWeights {@code w_b,i}, summing to 1
   * @param benchmarkReturns {@code R_b,i}
   * @return per-sector and total effects
   * @throws IllegalArgumentException on mismatched lengths, duplicate sectors, non-finite values
   *     or weights not summing to 1
   */
  public static AttributionResult brinson(BrinsonMethod method, List<String> sectors,
      double[] portfolioWeights, double[] portfolioReturns, double[] benchmarkWeights,
      double[] benchmarkReturns) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(sectors, "sectors");
    int n = sectors.size();
    if (new LinkedHashSet<>(sectors).size() != n) {
      throw new IllegalArgumentException("sectors contain a duplicate: " + sectors);
    }
    checkPeriod(sectors, portfolioWeights, portfolioReturns, benchmarkWeights, benchmarkReturns,
        -1);
    double rp = 0;
    double rb = 0;
    for (int i = 0; i < n; i++) {
      rp += portfolioWeights[i] * portfolioReturns[i];
      rb += benchmarkWeights[i] * benchmarkReturns[i];
    }
    List<SectorEffects> lines = new ArrayList<>(n);
    double alloc = 0;
    double sel = 0;
    double inter = 0;
    for (int i = 0; i < n; i++) {
      double active = portfolioWeights[i] - benchmarkWeights[i];
      double diff = portfolioReturns[i] - benchmarkReturns[i];
      double a = active * (method == BrinsonMethod.BHB
          ? benchmarkReturns[i] : benchmarkReturns[i] - rb);
      double s = benchmarkWeights[i] * diff;
      double x = active * diff;
      alloc += a;
      sel += s;
      inter += x;
      lines.add(new SectorEffects(sectors.get(i), portfolioWeights[i], benchmarkWeights[i],
          portfolioReturns[i], benchmarkReturns[i], a, s, x));
    }
    return new AttributionResult(method, lines, rp, rb, alloc, sel, inter);
  }

  /**
   * Brinson attribution from per-sector maps. Both sides must name the same sectors (give an
   * unheld sector weight 0 and a return explicitly), and each side's returns the same sectors as
   * its weights. Sectors are reported in the order of {@code portfolioWeights}.
   *
   * @param method BHB or Brinson-Fachler allocation
   * @param portfolioWeights sector to {@code w_p,i}
   * @param portfolioReturns sector to {@code R_p,i}
   * @param benchmarkWeights sector to {@code w_b,i}
   * @param benchmarkReturns sector to {@code R_b,i}
   * @return per-sector and total effects
   * @throws IllegalArgumentException if a sector is missing on one side, or as in
   *     {@link #brinson(BrinsonMethod, List, double[], double[], double[], double[])}
   */
  public static AttributionResult brinson(BrinsonMethod method,
      Map<String, Double> portfolioWeights, Map<String, Double> portfolioReturns,
      Map<String, Double> benchmarkWeights, Map<String, Double> benchmarkReturns) {
    List<String> sectors = new ArrayList<>(
        Objects.requireNonNull(portfolioWeights, "portfolioWeights").keySet());
    requireSameSectors(sectors, "portfolioWeights", portfolioReturns, "portfolioReturns");
    requireSameSectors(sectors, "portfolioWeights", benchmarkWeights, "benchmarkWeights");
    requireSameSectors(sectors, "portfolioWeights", benchmarkReturns, "benchmarkReturns");
    return brinson(method, sectors, values(sectors, portfolioWeights, "portfolioWeights"),
        values(sectors, portfolioReturns, "portfolioReturns"),
        values(sectors, benchmarkWeights, "benchmarkWeights"),
        values(sectors, benchmarkReturns, "benchmarkReturns"));
  }

  /**
   * Brinson attribution from asset-level weights and returns, grouped by a sector map. Each
   * side's sector weight is {@code sum w_a} and its sector return the weighted mean
   * {@code sum w_a r_a / sum w_a} over the side's assets in the sector. A sector that only one
   * side holds gets weight 0 on the other side and, there, the holding side's sector return:
   * nothing held means no selection to measure, so its selection and interaction are 0 and the
   * whole difference is allocation. A sector whose weights net to 0 on a side with holdings
   * cannot have a sector return and is rejected. Sectors are reported in order of first
   * appearance (portfolio assets, then benchmark assets).
   *
   * @param method BHB or Brinson-Fachler allocation
   * @param portfolioWeights asset to portfolio weight (summing to 1)
   * @param portfolioReturns asset to return, for every asset of {@code portfolioWeights}
   * @param benchmarkWeights asset to benchmark weight (summing to 1)
   * @param benchmarkReturns asset to return, for every asset of {@code benchmarkWeights}
   * @param sectorOf asset to sector, for every asset of both sides
   * @return per-sector and total effects
   * @throws IllegalArgumentException naming the asset if a return or sector is missing or a
   *     value is not finite, or as in the per-sector overload
   */
  public static AttributionResult brinsonByAsset(BrinsonMethod method,
      Map<String, Double> portfolioWeights, Map<String, Double> portfolioReturns,
      Map<String, Double> benchmarkWeights, Map<String, Double> benchmarkReturns,
      Map<String, String> sectorOf) {
    Objects.requireNonNull(sectorOf, "sectorOf");
    Map<String, double[]> p = group(portfolioWeights, portfolioReturns, sectorOf, "portfolio");
    Map<String, double[]> b = group(benchmarkWeights, benchmarkReturns, sectorOf, "benchmark");
    Set<String> all = new LinkedHashSet<>(p.keySet());
    all.addAll(b.keySet());
    List<String> sectors = new ArrayList<>(all);
    int n = sectors.size();
    double[] wp = new double[n];
    double[] rp = new double[n];
    double[] wb = new double[n];
    double[] rb = new double[n];
    for (int i = 0; i < n; i++) {
      double[] ps = p.get(sectors.get(i));
      double[] bs = b.get(sectors.get(i));
      double pr = ps == null ? Double.NaN : sectorReturn(ps, "portfolio", sectors.get(i));
      double br = bs == null ? Double.NaN : sectorReturn(bs, "benchmark", sectors.get(i));
      wp[i] = ps == null ? 0 : ps[0];
      wb[i] = bs == null ? 0 : bs[0];
      rp[i] = ps == null ? br : pr;
      rb[i] = bs == null ? pr : br;
    }
    return brinson(method, sectors, wp, rp, wb, rb);
  }

  private static double sectorReturn(double[] sums, String side, String sector) {
    if (sums[0] == 0) {
      throw new IllegalArgumentException("the " + side + " weights of sector '" + sector
          + "' net to 0, so its sector return is undefined");
    }
    return sums[1] / sums[0];
  }

  /** Sector to {sum of weights, sum of weight x return}, in order of first appearance. */
  private static Map<String, double[]> group(Map<String, Double> weights,
      Map<String, Double> returns, Map<String, String> sectorOf, String side) {
    Objects.requireNonNull(weights, side + "Weights");
    Objects.requireNonNull(returns, side + "Returns");
    Map<String, double[]> out = new LinkedHashMap<>();
    double sum = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      String asset = e.getKey();
      double w = requireFinite(e.getValue(), side + " weight of asset '" + asset + "'");
      Double r = returns.get(asset);
      if (r == null) {
        throw new IllegalArgumentException(side + "Returns has no return for asset '" + asset
            + "'");
      }
      requireFinite(r, side + " return of asset '" + asset + "'");
      String sector = sectorOf.get(asset);
      if (sector == null) {
        throw new IllegalArgumentException("sectorOf has no sector for asset '" + asset + "'");
      }
      double[] s = out.computeIfAbsent(sector, k -> new double[2]);
      s[0] += w;
      s[1] += w * r;
      sum += w;
    }
    checkSum(sum, side + " asset weights", -1);
    return out;
  }

  private static double requireFinite(Double v, String what) {
    if (v == null || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " is " + v + ", expected a finite number");
    }
    return v;
  }

  private static void requireSameSectors(List<String> sectors, String refName,
      Map<String, Double> other, String otherName) {
    Objects.requireNonNull(other, otherName);
    for (String s : sectors) {
      if (!other.containsKey(s)) {
        throw new IllegalArgumentException("sector '" + s + "' is in " + refName
            + " but missing from " + otherName);
      }
    }
    for (String s : other.keySet()) {
      if (!sectors.contains(s)) {
        throw new IllegalArgumentException("sector '" + s + "' is in " + otherName
            + " but missing from " + refName);
      }
    }
  }

  private static double[] values(List<String> sectors, Map<String, Double> m, String name) {
    double[] out = new double[sectors.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = m.get(sectors.get(i));
      if (v == null) {
        throw new IllegalArgumentException(name + " of sector '" + sectors.get(i)
            + "' is null");
      }
      out[i] = v;
    }
    return out;
  }

  /**
   * Checks one period's four arrays: lengths, finiteness and weight sums.
   *
   * @param period the period index for messages, or -1 for a single period
   */
  static void checkPeriod(List<String> sectors, double[] wp, double[] rp, double[] wb,
      double[] rb, int period) {
    Objects.requireNonNull(wp, "portfolioWeights");
    Objects.requireNonNull(rp, "portfolioReturns");
    Objects.requireNonNull(wb, "benchmarkWeights");
    Objects.requireNonNull(rb, "benchmarkReturns");
    int n = sectors.size();
    String at = period < 0 ? "" : " in period " + period;
    if (wp.length != n || rp.length != n || wb.length != n || rb.length != n) {
      throw new IllegalArgumentException("expected " + n + " sectors" + at + " but found "
          + "portfolioWeights " + wp.length + ", portfolioReturns " + rp.length
          + ", benchmarkWeights " + wb.length + ", benchmarkReturns " + rb.length);
    }
    double sp = 0;
    double sb = 0;
    for (int i = 0; i < n; i++) {
      finite(wp[i], "portfolio weight", sectors, i, period);
      finite(rp[i], "portfolio return", sectors, i, period);
      finite(wb[i], "benchmark weight", sectors, i, period);
      finite(rb[i], "benchmark return", sectors, i, period);
      sp += wp[i];
      sb += wb[i];
    }
    checkSum(sp, "portfolio weights", period);
    checkSum(sb, "benchmark weights", period);
  }

  private static void finite(double v, String what, List<String> sectors, int i, int period) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " of sector '" + sectors.get(i) + "'"
          + (period < 0 ? "" : " in period " + period) + " is " + v
          + ", expected a finite number");
    }
  }

  private static void checkSum(double sum, String what, int period) {
    if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE)) {
      throw new IllegalArgumentException(what + (period < 0 ? "" : " of period " + period)
          + " sum to " + sum + ", expected 1 within " + WEIGHT_SUM_TOLERANCE);
    }
  }
}
