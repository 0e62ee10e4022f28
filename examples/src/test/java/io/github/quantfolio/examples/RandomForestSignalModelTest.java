package io.github.quantfolio.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.SignalModel;
import io.github.quantfolio.trading.FeatureBuilder;
import io.github.quantfolio.trading.TrainingRow;
import io.github.quantfolio.trading.TrainingSet;
import io.github.quantfolio.trading.TrainingSplit;
import io.github.quantfolio.trading.WalkForwardSchedule;
import io.github.quantfolio.trading.WalkForwardSignalModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Tribuo random forest as a {@link SignalModel}: determinism, no look-ahead through
 * walk-forward retraining, the choice of model between cut-offs, and sane outputs. Small forests
 * on three simulated symbols keep it to a few seconds.
 */
class RandomForestSignalModelTest {

  static final SimulatedMarket MARKET = MarketSimulator.builder().seed(21).assets(3).sectors(1)
      .days(650).lateListingShare(0).build().simulate();
  static final FeatureBuilder FEATURES = FeatureBuilder.defaults();
  static final RandomForestSignalModel.Config SMALL =
      RandomForestSignalModel.Config.defaults().withTrees(10).withMaxDepth(4);
  static final WalkForwardSchedule SCHEDULE = new WalkForwardSchedule(5, 2, 90, 300);

  static Map<String, Bars> history() {
    Map<String, Bars> h = new TreeMap<>();
    for (String a : MARKET.assets()) {
      h.put(a, MARKET.bars(a));
    }
    return h;
  }

  static final List<Features> PROBES = probes();
  /** Trained once, shared by two tests. */
  static final WalkForwardSignalModel WALK_FORWARD = WalkForwardSignalModel.train(history(),
      FEATURES, SCHEDULE, RandomForestSignalModel.trainer(SMALL));

  /** Features of every symbol every 5th bar from bar 250 on. */
  static List<Features> probes() {
    List<Features> f = new ArrayList<>();
    for (Bars b : history().values()) {
      List<Features> all = FEATURES.featureSeries(b);
      for (int t = 250; t < b.size(); t += 5) {
        f.add(all.get(t));
      }
    }
    return f;
  }

  /** The bars with every bar after {@code t} replaced by random valid bars. */
  static Bars garbageAfter(Bars b, int t, long seed) {
    Random rnd = new Random(seed);
    double[] o = b.open();
    double[] h = b.high();
    double[] l = b.low();
    double[] c = b.close();
    double[] v = b.volume();
    for (int i = t + 1; i < b.size(); i++) {
      c[i] = 1 + 999 * rnd.nextDouble();
      o[i] = c[i];
      h[i] = c[i] * (1 + rnd.nextDouble());
      l[i] = c[i] * (1 - 0.5 * rnd.nextDouble());
      v[i] = rnd.nextInt(1_000_000);
    }
    return Bars.of(b.symbol(), b.index(), o, h, l, c, v);
  }

  @Test
  void sameSeedSamePredictionsAndSaneValues() {
    TrainingSet set = TrainingSet.of(history().values(), FEATURES, 5);
    TrainingSplit split = set.split(set.rows().get(set.size() * 3 / 4).asOf(),
        set.rows().get(set.size() - 1).asOf(), 5);
    RandomForestSignalModel a = RandomForestSignalModel.train(split.train(), SMALL);
    RandomForestSignalModel b = RandomForestSignalModel.train(split.train(), SMALL);
    RandomForestSignalModel other = RandomForestSignalModel.train(split.train(),
        SMALL.withSeed(7));
    assertEquals(split.train().size(), a.trainingRows());
    int differs = 0;
    int hits = 0;
    double meanUp = 0;
    for (TrainingRow r : split.test().rows()) {
      Features f = r.features();
      Signal s = a.predict(f);
      assertEquals(s, b.predict(f), "same seed, same prediction");
      differs += s.equals(other.predict(f)) ? 0 : 1;
      double p = a.probabilityUp(f);
      assertTrue(p >= 0 && p <= 1, "p_up " + p);
      assertEquals(2 * p - 1, s.value(), 1e-12, "value = 2 p_up - 1");
      assertEquals(Math.max(p, 1 - p), s.confidence(), 1e-12, "confidence = max(p_up, p_down)");
      assertTrue(s.confidence() >= 0.5, "confidence of a two-class vote");
      meanUp += p;
      hits += (p > 0.5) == r.up() ? 1 : 0;
    }
    int n = split.test().size();
    assertTrue(n > 100, "evaluation rows " + n);
    assertTrue(differs > 0, "another seed grows another forest");
    meanUp /= n;
    double hitRate = (double) hits / n;
    // Sanity only: a simulated random walk with drift is near a coin toss.
    assertTrue(meanUp > 0.2 && meanUp < 0.8, "mean p_up " + meanUp);
    assertTrue(hitRate > 0.3 && hitRate < 0.7, "hit rate " + hitRate);
  }

  @Test
  void walkForwardModelsNeverSeeBarsAfterTheirCutoff() {
    Map<String, Bars> h = history();
    WalkForwardSignalModel m = WALK_FORWARD;
    int t = 480;
    Map<String, Bars> changed = new TreeMap<>();
    for (Map.Entry<String, Bars> e : h.entrySet()) {
      changed.put(e.getKey(), garbageAfter(e.getValue(), t, 99));
    }
    WalkForwardSignalModel g = WalkForwardSignalModel.train(changed, FEATURES, SCHEDULE,
        RandomForestSignalModel.trainer(SMALL));
    assertEquals(m.cutoffs(), g.cutoffs());
    Instant limit = MARKET.prices().index().instant(t);
    int same = 0;
    int later = 0;
    for (Instant c : m.cutoffs()) {
      SignalModel before = m.modelAt(c);
      SignalModel after = g.modelAt(c);
      boolean identical = true;
      for (Features f : PROBES) {
        identical &= before.predict(f).equals(after.predict(f));
      }
      if (!c.isAfter(limit)) {
        assertTrue(identical, "the model of cut-off " + c + " changed with bars after " + limit);
        same++;
      } else if (c.isAfter(MARKET.prices().index().instant(t + 20))) {
        assertTrue(!identical, "the model of cut-off " + c + " learnt from the changed bars");
        later++;
      }
    }
    assertTrue(same >= 2 && later >= 1, same + " cut-offs before, " + later + " after");
  }

  @Test
  void predictsWithTheLatestModelAtOrBeforeTheAsOf() {
    WalkForwardSignalModel m = WALK_FORWARD;
    List<Instant> cuts = m.cutoffs();
    assertTrue(cuts.size() >= 3, m.toString());
    int between = 0;
    int differsFromNext = 0;
    for (Features f : PROBES) {
      Signal s = m.predict(f);
      assertTrue(s.value() >= -1 && s.value() <= 1 && s.confidence() >= 0
          && s.confidence() <= 1, s.toString());
      int k = -1;
      for (int i = 0; i < cuts.size(); i++) {
        k = cuts.get(i).isAfter(f.asOf()) ? k : i;
      }
      if (k < 0) {
        assertEquals(Signal.none(), s, "no model before the first cut-off");
        continue;
      }
      assertEquals(m.modelAt(cuts.get(k)).predict(f), s, "the model of cut-off " + cuts.get(k));
      if (k + 1 < cuts.size() && f.asOf().isAfter(cuts.get(k))) {
        between++;
        differsFromNext += m.modelAt(cuts.get(k + 1)).predict(f).equals(s) ? 0 : 1;
      }
    }
    assertTrue(between > 20, "as-ofs between cut-offs: " + between);
    assertTrue(differsFromNext > 0, "the next model would have answered otherwise");
  }

  @Test
  void validation() {
    TrainingSet set = TrainingSet.of(history().values(), FEATURES, 5);
    RandomForestSignalModel a = RandomForestSignalModel.train(set, SMALL.withTrees(3));
    Features warmUp = FEATURES.features(MARKET.bars("A01"), 10);
    assertEquals(Signal.none(), a.predict(warmUp));
    assertThrows(IllegalArgumentException.class, () -> a.probabilityUp(warmUp));
    Features closeOnly = FEATURES.features(MARKET.prices(), "A01", 300);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> a.predict(closeOnly));
    assertTrue(e.getMessage().contains("trained on"), e.getMessage());
    TrainingSet empty = set.availableAt(Instant.MIN, 0);
    e = assertThrows(IllegalArgumentException.class,
        () -> RandomForestSignalModel.train(empty, SMALL));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SMALL.withTrees(0));
    assertThrows(IllegalArgumentException.class,
        () -> new RandomForestSignalModel.Config(5, 3, 0f, 1));
    assertNotEquals(SMALL, SMALL.withSeed(1));
  }
}
