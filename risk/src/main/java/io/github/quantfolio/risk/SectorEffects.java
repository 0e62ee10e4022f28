package io.github.quantfolio.risk;

import java.util.Objects;

/**
 * One sector's line of a single-period Brinson attribution (see {@link BrinsonMethod} for the
 * formulas). Returns and effects are fractions (0.01 = 1 %).
 *
 * @param sector the sector name
 * @param portfolioWeight the portfolio's weight {@code w_p,i}
 * @param benchmarkWeight the benchmark's weight {@code w_b,i}
 * @param portfolioReturn the portfolio's return in the sector {@code R_p,i}
 * @param benchmarkReturn the benchmark's return in the sector {@code R_b,i}
 * @param allocation the allocation effect
 * @param selection the selection effect {@code w_b,i (R_p,i - R_b,i)}
 * @param interaction the interaction effect {@code (w_p,i - w_b,i)(R_p,i - R_b,i)}
 * @since 0.1.0
 */
public record SectorEffects(String sector, double portfolioWeight, double benchmarkWeight,
    double portfolioReturn, double benchmarkReturn, double allocation, double selection,
    double interaction) {

  /**
   * Checks the sector name.
   *
   * @param sector the sector name
   * @param portfolioWeight the portfolio's weight
   * @param benchmarkWeight the benchmark's weight
   * @param portfolioReturn the portfolio's sector return
   * @param benchmarkReturn the benchmark's sector return
   * @param allocation the allocation effect
   * @param selection the selection effect
   * @param interaction the interaction effect
   */
  public SectorEffects {
    Objects.requireNonNull(sector, "sector");
  }

  /**
   * The sector's total effect, allocation + selection + interaction.
   *
   * @return the sum of the three effects
   */
  public double total() {
    return allocation + selection + interaction;
  }
}
