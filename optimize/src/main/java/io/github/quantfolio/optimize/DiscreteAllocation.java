package io.github.quantfolio.optimize;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns portfolio weights into whole numbers of shares at the latest prices for a given capital
 * (the greedy algorithm of PyPortfolioOpt's {@code DiscreteAllocation.greedy_portfolio}, without
 * its ten-step search cap):
 *
 * <ol>
 *   <li>buy {@code floor(w_i C / p_i)} shares of each asset (never over budget);
 *   <li>then repeatedly buy one share of the affordable asset with the largest value deficit
 *       {@code w_i C - shares_i p_i > 0}, until no affordable asset has a deficit.
 * </ol>
 *
 * With short positions (negative weights), longs and shorts are allocated separately, as
 * PyPortfolioOpt does: the positive weights, normalised to sum to 1, get the capital {@code C};
 * the absolute negative weights, normalised, get {@code C x shortRatio} (by default the sum of
 * the absolute negative weights), whose sale proceeds are not reinvested.
 *
 * @since 0.1.0
 */
public final class DiscreteAllocation {

  /**
   * A whole-share allocation.
   *
   * @param shares shares per asset (negative = short), assets with no share left out
   * @param leftover cash not spent on long positions (currency units)
   * @param rmse root-mean-square difference between the target weights and the weights the
   *     shares realise, over all target assets (PyPortfolioOpt's allocation error)
   */
  public record Allocation(Map<String, Long> shares, double leftover, double rmse) {
    /** Copies the share map. */
    public Allocation {
      shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    @Override
    public String toString() {
      TextTable t = new TextTable("asset", "shares");
      for (Map.Entry<String, Long> e : shares.entrySet()) {
        t.row(e.getKey(), Long.toString(e.getValue()));
      }
      return t.render() + "leftover " + TextTable.num(leftover, 2) + ", allocation RMSE "
          + TextTable.num(rmse, 6) + "\n";
    }
  }

  private DiscreteAllocation() {
  }

  /** Greedy allocation of {@code capital}; shorts (if any) use the default short ratio. */
  public static Allocation greedy(Weights weights, AssetVector latestPrices, double capital) {
    Checks.notNull(weights, "weights");
    double shortSum = -weights.shortExposure();
    return greedy(weights, latestPrices, capital, shortSum);
  }

  /**
   * Greedy allocation with an explicit short ratio (short value as a fraction of capital).
   *
   * @throws IllegalArgumentException if an asset has no price, a price is not positive, the
   *     capital is not positive, or the weights are all zero
   */
  public static Allocation greedy(Weights weights, AssetVector latestPrices, double capital,
      double shortRatio) {
    Checks.notNull(weights, "weights");
    Checks.notNull(latestPrices, "latestPrices");
    Checks.positive(capital, "capital");
    Checks.finite(shortRatio, "shortRatio");
    if (shortRatio < 0) {
      throw new IllegalArgumentException("Expected shortRatio >= 0, but found " + shortRatio);
    }
    List<String> assets = weights.assets();
    double[] w = weights.toArray();
    double[] p = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      if (!latestPrices.contains(assets.get(i))) {
        throw new IllegalArgumentException("No latest price for '" + assets.get(i) + "'");
      }
      p[i] = latestPrices.get(assets.get(i));
      if (!(p[i] > 0)) {
        throw new IllegalArgumentException("Latest price of '" + assets.get(i) + "' is " + p[i]
            + "; expected > 0");
      }
    }
    double longSum = weights.longExposure();
    double shortSum = -weights.shortExposure();
    if (longSum == 0 && shortSum == 0) {
      throw new IllegalArgumentException("Every weight is zero; nothing to allocate");
    }
    long[] shares = new long[w.length];
    double leftover = capital;
    if (longSum > 0) {
      leftover = allocate(w, p, capital, longSum, 1, shares);
    }
    if (shortSum > 0 && shortRatio > 0) {
      allocate(w, p, capital * shortRatio, shortSum, -1, shares);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < w.length; i++) {
      if (shares[i] != 0) {
        out.put(assets.get(i), shares[i]);
      }
    }
    return new Allocation(out, leftover, rmse(w, p, shares));
  }

  /** Allocates one side (sign +1 longs, -1 shorts); returns the unspent budget. */
  private static double allocate(double[] w, double[] p, double budget, double sideSum, int sign,
      long[] shares) {
    int n = w.length;
    double[] target = new double[n];
    List<Integer> side = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (Math.signum(w[i]) == sign) {
        target[i] = Math.abs(w[i]) / sideSum * budget;
        side.add(i);
      }
    }
    double funds = budget;
    double[] held = new double[n];
    for (int i : side) {
      long k = (long) Math.floor(target[i] / p[i]);
      shares[i] = sign * k;
      held[i] = k * p[i];
      funds -= held[i];
    }
    while (true) {
      int best = -1;
      double bestDeficit = 0;
      for (int i : side) {
        double deficit = target[i] - held[i];
        if (p[i] <= funds && deficit > bestDeficit) {
          best = i;
          bestDeficit = deficit;
        }
      }
      if (best < 0) {
        return funds;
      }
      shares[best] += sign;
      held[best] += p[best];
      funds -= p[best];
    }
  }

  private static double rmse(double[] w, double[] p, long[] shares) {
    double value = 0;
    for (int i = 0; i < w.length; i++) {
      value += Math.abs(shares[i]) * p[i];
    }
    double sse = 0;
    for (int i = 0; i < w.length; i++) {
      double realised = value == 0 ? 0 : shares[i] * p[i] / value;
      sse += (w[i] - realised) * (w[i] - realised);
    }
    return Math.sqrt(sse / w.length);
  }
}
