package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.util.function.ToDoubleFunction;

/**
 * Decides how large a position to take, as a fraction of equity, and then applies the limits of
 * its {@link SizingConfig} (see {@link #size}). Seed 002's seven methods, plus risk per trade
 * from a stop distance, are the factories below; each states its formula. All are immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public interface PositionSizer {

  /**
   * The method's name, e.g. {@code "kelly"}.
   *
   * @return the name
   */
  String name();

  /**
   * The limits this sizer applies after its method.
   *
   * @return the configuration
   */
  SizingConfig config();

  /**
   * The method's size as a fraction of equity, before the limits.
   *
   * @param request the proposed position
   * @return a fraction of equity, &gt;= 0
   * @throws IllegalArgumentException if an input the method needs is missing (NaN), naming it
   */
  double rawFraction(SizingRequest request);

  /**
   * Sizes {@code request}: the method's raw fraction, then, in this order, each limit that
   * applies (recorded as a {@link Sizing.Step} when it changes the size):
   * <ol>
   *   <li>minimum confidence: a signal below {@code minConfidence} gets nothing;</li>
   *   <li>correlation: {@code x (1 - correlationPenalty x max(correlation, 0))};</li>
   *   <li>maximum position risk: the loss at the stop ({@code fraction x lossFraction}) at most
   *       {@code maxPositionRisk};</li>
   *   <li>portfolio risk budget: at most {@code (maxPortfolioRisk - bookRisk) / lossFraction};</li>
   *   <li>maximum position size;</li>
   *   <li>cash: the value at most the cash available;</li>
   * </ol>
   * then rounds the quantity down to whole lots. Limits whose inputs are unknown (NaN) are
   * skipped.
   *
   * @param request the proposed position
   * @return the sized position with its steps
   */
  default Sizing size(SizingRequest request) {
    Checks.notNull(request, "request");
    return SizingLimits.apply(name(), config(), rawFraction(request), request);
  }

  /**
   * A fixed amount of money: {@code amount / equity}.
   *
   * @param amount the position's value, finite and &gt; 0
   * @param config the limits
   * @return the sizer
   */
  static PositionSizer fixedDollar(double amount, SizingConfig config) {
    Checks.positive(amount, "amount");
    return of("fixed dollar", config, r -> amount / r.equity());
  }

  /**
   * A fixed fraction of equity: {@code basePositionSize}.
   *
   * @param config the limits and the base size
   * @return the sizer
   */
  static PositionSizer fixedPercent(SizingConfig config) {
    return of("fixed percent", config, r -> config.basePositionSize());
  }

  /**
   * Kelly for a trade that wins {@code expectedReturn} with probability {@code confidence} and
   * loses {@code maxLoss} otherwise: {@code kellyFraction x max(0, p / L - (1 - p) / R)}, the
   * maximiser of {@code p ln(1 + f R) + (1 - p) ln(1 - f L)}.
   *
   * @param config the limits and the Kelly fraction
   * @return the sizer (needs confidence, expectedReturn &gt; 0 and maxLoss)
   */
  static PositionSizer kelly(SizingConfig config) {
    return of("kelly", config, r -> {
      double p = need(r.confidence(), "confidence", r);
      double win = need(r.expectedReturn(), "expectedReturn", r);
      double loss = need(r.maxLoss(), "maxLoss", r);
      if (!(win > 0)) {
        throw new IllegalArgumentException("Sizing of '" + r.symbol() + "': Kelly needs"
            + " expectedReturn > 0 (the win), but found " + win);
      }
      return config.kellyFraction() * Math.max(0, p / loss - (1 - p) / win);
    });
  }

  /**
   * Kelly for a normally distributed return: {@code kellyFraction x max(0, mu / sigma^2)} with
   * the annual expected return {@code mu} and volatility {@code sigma}.
   *
   * @param config the limits and the Kelly fraction
   * @return the sizer (needs expectedReturn and volatility)
   */
  static PositionSizer kellyMeanVariance(SizingConfig config) {
    return of("kelly (mean-variance)", config, r -> {
      double mu = need(r.expectedReturn(), "expectedReturn", r);
      double sigma = need(r.volatility(), "volatility", r);
      return config.kellyFraction() * Math.max(0, mu / (sigma * sigma));
    });
  }

  /**
   * Risk parity: the position's volatility contribution {@code w x sigma} equals the average of
   * the book's positions ({@code mean |w_j| sigma_j}); with an empty book, the base size's
   * contribution at the target volatility ({@code basePositionSize x targetVolatility}).
   * Correlations are ignored (inverse-volatility parity).
   *
   * @param config the limits, base size and target volatility
   * @return the sizer (needs volatility)
   */
  static PositionSizer riskParity(SizingConfig config) {
    return of("risk parity", config, r -> {
      double sigma = need(r.volatility(), "volatility", r);
      double contribution = config.basePositionSize() * config.targetVolatility();
      if (!r.book().isEmpty()) {
        contribution = 0;
        for (SizingRequest.BookPosition b : r.book()) {
          contribution += Math.abs(b.weight()) * b.volatility();
        }
        contribution /= r.book().size();
      }
      return contribution / sigma;
    });
  }

  /**
   * Volatility adjusted: {@code basePositionSize x targetVolatility / volatility}, so a riskier
   * asset gets a smaller position.
   *
   * @param config the limits, base size and target volatility
   * @return the sizer (needs volatility)
   */
  static PositionSizer volatilityAdjusted(SizingConfig config) {
    return of("volatility adjusted", config, r -> config.basePositionSize()
        * config.targetVolatility() / need(r.volatility(), "volatility", r));
  }

  /**
   * Confidence weighted: {@code basePositionSize x m(c)}, with the multiplier rising linearly from
   * 1 at {@code minConfidence} to {@code confidenceMultiplier} at confidence 1 (below the minimum
   * the minimum-confidence limit gives no position).
   *
   * @param config the limits, base size, minimum confidence and multiplier
   * @return the sizer (needs confidence)
   */
  static PositionSizer confidenceWeighted(SizingConfig config) {
    return of("confidence weighted", config, r -> {
      double c = need(r.confidence(), "confidence", r);
      double above = Math.max(0, c - config.minConfidence()) / (1 - config.minConfidence());
      return config.basePositionSize() * (1 + (config.confidenceMultiplier() - 1) * above);
    });
  }

  /**
   * Vince's optimal f from the P&amp;L per unit of past trades: one unit per
   * {@code |largest loss| / f} of equity, i.e. {@code f x price / |largest loss|}.
   *
   * @param tradePnls P&amp;L per unit of past trades (see {@link OptimalF#of})
   * @param config the limits
   * @return the sizer
   */
  static PositionSizer optimalF(double[] tradePnls, SizingConfig config) {
    OptimalF opt = OptimalF.of(tradePnls.clone());
    return of("optimal f", config, r -> opt.f() * r.price() / opt.largestLoss());
  }

  /**
   * Risk per trade: the position whose loss at the stop is {@code maxPositionRisk} of equity,
   * {@code maxPositionRisk x price / stopDistance}.
   *
   * @param config the limits (the risk per trade is {@code maxPositionRisk})
   * @return the sizer (needs stopDistance, e.g. 2 x ATR)
   */
  static PositionSizer stopDistance(SizingConfig config) {
    return of("stop distance", config, r -> config.maxPositionRisk() * r.price()
        / need(r.stopDistance(), "stopDistance", r));
  }

  /**
   * A sizer from a method.
   *
   * @param name the method's name
   * @param config the limits
   * @param method the raw fraction of equity of a request, &gt;= 0
   * @return the sizer
   */
  static PositionSizer of(String name, SizingConfig config,
      ToDoubleFunction<SizingRequest> method) {
    Checks.notNull(name, "name");
    Checks.notNull(config, "config");
    Checks.notNull(method, "method");
    return new PositionSizer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public SizingConfig config() {
        return config;
      }

      @Override
      public double rawFraction(SizingRequest request) {
        return method.applyAsDouble(request);
      }

      @Override
      public String toString() {
        return "PositionSizer[" + name + ", " + config + "]";
      }
    };
  }

  private static double need(double v, String name, SizingRequest r) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("Sizing of '" + r.symbol() + "': this method needs "
          + name + ", but it is not given (NaN)");
    }
    return v;
  }
}
