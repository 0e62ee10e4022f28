package io.github.quantfolio.risk;

/**
 * How a Brinson attribution measures the allocation effect of sector {@code i}, with portfolio
 * and benchmark weights {@code w_p,i}, {@code w_b,i}, sector returns {@code R_p,i}, {@code R_b,i}
 * and total benchmark return {@code R_b = sum_i w_b,i R_b,i}. Selection
 * {@code w_b,i (R_p,i - R_b,i)} and interaction {@code (w_p,i - w_b,i)(R_p,i - R_b,i)} are the
 * same in both; the three effects of every sector sum to {@code w_p,i R_p,i - w_b,i R_b,i}
 * (BHB) and the totals to the active return {@code R_p - R_b} (both).
 *
 * @since 0.1.0
 */
public enum BrinsonMethod {
  /**
   * Brinson, Hood and Beebower (1986), "Determinants of Portfolio Performance", Financial
   * Analysts Journal 42(4): allocation {@code (w_p,i - w_b,i) R_b,i}.
   */
  BHB,
  /**
   * Brinson and Fachler (1985), "Measuring Non-US Equity Portfolio Performance", Journal of
   * Portfolio Management 11(3): allocation {@code (w_p,i - w_b,i)(R_b,i - R_b)}, so that
   * overweighting a sector that beat the whole benchmark is rewarded, not any sector with a
   * positive return. The total allocation equals BHB's because the active weights sum to zero.
   */
  BRINSON_FACHLER
}
