package io.github.quantfolio.risk;

import java.util.List;
import java.util.Objects;

/**
 * Brinson effects linked over several periods by {@link AttributionLinking}: per-sector
 * allocation, selection and interaction whose grand total equals the cumulative active return
 * {@code R_p - R_b} up to rounding. Arrays are in the order of {@code sectors}; they are copied
 * on construction and on access.
 *
 * @param linking the linking method
 * @param method the allocation formula of each period
 * @param sectors the sector names (unmodifiable)
 * @param periods the number of periods linked
 * @param portfolioReturn cumulative {@code R_p = prod_t (1 + R_p,t) - 1}
 * @param benchmarkReturn cumulative {@code R_b = prod_t (1 + R_b,t) - 1}
 * @param allocation linked allocation effect per sector
 * @param selection linked selection effect per sector
 * @param interaction linked interaction effect per sector
 * @since 0.1.0
 */
public record LinkedAttribution(LinkingMethod linking, BrinsonMethod method, List<String> sectors,
    int periods, double portfolioReturn, double benchmarkReturn, double[] allocation,
    double[] selection, double[] interaction) {

  /**
   * Copies the arrays and checks their lengths.
   *
   * @param linking the linking method
   * @param method the allocation formula
   * @param sectors the sector names
   * @param periods the number of periods
   * @param portfolioReturn the cumulative portfolio return
   * @param benchmarkReturn the cumulative benchmark return
   * @param allocation linked allocation per sector
   * @param selection linked selection per sector
   * @param interaction linked interaction per sector
   */
  public LinkedAttribution {
    Objects.requireNonNull(linking, "linking");
    Objects.requireNonNull(method, "method");
    sectors = List.copyOf(Objects.requireNonNull(sectors, "sectors"));
    allocation = Objects.requireNonNull(allocation, "allocation").clone();
    selection = Objects.requireNonNull(selection, "selection").clone();
    interaction = Objects.requireNonNull(interaction, "interaction").clone();
    int n = sectors.size();
    if (allocation.length != n || selection.length != n || interaction.length != n) {
      throw new IllegalArgumentException("expected " + n + " sectors but found allocation "
          + allocation.length + ", selection " + selection.length + ", interaction "
          + interaction.length);
    }
  }

  /**
   * Linked allocation per sector.
   *
   * @return a copy
   */
  @Override
  public double[] allocation() {
    return allocation.clone();
  }

  /**
   * Linked selection per sector.
   *
   * @return a copy
   */
  @Override
  public double[] selection() {
    return selection.clone();
  }

  /**
   * Linked interaction per sector.
   *
   * @return a copy
   */
  @Override
  public double[] interaction() {
    return interaction.clone();
  }

  /**
   * The cumulative active return {@code R_p - R_b}.
   *
   * @return portfolio minus benchmark cumulative return
   */
  public double activeReturn() {
    return portfolioReturn - benchmarkReturn;
  }

  /**
   * Total linked allocation over all sectors.
   *
   * @return the sum of {@link #allocation()}
   */
  public double totalAllocation() {
    return sum(allocation);
  }

  /**
   * Total linked selection over all sectors.
   *
   * @return the sum of {@link #selection()}
   */
  public double totalSelection() {
    return sum(selection);
  }

  /**
   * Total linked interaction over all sectors.
   *
   * @return the sum of {@link #interaction()}
   */
  public double totalInteraction() {
    return sum(interaction);
  }

  /**
   * The sum of all linked effects; equals {@link #activeReturn()} up to rounding.
   *
   * @return total allocation + selection + interaction
   */
  public double totalEffect() {
    return totalAllocation() + totalSelection() + totalInteraction();
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
