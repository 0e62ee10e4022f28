package io.github.quantfolio.risk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Geometric (multiplicative) sector attribution without residual, after Bacon (2008),
 * "Practical Portfolio Performance Measurement and Attribution", 2nd ed., chapter 6, and Burnie,
 * Knowles and Teder (1998), "Arithmetic and Geometric Attribution", Journal of Performance
 * Measurement 3(1). With the semi-notional return {@code R_s = sum_i w_p,i R_b,i}:
 *
 * <pre>
 *   allocation_i = (w_p,i - w_b,i) ((1 + R_b,i) / (1 + R_b) - 1)
 *   selection_i  = w_p,i (R_p,i - R_b,i) / (1 + R_s)
 *   sum_i allocation_i = (1 + R_s) / (1 + R_b) - 1
 *   sum_i selection_i  = (1 + R_p) / (1 + R_s) - 1
 *   (1 + allocation)(1 + selection) - 1 = (1 + R_p) / (1 + R_b) - 1   (geometric excess)
 * </pre>
 *
 * Interaction is part of selection. Over several periods the total effects compound, so the
 * identity holds for the whole span with no linking coefficients ({@link #compound}).
 * Input rules are those of {@link Attribution}; returns must be &gt; -1.
 *
 * @param sectors the sector names (unmodifiable)
 * @param portfolioReturn {@code R_p}
 * @param benchmarkReturn {@code R_b}
 * @param semiNotionalReturn {@code R_s}
 * @param allocation geometric allocation per sector (copied on construction and access)
 * @param selection geometric selection per sector (copied on construction and access)
 * @since 0.1.0
 */
public record GeometricAttribution(List<String> sectors, double portfolioReturn,
    double benchmarkReturn, double semiNotionalReturn, double[] allocation, double[] selection) {

  /**
   * Geometric effects compounded over several periods.
   *
   * @param periods the number of periods
   * @param portfolioReturn cumulative {@code R_p}
   * @param benchmarkReturn cumulative {@code R_b}
   * @param allocation {@code prod_t (1 + allocation_t) - 1}
   * @param selection {@code prod_t (1 + selection_t) - 1}
   */
  public record Compounded(int periods, double portfolioReturn, double benchmarkReturn,
      double allocation, double selection) {

    /**
     * The cumulative geometric excess {@code (1 + R_p) / (1 + R_b) - 1}.
     *
     * @return the geometric excess return
     */
    public double geometricExcess() {
      return (1 + portfolioReturn) / (1 + benchmarkReturn) - 1;
    }
  }

  /**
   * Copies the arrays.
   *
   * @param sectors the sector names
   * @param portfolioReturn the portfolio return
   * @param benchmarkReturn the benchmark return
   * @param semiNotionalReturn the semi-notional return
   * @param allocation allocation per sector
   * @param selection selection per sector
   */
  public GeometricAttribution {
    sectors = List.copyOf(Objects.requireNonNull(sectors, "sectors"));
    allocation = Objects.requireNonNull(allocation, "allocation").clone();
    selection = Objects.requireNonNull(selection, "selection").clone();
    if (allocation.length != sectors.size() || selection.length != sectors.size()) {
      throw new IllegalArgumentException("expected " + sectors.size() + " sectors but found "
          + "allocation " + allocation.length + ", selection " + selection.length);
    }
  }

  /**
   * Geometric attribution of one period.
   *
   * @param sectors the sector names (distinct)
   * @param portfolioWeights {@code w_p,i}, summing to 1
   * @param portfolioReturns {@code R_p,i}
   * @param benchmarkWeights {@code w_b,i}, summing to 1
   * @param benchmarkReturns {@code R_b,i}
   * @return per-sector and total geometric effects
   * @throws IllegalArgumentException as {@link Attribution#brinson(BrinsonMethod, List,
   *     double[], double[], double[], double[])}, or if {@code R_b} or {@code R_s} is at or
   *     below -1
   */
  public static GeometricAttribution of(List<String> sectors, double[] portfolioWeights,
      double[] portfolioReturns, double[] benchmarkWeights, double[] benchmarkReturns) {
    Objects.requireNonNull(sectors, "sectors");
    if (new LinkedHashSet<>(sectors).size() != sectors.size()) {
      throw new IllegalArgumentException("sectors contain a duplicate: " + sectors);
    }
    Attribution.checkPeriod(sectors, portfolioWeights, portfolioReturns, benchmarkWeights,
        benchmarkReturns, -1);
    int n = sectors.size();
    double rp = 0;
    double rb = 0;
    double rs = 0;
    for (int i = 0; i < n; i++) {
      rp += portfolioWeights[i] * portfolioReturns[i];
      rb += benchmarkWeights[i] * benchmarkReturns[i];
      rs += portfolioWeights[i] * benchmarkReturns[i];
    }
    if (!(rb > -1) || !(rs > -1)) {
      throw new IllegalArgumentException("benchmark return " + rb + " and semi-notional return "
          + rs + " must both be > -1");
    }
    double[] alloc = new double[n];
    double[] sel = new double[n];
    for (int i = 0; i < n; i++) {
      alloc[i] = (portfolioWeights[i] - benchmarkWeights[i])
          * ((benchmarkReturns[i] - rb) / (1 + rb));
      sel[i] = portfolioWeights[i] * (portfolioReturns[i] - benchmarkReturns[i]) / (1 + rs);
    }
    return new GeometricAttribution(sectors, rp, rb, rs, alloc, sel);
  }

  /**
   * Geometric attribution of each period of {@code [period][sector]} panels, compounded.
   *
   * @param sectors the sector names (distinct)
   * @param portfolioWeights {@code [T][S]} portfolio weights
   * @param portfolioReturns {@code [T][S]} portfolio returns
   * @param benchmarkWeights {@code [T][S]} benchmark weights
   * @param benchmarkReturns {@code [T][S]} benchmark returns
   * @return the compounded allocation and selection and the cumulative returns
   * @throws IllegalArgumentException on no periods, mismatched panels, or bad input in a period
   */
  public static Compounded compound(List<String> sectors, double[][] portfolioWeights,
      double[][] portfolioReturns, double[][] benchmarkWeights, double[][] benchmarkReturns) {
    Objects.requireNonNull(portfolioWeights, "portfolioWeights");
    Objects.requireNonNull(portfolioReturns, "portfolioReturns");
    Objects.requireNonNull(benchmarkWeights, "benchmarkWeights");
    Objects.requireNonNull(benchmarkReturns, "benchmarkReturns");
    int t = portfolioWeights.length;
    if (t == 0 || portfolioReturns.length != t || benchmarkWeights.length != t
        || benchmarkReturns.length != t) {
      throw new IllegalArgumentException("expected the same number (>= 1) of periods but found "
          + t + ", " + portfolioReturns.length + ", " + benchmarkWeights.length + ", "
          + benchmarkReturns.length);
    }
    double gp = 1;
    double gb = 1;
    double ga = 1;
    double gs = 1;
    for (int k = 0; k < t; k++) {
      GeometricAttribution g;
      try {
        g = of(sectors, portfolioWeights[k], portfolioReturns[k], benchmarkWeights[k],
            benchmarkReturns[k]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("period " + k + ": " + e.getMessage(), e);
      }
      gp *= 1 + g.portfolioReturn;
      gb *= 1 + g.benchmarkReturn;
      ga *= 1 + g.totalAllocation();
      gs *= 1 + g.totalSelection();
    }
    return new Compounded(t, gp - 1, gb - 1, ga - 1, gs - 1);
  }

  /**
   * Allocation per sector.
   *
   * @return a copy
   */
  @Override
  public double[] allocation() {
    return allocation.clone();
  }

  /**
   * Selection per sector.
   *
   * @return a copy
   */
  @Override
  public double[] selection() {
    return selection.clone();
  }

  /**
   * Total geometric allocation, {@code (1 + R_s) / (1 + R_b) - 1} up to rounding.
   *
   * @return the sum of the sector allocations
   */
  public double totalAllocation() {
    double s = 0;
    for (double v : allocation) {
      s += v;
    }
    return s;
  }

  /**
   * Total geometric selection, {@code (1 + R_p) / (1 + R_s) - 1} up to rounding.
   *
   * @return the sum of the sector selections
   */
  public double totalSelection() {
    double s = 0;
    for (double v : selection) {
      s += v;
    }
    return s;
  }

  /**
   * The geometric excess return {@code (1 + R_p) / (1 + R_b) - 1}.
   *
   * @return the geometric excess return
   */
  public double geometricExcess() {
    return (1 + portfolioReturn) / (1 + benchmarkReturn) - 1;
  }
}
