package io.github.quantfolio.risk;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Multi-period Brinson attribution: each period is attributed as in {@link Attribution} and the
 * period effects are linked by {@link LinkingMethod#CARINO} or {@link LinkingMethod#MENCHERO}
 * coefficients {@code c_t}, so that {@code sum_i sum_t c_t (allocation + selection +
 * interaction)_i,t = R_p - R_b} with cumulative returns {@code 1 + R = prod_t (1 + R_t)}.
 *
 * <p>Inputs are primitive panels indexed {@code [period][sector]} (or {@code [period][asset]}),
 * read and never kept; the work is a few passes over the panel and allocates only per-period
 * scratch arrays. Every period is validated as in {@link Attribution} (weights sum to 1 within
 * {@link Attribution#WEIGHT_SUM_TOLERANCE}, finite values) and the message names the period.
 *
 * <p>Numerics: {@code ln(1 + R_t)} is summed per period with {@code log1p}, and differences of
 * compounded returns are formed as {@code e^{L_b} expm1(L_p - L_b)}, so near-equal returns lose
 * no digits to cancellation.
 *
 * @since 0.1.0
 */
public final class AttributionLinking {

  private AttributionLinking() {
  }

  /**
   * Links per-sector Brinson effects over {@code T} periods.
   *
   * @param linking Carino or Menchero
   * @param method BHB or Brinson-Fachler allocation in each period
   * @param sectors the sector names (distinct), the column order of every panel
   * @param portfolioWeights {@code [T][S]} portfolio sector weights, each row summing to 1
   * @param portfolioReturns {@code [T][S]} portfolio sector returns
   * @param benchmarkWeights {@code [T][S]} benchmark sector weights, each row summing to 1
   * @param benchmarkReturns {@code [T][S]} benchmark sector returns
   * @return linked per-sector effects and the cumulative returns
   * @throws IllegalArgumentException on no periods, ragged or mismatched panels, duplicate
   *     sectors, non-finite values or weights not summing to 1 (naming sector and period), or a
   *     period return at or below -100 %
   */
  public static LinkedAttribution link(LinkingMethod linking, BrinsonMethod method,
      List<String> sectors, double[][] portfolioWeights, double[][] portfolioReturns,
      double[][] benchmarkWeights, double[][] benchmarkReturns) {
    Objects.requireNonNull(linking, "linking");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(sectors, "sectors");
    Objects.requireNonNull(portfolioWeights, "portfolioWeights");
    Objects.requireNonNull(portfolioReturns, "portfolioReturns");
    Objects.requireNonNull(benchmarkWeights, "benchmarkWeights");
    Objects.requireNonNull(benchmarkReturns, "benchmarkReturns");
    if (new LinkedHashSet<>(sectors).size() != sectors.size()) {
      throw new IllegalArgumentException("sectors contain a duplicate: " + sectors);
    }
    int t = portfolioWeights.length;
    if (t == 0) {
      throw new IllegalArgumentException("expected at least 1 period but found 0");
    }
    if (portfolioReturns.length != t || benchmarkWeights.length != t
        || benchmarkReturns.length != t) {
      throw new IllegalArgumentException("expected " + t + " periods but found "
          + "portfolioReturns " + portfolioReturns.length + ", benchmarkWeights "
          + benchmarkWeights.length + ", benchmarkReturns " + benchmarkReturns.length);
    }
    double[] rp = new double[t];
    double[] rb = new double[t];
    for (int k = 0; k < t; k++) {
      Attribution.checkPeriod(sectors, portfolioWeights[k], portfolioReturns[k],
          benchmarkWeights[k], benchmarkReturns[k], k);
      rp[k] = dot(portfolioWeights[k], portfolioReturns[k]);
      rb[k] = dot(benchmarkWeights[k], benchmarkReturns[k]);
    }
    double[] c = new double[t];
    double[] cum = coefficients(linking, rp, rb, c);
    int n = sectors.size();
    double[] alloc = new double[n];
    double[] sel = new double[n];
    double[] inter = new double[n];
    boolean bhb = method == BrinsonMethod.BHB;
    for (int k = 0; k < t; k++) {
      double[] wp = portfolioWeights[k];
      double[] rpk = portfolioReturns[k];
      double[] wb = benchmarkWeights[k];
      double[] rbk = benchmarkReturns[k];
      double ck = c[k];
      double base = bhb ? 0 : rb[k];
      for (int i = 0; i < n; i++) {
        double active = wp[i] - wb[i];
        double diff = rpk[i] - rbk[i];
        alloc[i] += ck * active * (rbk[i] - base);
        sel[i] += ck * wb[i] * diff;
        inter[i] += ck * active * diff;
      }
    }
    return new LinkedAttribution(linking, method, sectors, t, cum[0], cum[1], alloc, sel, inter);
  }

  /**
   * Links Brinson effects computed from asset-level panels over a common asset universe: the
   * portfolio and benchmark hold the same assets with different weights, and asset {@code a}
   * belongs to sector {@code sectorOf[a]}. In each period a side's sector weight is the sum of
   * its asset weights and its sector return the weighted mean of the asset returns; where one
   * side holds nothing in a sector (all its weights there are 0) its sector return is taken
   * from the other side (no selection where nothing is held), and where neither does, both are
   * 0 (every effect of that sector is then 0).
   *
   * @param linking Carino or Menchero
   * @param method BHB or Brinson-Fachler allocation in each period
   * @param sectors the sector names; {@code sectorOf} indexes this list
   * @param sectorOf sector index of each asset (the column order of the panels)
   * @param portfolioWeights {@code [T][A]} portfolio asset weights, each row summing to 1
   * @param benchmarkWeights {@code [T][A]} benchmark asset weights, each row summing to 1
   * @param assetReturns {@code [T][A]} asset returns
   * @return linked per-sector effects and the cumulative returns
   * @throws IllegalArgumentException on mismatched shapes, a sector index out of range, a
   *     non-finite value (naming asset and period), a sector whose non-zero weights net to 0,
   *     or as in {@link #link}
   */
  public static LinkedAttribution linkByAsset(LinkingMethod linking, BrinsonMethod method,
      List<String> sectors, int[] sectorOf, double[][] portfolioWeights,
      double[][] benchmarkWeights, double[][] assetReturns) {
    Objects.requireNonNull(sectors, "sectors");
    Objects.requireNonNull(sectorOf, "sectorOf");
    Objects.requireNonNull(portfolioWeights, "portfolioWeights");
    Objects.requireNonNull(benchmarkWeights, "benchmarkWeights");
    Objects.requireNonNull(assetReturns, "assetReturns");
    int t = portfolioWeights.length;
    int n = sectors.size();
    int assets = sectorOf.length;
    for (int a = 0; a < assets; a++) {
      if (sectorOf[a] < 0 || sectorOf[a] >= n) {
        throw new IllegalArgumentException("sectorOf of asset " + a + " is " + sectorOf[a]
            + ", expected 0.." + (n - 1));
      }
    }
    if (benchmarkWeights.length != t || assetReturns.length != t) {
      throw new IllegalArgumentException("expected " + t + " periods but found "
          + "benchmarkWeights " + benchmarkWeights.length + ", assetReturns "
          + assetReturns.length);
    }
    double[][] wp = new double[t][n];
    double[][] rp = new double[t][n];
    double[][] wb = new double[t][n];
    double[][] rb = new double[t][n];
    boolean[] heldP = new boolean[n];
    boolean[] heldB = new boolean[n];
    for (int k = 0; k < t; k++) {
      double[] pw = portfolioWeights[k];
      double[] bw = benchmarkWeights[k];
      double[] r = assetReturns[k];
      if (pw.length != assets || bw.length != assets || r.length != assets) {
        throw new IllegalArgumentException("expected " + assets + " assets in period " + k
            + " but found portfolioWeights " + pw.length + ", benchmarkWeights " + bw.length
            + ", assetReturns " + r.length);
      }
      Arrays.fill(heldP, false);
      Arrays.fill(heldB, false);
      double[] swp = wp[k];
      double[] srp = rp[k];
      double[] swb = wb[k];
      double[] srb = rb[k];
      for (int a = 0; a < assets; a++) {
        double ra = r[a];
        if (!Double.isFinite(ra) || !Double.isFinite(pw[a]) || !Double.isFinite(bw[a])) {
          throw new IllegalArgumentException("asset " + a + " in period " + k
              + " has portfolio weight " + pw[a] + ", benchmark weight " + bw[a]
              + ", return " + ra + ", expected finite numbers");
        }
        int s = sectorOf[a];
        swp[s] += pw[a];
        srp[s] += pw[a] * ra;
        swb[s] += bw[a];
        srb[s] += bw[a] * ra;
        heldP[s] |= pw[a] != 0;
        heldB[s] |= bw[a] != 0;
      }
      for (int s = 0; s < n; s++) {
        double pr = sectorReturn(heldP[s], swp[s], srp[s], "portfolio", sectors, s, k);
        double br = sectorReturn(heldB[s], swb[s], srb[s], "benchmark", sectors, s, k);
        srp[s] = heldP[s] ? pr : heldB[s] ? br : 0;
        srb[s] = heldB[s] ? br : heldP[s] ? pr : 0;
      }
    }
    return link(linking, method, sectors, wp, rp, wb, rb);
  }

  private static double sectorReturn(boolean held, double w, double wr, String side,
      List<String> sectors, int s, int period) {
    if (!held) {
      return 0;
    }
    if (w == 0) {
      throw new IllegalArgumentException("the " + side + " weights of sector '" + sectors.get(s)
          + "' in period " + period + " net to 0, so its sector return is undefined");
    }
    return wr / w;
  }

  /**
   * Fills the linking coefficients and returns the cumulative {portfolio, benchmark} returns.
   */
  static double[] coefficients(LinkingMethod linking, double[] rp, double[] rb, double[] c) {
    int t = rp.length;
    double lp = 0;
    double lb = 0;
    for (int k = 0; k < t; k++) {
      if (!(rp[k] > -1) || !(rb[k] > -1)) {
        throw new IllegalArgumentException("period " + k + " has portfolio return " + rp[k]
            + " and benchmark return " + rb[k] + ", expected both > -1 to compound");
      }
      lp += Math.log1p(rp[k]);
      lb += Math.log1p(rb[k]);
    }
    double x = lp - lb;
    // R_p - R_b = e^{L_b} (e^{L_p - L_b} - 1), free of cancellation when the two are close
    double active = Math.exp(lb) * Math.expm1(x);
    if (linking == LinkingMethod.CARINO) {
      double bigK = x == 0 ? Math.exp(-lb) : x / active;
      for (int k = 0; k < t; k++) {
        double d = rp[k] - rb[k];
        double small = d == 0 ? 1 / (1 + rb[k]) : Math.log1p(d / (1 + rb[k])) / d;
        c[k] = small / bigK;
      }
    } else {
      // M = (D / T) / ((1+R_p)^{1/T} - (1+R_b)^{1/T}); the denominator is
      // e^{L_b / T} expm1(x / T), and for x = 0 the limit is (1+R)^{1 - 1/T}
      double m = x == 0 ? Math.exp(lb * (1 - 1.0 / t))
          : (active / t) / (Math.exp(lb / t) * Math.expm1(x / t));
      double sumA = 0;
      double sumA2 = 0;
      for (int k = 0; k < t; k++) {
        double d = rp[k] - rb[k];
        sumA += d;
        sumA2 += d * d;
      }
      double scale = sumA2 == 0 ? 0 : (active - m * sumA) / sumA2;
      for (int k = 0; k < t; k++) {
        c[k] = m + scale * (rp[k] - rb[k]);
      }
    }
    return new double[] {Math.expm1(lp), Math.expm1(lb)};
  }

  private static double dot(double[] w, double[] r) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * r[i];
    }
    return s;
  }
}
