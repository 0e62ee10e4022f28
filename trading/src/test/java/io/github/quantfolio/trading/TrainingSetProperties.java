package io.github.quantfolio.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.core.SimulatedMarket;
import io.github.quantfolio.core.TimeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * No training label overlaps the evaluation period, for random horizons, embargoes and periods,
 * over three symbols on different calendars (one listed late, one starting later, one with a
 * gap). Each check counts independently of {@link TrainingSet}'s own code: the overlap test on
 * instants, and the embargo by counting a symbol's bars at or before the period's end.
 */
class TrainingSetProperties {

  static final SimulatedMarket MARKET = MarketSimulator.builder().seed(3).assets(3).sectors(1)
      .days(160).lateListingShare(0.34).build().simulate();
  static final FeatureBuilder SMALL = FeatureBuilder.defaults().withReturnWindows(1, 5)
      .without("regime").withRsi(5).withMacd(3, 6, 3).withBollinger(10, 2).withAtr(5)
      .withVolumeWindow(10).withVolatilityWindow(10).withLookback(20);
  static final List<Bars> BARS = bars();
  static final Map<Integer, TrainingSet> SETS = new ConcurrentHashMap<>();

  static List<Bars> bars() {
    List<Bars> b = new ArrayList<>();
    b.add(MARKET.bars("A01"));
    b.add(MARKET.bars("A02").slice(30, 160)); // starts later
    Bars a3 = MARKET.bars("A03"); // listed late; add a gap of two missing bars
    double[] o = a3.open();
    double[] h = a3.high();
    double[] l = a3.low();
    double[] c = a3.close();
    double[] v = a3.volume();
    for (int i = 120; i < 122; i++) {
      o[i] = h[i] = l[i] = c[i] = v[i] = Double.NaN;
    }
    b.add(Bars.of("A03", a3.index(), o, h, l, c, v));
    return b;
  }

  static TrainingSet set(int horizon) {
    return SETS.computeIfAbsent(horizon, h -> TrainingSet.of(BARS, SMALL, h));
  }

  static Instant day(int i) {
    return MARKET.prices().index().instant(Math.max(0, Math.min(159, i)));
  }

  /** The number of bars of {@code symbol} at or before {@code x}, counted one by one. */
  static int barsUpTo(String symbol, Instant x) {
    TimeIndex index = BARS.stream().filter(b -> b.symbol().equals(symbol)).findFirst()
        .orElseThrow().index();
    int n = 0;
    for (int i = 0; i < index.size(); i++) {
      if (!index.instant(i).isAfter(x)) {
        n++;
      }
    }
    return n;
  }

  @Property(tries = 200)
  void noTrainingLabelOverlapsTheEvaluationPeriod(
      @ForAll @IntRange(min = 1, max = 10) int horizon,
      @ForAll @IntRange(min = 0, max = 10) int embargo,
      @ForAll @IntRange(min = 0, max = 165) int start,
      @ForAll @IntRange(min = 0, max = 40) int length,
      @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay) {
    TrainingSet all = set(horizon);
    // a period that may start or end between bars
    Instant from = day(start).plusSeconds(start % 2 == 0 ? 0 : secondOfDay);
    Instant to = day(start + length).plusSeconds(length % 2 == 0 ? 0 : secondOfDay);
    if (to.isBefore(from)) {
      to = from;
    }
    TrainingSplit split = all.split(from, to, embargo);
    int purged = 0;
    int embargoed = 0;
    List<TrainingRow> inPeriod = new ArrayList<>();
    for (TrainingRow r : all.rows()) {
      boolean in = !r.asOf().isBefore(from) && !r.asOf().isAfter(to);
      if (in) {
        inPeriod.add(r);
      } else if (r.asOf().isBefore(from) && !r.labelEnd().isBefore(from)) {
        purged++;
      } else if (r.asOf().isAfter(to) && r.bar() < barsUpTo(r.symbol(), to) + embargo) {
        embargoed++;
      }
    }
    for (TrainingRow r : split.train().rows()) {
      // label window (asOf, labelEnd] and [from, to] are disjoint
      assertTrue(r.labelEnd().isBefore(from) || r.asOf().isAfter(to),
          "label of " + r.symbol() + " " + r.asOf() + " .. " + r.labelEnd() + " overlaps ["
              + from + ", " + to + "]");
      if (r.asOf().isAfter(to)) {
        assertTrue(r.bar() >= barsUpTo(r.symbol(), to) + embargo, "embargo");
      }
    }
    assertEquals(inPeriod, split.test().rows(), "evaluation rows");
    assertEquals(purged, split.train().purged(), "purged only what overlaps");
    assertEquals(embargoed, split.train().embargoed(), "embargoed only what is within e bars");
    assertEquals(all.size(), split.train().size() + split.test().size() + purged + embargoed,
        "every row is accounted for");
  }

  @Property(tries = 60)
  void walkForwardTrainsOnlyOnLabelsBeforeEachFold(
      @ForAll @IntRange(min = 1, max = 10) int horizon,
      @ForAll @IntRange(min = 1, max = 12) int folds) {
    TrainingSet all = set(horizon);
    List<TrainingSplit> splits = all.walkForward(folds);
    assertEquals(folds, splits.size());
    Instant previousEnd = null;
    int trainSize = 0;
    for (TrainingSplit s : splits) {
      for (TrainingRow r : s.train().rows()) {
        assertTrue(r.labelEnd().isBefore(s.evalFrom()), "label before the fold");
      }
      if (previousEnd != null) {
        assertTrue(previousEnd.isBefore(s.evalFrom()), "folds follow each other");
      }
      assertTrue(s.train().size() >= trainSize, "expanding training window");
      trainSize = s.train().size();
      previousEnd = s.evalTo();
      assertFalse(s.test().rows().isEmpty());
    }
    assertEquals(all.rows().get(all.size() - 1).asOf(), previousEnd, "the last fold ends last");
  }

  @Property(tries = 100)
  void availableAtHoldsOnlyLabelsKnownAtTheCutoff(
      @ForAll @IntRange(min = 1, max = 10) int horizon,
      @ForAll @IntRange(min = 0, max = 10) int embargo,
      @ForAll @IntRange(min = 0, max = 165) int cut) {
    TrainingSet all = set(horizon);
    Instant cutoff = day(cut);
    TrainingSet a = all.availableAt(cutoff, embargo);
    for (TrainingRow r : a.rows()) {
      assertFalse(r.labelEnd().isAfter(cutoff), "label known at the cut-off");
      assertTrue(r.labelEndBar() + embargo <= barsUpTo(r.symbol(), cutoff) - 1, "embargo");
    }
    assertEquals(all.size(), a.size() + a.purged() + a.embargoed() + a.excludedOutside());
  }
}
