package io.github.quantfolio.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.SignalModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The walk-forward wrapper with a recording trainer: model k (the k-th trained, in cut-off order)
 * answers confidence k / 100, so a prediction shows which model made it.
 */
class WalkForwardSignalModelTest {

  static final SimulatedMarket MARKET = MarketSimulator.builder().seed(9).assets(2).sectors(1)
      .days(400).lateListingShare(0).build().simulate();
  static final FeatureBuilder SMALL = TrainingSetProperties.SMALL;
  static final TimeIndex DAYS = MARKET.prices().index();

  static Map<String, Bars> history() {
    Map<String, Bars> h = new TreeMap<>();
    for (String a : MARKET.assets()) {
      h.put(a, MARKET.bars(a));
    }
    return h;
  }

  /** Trains models that answer their number; records what each was trained on. */
  static final class Recorder {
    final List<TrainingSet> seen = new ArrayList<>();

    SignalModel train(TrainingSet s) {
      seen.add(s);
      double id = seen.size() / 100.0;
      return f -> new Signal(0, id);
    }
  }

  @Test
  void cutoffsTrainingDataAndModelChoice() {
    Recorder rec = new Recorder();
    WalkForwardSchedule schedule = new WalkForwardSchedule(5, 0, 50, 100);
    WalkForwardSignalModel m = WalkForwardSignalModel.train(history(), SMALL, schedule,
        rec::train);
    TrainingSet all = m.trainingSet();
    // First cut-off: the first day by which at least 100 labels have ended (counted here from
    // the rows' label-end instants); then every 50 days to the end of the 400 days.
    int firstFound = -1;
    for (int i = 0; i < DAYS.size() && firstFound < 0; i++) {
      Instant c = DAYS.instant(i);
      long known = all.rows().stream().filter(r -> !r.labelEnd().isAfter(c)).count();
      if (known >= 100) {
        firstFound = i;
      }
    }
    int first = firstFound;
    List<Instant> expected = new ArrayList<>();
    for (int i = first; i < DAYS.size(); i += 50) {
      expected.add(DAYS.instant(i));
    }
    assertEquals(expected, m.cutoffs());
    assertEquals(expected.size(), rec.seen.size());
    for (int k = 0; k < expected.size(); k++) {
      Instant c = expected.get(k);
      TrainingSet s = rec.seen.get(k);
      assertTrue(s.size() >= 100);
      for (TrainingRow r : s.rows()) {
        assertFalse(r.labelEnd().isAfter(c), "label after the cut-off");
      }
      // every row whose label has ended is used
      assertEquals(all.rows().stream().filter(r -> !r.labelEnd().isAfter(c)).count(), s.size());
    }
    // An as-of between cut-offs 1 and 2 (days first + 50 and first + 100) uses model 2.
    Features mid = SMALL.features(MARKET.bars("A01"), first + 73);
    assertEquals(0.02, m.predict(mid).confidence());
    assertEquals(expected.get(1), m.cutoffFor(mid.asOf()).orElseThrow());
    // On a cut-off: the model trained there.
    assertEquals(0.03, m.predict(SMALL.features(MARKET.bars("A02"), first + 100)).confidence());
    // Before the first cut-off: no view; so with NaN features (warm-up).
    assertEquals(Signal.none(), m.predict(SMALL.features(MARKET.bars("A01"), first - 1)));
    assertEquals(Signal.none(), m.predict(SMALL.features(MARKET.bars("A01"), 5)));
    assertTrue(m.cutoffFor(DAYS.instant(first - 1)).isEmpty());
    assertEquals(rec.seen.get(2).rows(), m.trainingSetAt(expected.get(2)).rows());
    assertEquals(0.01, m.modelAt(expected.get(0)).predict(mid).confidence());
    assertThrows(IllegalArgumentException.class, () -> m.modelAt(DAYS.instant(first + 1)));
  }

  @Test
  void embargoKeepsLabelsAwayFromTheCutoff() {
    Recorder rec = new Recorder();
    WalkForwardSignalModel m = WalkForwardSignalModel.train(history(), SMALL,
        new WalkForwardSchedule(3, 4, 60, 80), rec::train);
    for (int k = 0; k < m.cutoffs().size(); k++) {
      Instant c = m.cutoffs().get(k);
      int cut = -1; // the position of the last bar at or before the cut-off, counted
      for (int i = 0; i < DAYS.size(); i++) {
        cut = DAYS.instant(i).isAfter(c) ? cut : i;
      }
      for (TrainingRow r : rec.seen.get(k).rows()) {
        assertTrue(r.labelEndBar() + 4 <= cut, "4 bars between the label and the cut-off");
      }
    }
  }

  @Test
  void laterBarsDoNotChangeEarlierTrainingSets() {
    Map<String, Bars> h = history();
    WalkForwardSchedule schedule = new WalkForwardSchedule(5, 1, 40, 100);
    WalkForwardSignalModel a = WalkForwardSignalModel.train(h, SMALL, schedule,
        new Recorder()::train);
    int t = 260;
    Map<String, Bars> changed = new TreeMap<>();
    for (Map.Entry<String, Bars> e : h.entrySet()) {
      changed.put(e.getKey(), FeatureLookAheadProperties.garbageAfter(e.getValue(), t, 17));
    }
    WalkForwardSignalModel b = WalkForwardSignalModel.train(changed, SMALL, schedule,
        new Recorder()::train);
    assertEquals(a.cutoffs(), b.cutoffs());
    Instant limit = DAYS.instant(t);
    int compared = 0;
    for (Instant c : a.cutoffs()) {
      if (!c.isAfter(limit)) {
        assertEquals(a.trainingSetAt(c).rows(), b.trainingSetAt(c).rows(), "cut-off " + c);
        compared++;
      } else if (c.isAfter(DAYS.instant(t + 10))) {
        assertFalse(a.trainingSetAt(c).rows().equals(b.trainingSetAt(c).rows()),
            "the garbage is seen after " + c);
      }
    }
    assertTrue(compared >= 2, "compared " + compared + " cut-offs");
  }

  @Test
  void validation() {
    Recorder rec = new Recorder();
    WalkForwardSignalModel m = WalkForwardSignalModel.train(history(), SMALL,
        WalkForwardSchedule.of(5, 0, 100).withMinTrainingRows(50), rec::train);
    Features other = FeatureBuilder.defaults().features(MARKET.bars("A01"), 300);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.predict(other));
    assertTrue(e.getMessage().contains("'A01'") && e.getMessage().contains("trained on"),
        e.getMessage());
    Map<String, Bars> wrongKey = Map.of("X", MARKET.bars("A01"));
    assertThrows(IllegalArgumentException.class,
        () -> WalkForwardSignalModel.train(wrongKey, SMALL, WalkForwardSchedule.of(5, 0, 10),
            rec::train));
    e = assertThrows(IllegalArgumentException.class,
        () -> WalkForwardSignalModel.train(history(), SMALL,
            WalkForwardSchedule.of(5, 0, 10).withMinTrainingRows(10_000), rec::train));
    assertTrue(e.getMessage().contains("fewer than minTrainingRows 10000"), e.getMessage());
    NullPointerException n = assertThrows(NullPointerException.class,
        () -> WalkForwardSignalModel.train(history(), SMALL, WalkForwardSchedule.of(5, 0, 100),
            s -> null));
    assertTrue(n.getMessage().contains("cut-off"), n.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new WalkForwardSchedule(0, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new WalkForwardSchedule(1, -1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new WalkForwardSchedule(1, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new WalkForwardSchedule(1, 0, 1, 0));
  }
}
