package io.github.quantfolio.risk;

import java.util.List;
import java.util.Objects;

/**
 * A single-period Brinson attribution: one line per sector (in input order) and the totals.
 * The totals are the sums of the sector lines, and allocation + selection + interaction equals
 * the active return {@code R_p - R_b} up to rounding (a few ulps).
 *
 * @param method the allocation formula used
 * @param sectors the per-sector effects, in input order (copied, unmodifiable)
 * @param portfolioReturn {@code R_p = sum_i w_p,i R_p,i}
 * @param benchmarkReturn {@code R_b = sum_i w_b,i R_b,i}
 * @param allocation the total allocation effect
 * @param selection the total selection effect
 * @param interaction the total interaction effect
 * @since 0.1.0
 */
public record AttributionResult(BrinsonMethod method, List<SectorEffects> sectors,
    double portfolioReturn, double benchmarkReturn, double allocation, double selection,
    double interaction) {

  /**
   * Copies the sector list.
   *
   * @param method the allocation formula used
   * @param sectors the per-sector effects
   * @param portfolioReturn the portfolio return
   * @param benchmarkReturn the benchmark return
   * @param allocation the total allocation effect
   * @param selection the total selection effect
   * @param interaction the total interaction effect
   */
  public AttributionResult {
    Objects.requireNonNull(method, "method");
    sectors = List.copyOf(Objects.requireNonNull(sectors, "sectors"));
  }

  /**
   * The active (excess) return {@code R_p - R_b} that the effects explain.
   *
   * @return portfolio return minus benchmark return
   */
  public double activeReturn() {
    return portfolioReturn - benchmarkReturn;
  }

  /**
   * The sum of the three total effects; equals {@link #activeReturn()} up to rounding.
   *
   * @return allocation + selection + interaction
   */
  public double totalEffect() {
    return allocation + selection + interaction;
  }

  /**
   * The line of one sector.
   *
   * @param sector the sector name
   * @return that sector's effects
   * @throws IllegalArgumentException if the sector is not in the attribution
   */
  public SectorEffects sector(String sector) {
    Objects.requireNonNull(sector, "sector");
    for (SectorEffects s : sectors) {
      if (s.sector().equals(sector)) {
        return s;
      }
    }
    throw new IllegalArgumentException("sector '" + sector + "' is not in the attribution");
  }
}
