package io.github.quantfolio.core.internal;

/**
 * A small deterministic random generator for the market simulator: xoshiro256** (Blackman and
 * Vigna) seeded through SplitMix64, in plain {@code long} arithmetic. Every variate uses only
 * IEEE arithmetic and {@link StrictMath}, so a seed gives bit-identical output on every JVM.
 *
 * <p>{@link #split()} hands out non-overlapping streams, so that each kind of draw (parameters,
 * regimes, returns, bars) has its own sequence and changing how many of one kind are drawn never
 * shifts another.
 *
 * <p>Not thread-safe; not for cryptography.
 */
public final class RandomSource {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  /** The xoshiro256 jump polynomial for 2^128 steps. */
  private static final long[] JUMP = {
      0x180ec6d33cfd0abaL, 0xd5a61266f0c9392cL, 0xa9582618e03fc9aaL, 0x39abdc4529b1661cL};

  private long s0;
  private long s1;
  private long s2;
  private long s3;
  /** The second normal of the last polar pair, used by the next {@link #nextGaussian()} call. */
  private double spare;
  private boolean hasSpare;

  /** A generator whose state is four successive SplitMix64 outputs starting from {@code seed}. */
  public RandomSource(long seed) {
    long x = seed;
    s0 = mix(x += GOLDEN_GAMMA);
    s1 = mix(x += GOLDEN_GAMMA);
    s2 = mix(x += GOLDEN_GAMMA);
    s3 = mix(x + GOLDEN_GAMMA);
  }

  private RandomSource(RandomSource other) {
    s0 = other.s0;
    s1 = other.s1;
    s2 = other.s2;
    s3 = other.s3;
    spare = other.spare;
    hasSpare = other.hasSpare;
  }

  /** SplitMix64's output function (Stafford variant 13). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A generator continuing from this one's current state; this one then jumps ahead 2^128
   * steps, so the two sequences cannot overlap in any practical use.
   */
  public RandomSource split() {
    RandomSource copy = new RandomSource(this);
    jump();
    hasSpare = false;
    return copy;
  }

  private void jump() {
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    for (long word : JUMP) {
      for (int b = 0; b < 64; b++) {
        if ((word & (1L << b)) != 0) {
          t0 ^= s0;
          t1 ^= s1;
          t2 ^= s2;
          t3 ^= s3;
        }
        nextLong();
      }
    }
    s0 = t0;
    s1 = t1;
    s2 = t2;
    s3 = t3;
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** A uniform double in [0, 1): the top 53 bits of {@link #nextLong()} times 2^-53. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * A standard normal variate by Marsaglia's polar method: each accepted pair of uniforms gives
   * two normals, the second returned by the next call.
   */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  }

  /**
   * A Gamma(shape, 1) variate by Marsaglia and Tsang's method (2000).
   *
   * @param shape at least 1 (all the simulator needs: shape = nu / 2 with nu &gt; 2)
   * @throws IllegalArgumentException if {@code shape} is below 1, infinite or NaN
   */
  public double nextGamma(double shape) {
    if (!(shape >= 1) || shape == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Expected finite shape >= 1, but found " + shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / StrictMath.sqrt(9 * d);
    while (true) {
      double x = nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = nextDouble();
      double x2 = x * x;
      // The squeeze accepts ~98% of candidates without a logarithm.
      if (u < 1 - 0.0331 * x2 * x2
          || StrictMath.log(u) < 0.5 * x2 + d * (1 - v + StrictMath.log(v))) {
        return d * v;
      }
    }
  }

  /**
   * A Student-t variate with {@code nu} degrees of freedom scaled to unit variance:
   * {@code Z * sqrt((nu - 2) / (2 G))} with Z standard normal and G ~ Gamma(nu / 2), drawn in
   * that order (2 G is chi-squared with nu degrees of freedom). For {@code nu} = +infinity this
   * is the normal limit: a single {@link #nextGaussian()}.
   *
   * @param nu degrees of freedom, &gt; 2 so that the variance is finite
   * @throws IllegalArgumentException if {@code nu <= 2} or NaN
   */
  public double nextStudentT(double nu) {
    if (!(nu > 2)) {
      throw new IllegalArgumentException("Expected degrees of freedom nu > 2, but found " + nu);
    }
    if (nu == Double.POSITIVE_INFINITY) {
      return nextGaussian();
    }
    double z = nextGaussian();
    double g = nextGamma(nu / 2);
    return z * StrictMath.sqrt((nu - 2) / (2 * g));
  }
}
