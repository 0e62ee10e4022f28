package io.github.quantfolio.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Contribution to return of each position over one period, {@code c_i = w_i r_i}, whose sum is
 * the portfolio return {@code sum_i w_i r_i} (Bacon 2008, chapter 5, "contribution"). Grouped by
 * any map (sector, strategy, ...) the group contribution is the sum of its members'. Weights
 * need not sum to 1 (a sleeve's contribution to a larger book is fine).
 *
 * @param positions one line per position, in input order (unmodifiable)
 * @since 0.1.0
 */
public record Contributions(List<Contribution> positions) {

  /**
   * One position's contribution.
   *
   * @param name the asset (or strategy) name
   * @param weight its weight {@code w_i}
   * @param periodReturn its return {@code r_i}
   * @param contribution {@code w_i r_i}
   */
  public record Contribution(String name, double weight, double periodReturn,
      double contribution) {

    /**
     * Checks the name.
     *
     * @param name the asset name
     * @param weight its weight
     * @param periodReturn its return
     * @param contribution its contribution
     */
    public Contribution {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * Copies the list.
   *
   * @param positions the per-position lines
   */
  public Contributions {
    positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
  }

  /**
   * Contributions from weights and returns.
   *
   * @param weights asset to weight
   * @param returns asset to return, for every asset of {@code weights} (extra assets ignored:
   *     an unheld asset contributes nothing)
   * @return the per-asset contributions in the order of {@code weights}
   * @throws IllegalArgumentException naming the asset if its return is missing or a value is
   *     not finite
   */
  public static Contributions of(Map<String, Double> weights, Map<String, Double> returns) {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(returns, "returns");
    List<Contribution> out = new ArrayList<>(weights.size());
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      String a = e.getKey();
      Double w = e.getValue();
      Double r = returns.get(a);
      if (r == null) {
        throw new IllegalArgumentException("returns has no return for asset '" + a + "'");
      }
      if (w == null || !Double.isFinite(w) || !Double.isFinite(r)) {
        throw new IllegalArgumentException("asset '" + a + "' has weight " + w + " and return "
            + r + ", expected finite numbers");
      }
      out.add(new Contribution(a, w, r, w * r));
    }
    return new Contributions(out);
  }

  /**
   * The total contribution, the portfolio return {@code sum_i w_i r_i}.
   *
   * @return the sum of the contributions
   */
  public double total() {
    double s = 0;
    for (Contribution c : positions) {
      s += c.contribution();
    }
    return s;
  }

  /**
   * Contributions summed by group (sector, strategy, ...), in order of first appearance.
   *
   * @param groupOf name to group, for every position
   * @return group to summed contribution
   * @throws IllegalArgumentException naming the position that has no group
   */
  public Map<String, Double> byGroup(Map<String, String> groupOf) {
    Objects.requireNonNull(groupOf, "groupOf");
    Map<String, Double> out = new LinkedHashMap<>();
    for (Contribution c : positions) {
      String g = groupOf.get(c.name());
      if (g == null) {
        throw new IllegalArgumentException("groupOf has no group for '" + c.name() + "'");
      }
      out.merge(g, c.contribution(), Double::sum);
    }
    return out;
  }

  /**
   * The largest positive contributions, largest first (ties in input order).
   *
   * @param n how many at most
   * @return up to {@code n} positions with contribution &gt; 0
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public List<Contribution> topContributors(int n) {
    return pick(n, true);
  }

  /**
   * The most negative contributions, most negative first (ties in input order).
   *
   * @param n how many at most
   * @return up to {@code n} positions with contribution &lt; 0
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public List<Contribution> topDetractors(int n) {
    return pick(n, false);
  }

  private List<Contribution> pick(int n, boolean positive) {
    if (n < 0) {
      throw new IllegalArgumentException("expected n >= 0 but found " + n);
    }
    Comparator<Contribution> byValue = Comparator.comparingDouble(Contribution::contribution);
    return positions.stream()
        .filter(c -> positive ? c.contribution() > 0 : c.contribution() < 0)
        .sorted(positive ? byValue.reversed() : byValue)
        .limit(n)
        .toList();
  }
}
