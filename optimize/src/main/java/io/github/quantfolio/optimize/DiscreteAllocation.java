package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns portfolio weights into whole numbers of shares for a given capital, greedily
 * ({@link #greedy()}, PyPortfolioOpt's {@code greedy_portfolio}) or by exact integer
 * programming ({@link #integerProgramming()}, PyPortfolioOpt's {@code lp_portfolio}). Immutable.
 *
 * <p>Long/short weights are split as in PyPortfolioOpt: the long weights, rescaled to sum to 1,
 * are allocated with the capital; the short weights' magnitudes, rescaled to sum to 1, with
 * {@code capital x shortRatio} (by default the sum of the short weights' magnitudes); short
 * positions are reported as negative share counts.
 *
 * @since 0.1.0
 */
public final class DiscreteAllocation {

  /**
   * A discrete allocation.
   *
   * @param shares whole shares per asset (negative = short), assets with none left out, in the
   *     weights' order
   * @param leftover cash not invested (long side plus short side)
   * @param rmse root-mean-square difference between the target weights and the weights realised,
   *     both relative to their side ({@code |w_i| / sum |w|} and {@code shares x price / value
   *     invested on that side}), over all assets with a non-zero weight (for a long-only
   *     allocation this is PyPortfolioOpt's {@code _allocation_rmse_error})
   */
  public record Result(Map<String, Long> shares, double leftover, double rmse) {
    /**
     * Copies the map (order kept) and checks the numbers are finite.
     *
     * @param shares whole shares per asset (negative = short), assets with none left out, in the
     *     weights' order
     * @param leftover cash not invested (long side plus short side), finite
     * @param rmse root-mean-square difference between the target weights and the weights realised,
     *     both relative to their side, finite (see the record's comment)
     */
    public Result {
      shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
      Checks.finite(leftover, "leftover");
      Checks.finite(rmse, "rmse");
    }

    /**
     * A table of asset and shares (negative = short), then the cash left over (in the prices'
     * currency) and the allocation error (in weight).
     */
    @Override
    public String toString() {
      TextTable t = new TextTable("asset", "shares");
      shares.forEach((a, n) -> t.row(a, Long.toString(n)));
      return t.render() + String.format(Locale.ROOT, "leftover cash %.2f (prices' currency), "
          + "allocation RMSE %.6f (weight, realised vs target)%n", leftover, rmse);
    }
  }

  /** The most shares of one asset whose count and value stay exact in double precision. */
  private static final double MAX_SHARES = 0x1p53;

  private final List<String> assets;
  private final double[] weights;
  private final double[] prices;
  private final double capital;
  private final double shortRatio; // NaN: sum of short weights' magnitudes

  private DiscreteAllocation(List<String> assets, double[] weights, double[] prices,
      double capital, double shortRatio) {
    this.assets = assets;
    this.weights = weights;
    this.prices = prices;
    this.capital = capital;
    this.shortRatio = shortRatio;
  }

  /**
   * An allocation problem.
   *
   * @param weights target weights (e.g. {@code optimalPortfolio.weights()}); zero weights are
   *     ignored
   * @param latestPrices price per share of every asset with a non-zero weight, &gt; 0 (e.g.
   *     {@code prices.latest()})
   * @param capital money to allocate, &gt; 0, in the prices' currency
   * @return the allocation problem (short proceeds by default the short weights' total times
   *     {@code capital})
   * @throws IllegalArgumentException if a price is missing or not &gt; 0 (named), no weight is
   *     non-zero, the capital is below the price of the cheapest asset to buy (named with its
   *     price: not one share could be bought), or would buy more than 2^53 shares of an asset
   */
  public static DiscreteAllocation of(Weights weights, AssetVector latestPrices, double capital) {
    Checks.notNull(weights, "weights");
    Checks.notNull(latestPrices, "latestPrices");
    Checks.positive(capital, "capital");
    List<String> names = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    List<Double> p = new ArrayList<>();
    for (String a : weights.assets()) {
      double v = weights.get(a);
      if (v == 0) {
        continue;
      }
      if (!latestPrices.contains(a)) {
        throw new IllegalArgumentException("No latest price for asset '" + a + "'");
      }
      double price = latestPrices.get(a);
      if (!(price > 0)) {
        throw new IllegalArgumentException("Latest price of '" + a + "' is " + price
            + "; expected > 0");
      }
      names.add(a);
      w.add(v);
      p.add(price);
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("Every weight is zero; nothing to allocate");
    }
    DiscreteAllocation a = new DiscreteAllocation(List.copyOf(names),
        w.stream().mapToDouble(Double::doubleValue).toArray(),
        p.stream().mapToDouble(Double::doubleValue).toArray(), capital, Double.NaN);
    a.checkBudgets(false);
    return a;
  }

  /**
   * Each side's money must buy at least one share of its cheapest asset (else the side would be
   * silently empty) and at most 2^53 shares of any asset (beyond that whole-share counts and
   * their values are no longer exact in double precision).
   */
  private void checkBudgets(boolean shortSide) {
    double shortTotal = 0;
    boolean anyLong = false;
    for (double v : weights) {
      if (v < 0) {
        shortTotal -= v;
      } else {
        anyLong = true;
      }
    }
    if (anyLong && !shortSide) {
      checkBudget(true, capital, "Capital " + TextTable.num(capital, 2));
    }
    if (shortTotal > 0 && shortSide) {
      boolean byDefault = Double.isNaN(shortRatio);
      double ratio = byDefault ? shortTotal : shortRatio;
      checkBudget(false, capital * ratio, "Short proceeds " + TextTable.num(capital * ratio, 2)
          + " (capital " + TextTable.num(capital, 2) + " x short ratio "
          + MeanVariance.fmt(ratio) + (byDefault ? ", the short weights' total" : "") + ")");
    }
  }

  private void checkBudget(boolean longSide, double value, String what) {
    int cheapest = -1;
    for (int i = 0; i < weights.length; i++) {
      if ((longSide ? weights[i] > 0 : weights[i] < 0)
          && (cheapest < 0 || prices[i] < prices[cheapest])) {
        cheapest = i;
      }
    }
    if (value < prices[cheapest]) {
      throw new IllegalArgumentException(what + " buys no whole share: the cheapest asset to "
          + (longSide ? "buy" : "sell short") + ", '" + assets.get(cheapest) + "', costs "
          + MeanVariance.fmt(prices[cheapest]));
    }
    if (!(value / prices[cheapest] <= MAX_SHARES)) {
      throw new IllegalArgumentException(what + " would buy " + MeanVariance.fmt(value
          / prices[cheapest]) + " shares of '" + assets.get(cheapest) + "' at "
          + MeanVariance.fmt(prices[cheapest]) + ", more than the 2^53 whole shares that can be "
          + "counted exactly");
    }
  }

  /**
   * The same problem with short proceeds of {@code capital x ratio} for the short side.
   *
   * @param ratio short proceeds as a multiple of the capital, finite and &gt; 0 (e.g. 0.3)
   * @return a copy of this problem with short proceeds of {@code capital x ratio}
   * @throws IllegalArgumentException if the short proceeds are below the price of the cheapest
   *     asset to sell short (named), or would sell more than 2^53 shares of one
   */
  public DiscreteAllocation withShortRatio(double ratio) {
    DiscreteAllocation a = new DiscreteAllocation(assets, weights, prices, capital,
        Checks.positive(ratio, "ratio"));
    a.checkBudgets(true);
    return a;
  }

  /**
   * Greedy allocation, per side: first {@code floor(w_i V / p_i)} shares of every asset (never
   * more than the side's value {@code V}); then, while cash remains, one share of the asset with
   * the largest positive deficit {@code w_i - (realised weight)} among those whose price fits in
   * the cash left (realised weights relative to the value invested so far). It stops when no
   * affordable asset is under its weight. Unlike PyPortfolioOpt, which gives up after ten
   * unaffordable candidates in one round, every affordable asset is considered.
   *
   * @return the whole shares per asset, the leftover cash and the allocation error
   * @throws IllegalArgumentException if the short proceeds are below the price of the cheapest
   *     asset to sell short (named), or would sell more than 2^53 shares of one
   */
  public Result greedy() {
    return allocate(this::side);
  }

  /**
   * Integer-programming allocation, per side (PyPortfolioOpt's {@code lp_portfolio}): whole shares
   * {@code x_i >= 0} minimising {@code sum_i |w_i V - x_i p_i| + (V - p'x)} subject to
   * {@code p'x <= V}, i.e. the value deviations plus the cash left over, solved exactly by a
   * branch and bound of our own on the equivalent problem "least total shortfall below the goals
   * {@code w_i V}" (the objective is twice that shortfall plus a constant; see the docs). An
   * exact fit of the money within {@code 1e-12} of it counts as a fit (prices in cents are not
   * exact in binary). Meant for tens of assets (milliseconds); share counts up to 2^53 are fine.
   * Long/short as described in the class comment.
   *
   * @return the whole shares per asset, the leftover cash and the allocation error
   * @throws IllegalArgumentException as {@link #greedy()}, for the short side
   * @throws OptimizationException if the search needs more than 20 million nodes (hundreds of
   *     assets with prices spread over many orders of magnitude); use {@link #greedy()} then
   */
  public Result integerProgramming() {
    return allocate(this::integerSide);
  }

  /** Allocates one side (longs or shorts); returns the side's unspent budget. */
  private interface SideAllocator {
    double allocate(boolean longSide, double total, double value, long[] shares,
        double[] realised, double[] target);
  }

  /** Splits the weights into sides, allocates each and reports shares, leftover and RMSE. */
  private Result allocate(SideAllocator method) {
    checkBudgets(true); // the short ratio is known now (it may be the default)
    int n = assets.size();
    double shortTotal = 0;
    double longTotal = 0;
    for (double v : weights) {
      if (v < 0) {
        shortTotal -= v;
      } else {
        longTotal += v;
      }
    }
    long[] shares = new long[n];
    double leftover = 0;
    double[] realised = new double[n];
    double[] target = new double[n];
    if (longTotal > 0) {
      leftover += method.allocate(true, longTotal, capital, shares, realised, target);
    }
    if (shortTotal > 0) {
      double ratio = Double.isNaN(shortRatio) ? shortTotal : shortRatio;
      leftover += method.allocate(false, shortTotal, capital * ratio, shares, realised, target);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    double sse = 0;
    for (int i = 0; i < n; i++) {
      if (shares[i] != 0) {
        out.put(assets.get(i), shares[i]);
      }
      double e = target[i] - realised[i];
      sse += e * e;
    }
    return new Result(out, leftover, Math.sqrt(sse / n));
  }

  private double integerSide(boolean longSide, double total, double value, long[] shares,
      double[] realised, double[] target) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < assets.size(); i++) {
      if (longSide ? weights[i] > 0 : weights[i] < 0) {
        idx.add(i);
        target[i] = Math.abs(weights[i]) / total;
      }
    }
    int m = idx.size();
    double[] px = new double[m];
    double[] goals = new double[m];
    for (int k = 0; k < m; k++) {
      int i = idx.get(k);
      px[k] = prices[i];
      goals[k] = target[i] * value;
    }
    long[] x = WholeShareSearch.solve(px, goals, value);
    double invested = 0;
    long[] count = new long[m];
    for (int k = 0; k < m; k++) {
      count[k] = x[k];
      invested += count[k] * px[k];
    }
    for (int k = 0; k < m; k++) {
      int i = idx.get(k);
      shares[i] = longSide ? count[k] : -count[k];
      realised[i] = invested > 0 ? count[k] * px[k] / invested : 0;
    }
    double left = value - invested;
    // an exact fit (within WholeShareSearch.FIT of the money) is rounding, not an overdraft
    return left < 0 && left >= -2 * WholeShareSearch.FIT * value ? 0 : left;
  }

  /** Allocates one side; returns its leftover; fills shares, realised and target weights. */
  private double side(boolean longSide, double total, double value, long[] shares,
      double[] realised, double[] target) {
    int n = assets.size();
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (longSide ? weights[i] > 0 : weights[i] < 0) {
        idx.add(i);
        target[i] = Math.abs(weights[i]) / total;
      }
    }
    double cash = value;
    double invested = 0;
    long[] count = new long[n];
    for (int i : idx) {
      long k = (long) Math.floor(target[i] * value / prices[i]);
      count[i] = k;
      cash -= k * prices[i];
      invested += k * prices[i];
    }
    while (true) {
      int best = -1;
      double bestDeficit = 0;
      for (int i : idx) {
        if (prices[i] > cash) {
          continue;
        }
        double current = invested > 0 ? count[i] * prices[i] / invested : 0;
        double deficit = target[i] - current;
        if (deficit > bestDeficit) {
          bestDeficit = deficit;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      count[best]++;
      cash -= prices[best];
      invested += prices[best];
    }
    for (int i : idx) {
      shares[i] = longSide ? count[i] : -count[i];
      realised[i] = invested > 0 ? count[i] * prices[i] / invested : 0;
    }
    return cash;
  }

  /**
   * The problem in one line: assets with a non-zero weight, capital (in the prices' currency)
   * and the short ratio, e.g. {@code DiscreteAllocation: 5 assets, capital 100000.00, short ratio
   * default (the short weights' total)}.
   */
  @Override
  public String toString() {
    return "DiscreteAllocation: " + assets.size() + " asset" + (assets.size() == 1 ? "" : "s")
        + ", capital " + TextTable.num(capital, 2) + " (prices' currency), short ratio "
        + (Double.isNaN(shortRatio) ? "default (the short weights' total)"
            : MeanVariance.fmt(shortRatio));
  }
}
