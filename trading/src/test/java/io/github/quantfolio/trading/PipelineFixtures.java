package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.PaperBroker;
import io.github.quantfolio.core.adapters.Quote;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.SignalModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small hand-made markets for pipeline tests. */
final class PipelineFixtures {

  static final Instant T0 = Instant.parse("2024-03-04T14:00:00Z");

  private PipelineFixtures() {
  }

  /** Hourly bars whose open, high, low and close are all {@code closes[i]}. */
  static Bars bars(String symbol, double... closes) {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      times.add(T0.plus(Duration.ofHours(i)));
    }
    double[] volume = new double[closes.length];
    java.util.Arrays.fill(volume, 1_000_000);
    return Bars.of(symbol, TimeIndex.ofInstants(times), closes, closes, closes, closes, volume);
  }

  /** {@code n} closes from {@code start}, each {@code step} times the one before. */
  static double[] geometric(double start, double step, int n) {
    double[] c = new double[n];
    c[0] = start;
    for (int i = 1; i < n; i++) {
      c[i] = c[i - 1] * step;
    }
    return c;
  }

  /** {@code n} closes alternating between {@code a} and {@code b}. */
  static double[] zigzag(double a, double b, int n) {
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = i % 2 == 0 ? a : b;
    }
    return c;
  }

  static Instant at(int bar) {
    return T0.plus(Duration.ofHours(bar));
  }

  static Map<String, Bars> market(Bars... bars) {
    Map<String, Bars> m = new TreeMap<>();
    for (Bars b : bars) {
      m.put(b.symbol(), b);
    }
    return m;
  }

  /** A quote-driven paper broker quoting each symbol at its close at {@code bar}. */
  static PaperBroker broker(double cash, int bar, Bars... bars) {
    PaperBroker b = PaperBroker.withCash(cash);
    quote(b, bar, bars);
    return b;
  }

  static void quote(PaperBroker broker, int bar, Bars... bars) {
    for (Bars b : bars) {
      broker.updateQuote(Quote.of(b.symbol(), b.close()[bar], at(bar)));
    }
  }

  /** Features: the bar's close only. */
  static final FeatureSource CLOSE = (b, t) -> new Features(b.symbol(), b.index().instant(t),
      List.of("close"), new double[] {b.close()[t]});

  /** A model with a fixed signal per symbol (none for the others). */
  static SignalModel fixed(Map<String, Signal> signals) {
    return f -> signals.getOrDefault(f.symbol(), Signal.none());
  }
}
