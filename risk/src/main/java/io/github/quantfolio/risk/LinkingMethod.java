package io.github.quantfolio.risk;

/**
 * How {@link AttributionLinking} turns per-period arithmetic effects into effects over the whole
 * span that sum exactly to the cumulative active return {@code R_p - R_b}, where
 * {@code 1 + R = prod_t (1 + R_t)}. Each period's effects are scaled by a period coefficient
 * {@code c_t}; the linked effect is {@code sum_t c_t effect_t}.
 *
 * @since 0.1.0
 */
public enum LinkingMethod {
  /**
   * Carino (1999), "Combining Attribution Effects Over Time", Journal of Performance Measurement
   * 3(4): {@code c_t = k_t / K} with {@code k_t = (ln(1+R_p,t) - ln(1+R_b,t)) / (R_p,t - R_b,t)}
   * and {@code K = (ln(1+R_p) - ln(1+R_b)) / (R_p - R_b)}; when the two returns are equal the
   * ratio is replaced by its limit {@code 1 / (1 + R)}.
   */
  CARINO,
  /**
   * Menchero (2000), "An Optimized Approach to Linking Attribution Effects Over Time", Journal of
   * Performance Measurement 5(1): {@code c_t = M + alpha_t} with
   * {@code M = ((R_p - R_b) / T) / ((1+R_p)^(1/T) - (1+R_b)^(1/T))} (limit
   * {@code (1+R)^(1-1/T)} when equal) and the least-squares correction
   * {@code alpha_t = (R_p - R_b - M sum_s a_s) a_t / sum_s a_s^2}, {@code a_t = R_p,t - R_b,t}
   * ({@code alpha_t = 0} when every {@code a_t} is 0).
   */
  MENCHERO
}
