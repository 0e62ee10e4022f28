package io.github.quantfolio.risk.internal;

import org.hipparchus.distribution.continuous.NormalDistribution;

/** The standard normal distribution through Hipparchus; the risk module's only Hipparchus use. */
public final class Normal {

  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

  private Normal() {
  }

  /** {@code Phi^-1(p)} for {@code 0 < p < 1}. */
  public static double quantile(double p) {
    return STANDARD.inverseCumulativeProbability(p);
  }

  /** {@code phi(z)}, the density. */
  public static double density(double z) {
    return STANDARD.density(z);
  }

  /** {@code Phi(z)}, the distribution function. */
  public static double cdf(double z) {
    return STANDARD.cumulativeProbability(z);
  }
}
