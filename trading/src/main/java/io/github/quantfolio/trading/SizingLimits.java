package io.github.quantfolio.trading;

import java.util.ArrayList;
import java.util.List;

/** The limits every {@link PositionSizer} applies after its method, in order (see its size()). */
final class SizingLimits {

  private SizingLimits() {
  }

  static Sizing apply(String method, SizingConfig c, double raw, SizingRequest r) {
    if (!(raw >= 0) || raw == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Sizing of '" + r.symbol() + "': the " + method
          + " method gave the size " + raw + "; a fraction of equity must be finite and >= 0");
    }
    List<Sizing.Step> steps = new ArrayList<>();
    double f = raw;
    if (!Double.isNaN(r.confidence()) && r.confidence() < c.minConfidence()) {
      f = step(steps, f, 0, "minimum confidence", "confidence " + r.confidence()
          + " is below the minimum " + c.minConfidence());
    }
    if (!Double.isNaN(r.correlationWithBook()) && r.correlationWithBook() > 0) {
      double factor = 1 - c.correlationPenalty() * r.correlationWithBook();
      f = step(steps, f, f * factor, "correlation", "correlation with the book "
          + r.correlationWithBook() + " x penalty " + c.correlationPenalty() + ": x " + factor);
    }
    double loss = r.lossFraction();
    if (!Double.isNaN(loss)) {
      double cap = c.maxPositionRisk() / loss;
      if (f > cap) {
        f = step(steps, f, cap, "max position risk", "losing " + percent(loss)
            + " at the stop may cost at most " + percent(c.maxPositionRisk()) + " of equity");
      }
      double budget = Math.max(0, c.maxPortfolioRisk() - r.bookRisk()) / loss;
      if (f > budget) {
        f = step(steps, f, budget, "portfolio risk budget", "the book already risks "
            + percent(r.bookRisk()) + " of the " + percent(c.maxPortfolioRisk()) + " budget");
      }
    }
    if (f > c.maxPositionSize()) {
      f = step(steps, f, c.maxPositionSize(), "max position size", "at most "
          + percent(c.maxPositionSize()) + " of equity in one position");
    }
    if (!Double.isNaN(r.cash()) && f * r.equity() > Math.max(r.cash(), 0)) {
      f = step(steps, f, Math.max(r.cash(), 0) / r.equity(), "cash", "the cash available is "
          + String.format("%.2f", r.cash()));
    }
    double units = f * r.equity() / r.price();
    double quantity = Math.floor(units / r.lotSize() + 1e-9) * r.lotSize();
    return new Sizing(r.symbol(), method, raw, f, quantity, quantity * r.price(), steps);
  }

  private static double step(List<Sizing.Step> steps, double before, double after, String rule,
      String reason) {
    if (after != before) {
      steps.add(new Sizing.Step(rule, before, after, reason));
    }
    return after;
  }

  private static String percent(double v) {
    return String.format("%.2f%%", 100 * v);
  }
}
