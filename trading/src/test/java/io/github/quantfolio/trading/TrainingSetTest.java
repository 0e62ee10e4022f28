package io.github.quantfolio.trading;

import static io.github.quantfolio.trading.Tolerance.EXACT;
import static io.github.quantfolio.trading.Tolerance.assertNear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.TimeIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row counts, labels, splits, walk-forward folds and cut-offs counted by hand. */
class TrainingSetTest {

  /** Only the one-bar return: features are complete wherever this and the previous close are. */
  static final FeatureBuilder RET1 = FeatureBuilder.defaults().without("regime", "rsi",
      "macdHist", "bollingerPctB", "atrFraction", "volumeZ", "realizedVol", "ret5", "ret20",
      "ret60").withLookback(2);

  static final TimeIndex DAYS = TimeIndex.businessDays(LocalDate.of(2024, 1, 1), 12);

  /** Twelve bars, bar 6 missing. */
  static Bars bars() {
    double n = Double.NaN;
    double[] c = {10, 11, 12, 11, 10, 11, n, 12, 13, 12, 11, 12};
    double[] h = new double[12];
    double[] l = new double[12];
    for (int i = 0; i < 12; i++) {
      h[i] = c[i] + 0.5;
      l[i] = c[i] - 0.5;
    }
    return Bars.of("S", DAYS, c, h, l, c, null);
  }

  static List<Integer> bars(TrainingSet s) {
    List<Integer> b = new ArrayList<>();
    for (TrainingRow r : s.rows()) {
      b.add(r.bar());
    }
    return b;
  }

  @Test
  void rowsAndExclusionsCountedByHand() {
    TrainingSet s = TrainingSet.of(bars(), RET1, 2);
    // Features need closes t and t - 1: incomplete at t = 0 (warm-up), 6 (missing) and 7 (reads
    // bar 6). Labels need close t + 2 <= bar 11: none at t = 4 (bar 6 missing), 10 and 11.
    assertEquals(3, s.excludedIncompleteFeatures());
    assertEquals(3, s.excludedNoLabel());
    assertEquals(List.of(1, 2, 3, 5, 8, 9), bars(s));
    TrainingRow r5 = s.rows().get(3);
    // close[7] / close[5] - 1 = 12 / 11 - 1
    assertNear(12.0 / 11 - 1, r5.forwardReturn(), EXACT, "label of bar 5");
    assertTrue(r5.up());
    assertEquals(DAYS.instant(7), r5.labelEnd());
    assertEquals(7, r5.labelEndBar());
    assertNear(11.0 / 10 - 1, r5.features().get("ret1"), EXACT, "feature of bar 5");
    // bar 2: close[4] / close[2] - 1 = 10 / 12 - 1 < 0: down
    assertTrue(!s.rows().get(1).up());
    assertEquals(List.of("ret1"), s.featureNames());
    String text = s.toString();
    assertTrue(text.contains("6 rows") && text.contains("3 with NaN features")
        && text.contains("3 without a label"), text);
  }

  @Test
  void splitPurgesAndEmbargoesCountedByHand() {
    TrainingSet s = TrainingSet.of(bars(), RET1, 2);
    TrainingSplit split = s.split(DAYS.instant(5), DAYS.instant(5), 3);
    // evaluation: bar 5. Before it: bar 3's label (3, 5] reaches bar 5: purged; bars 1, 2 stay.
    // After it: bars 6, 7, 8 are the 3 embargoed bars after bar 5, so the row of bar 8 goes.
    assertEquals(List.of(5), bars(split.test()));
    assertEquals(List.of(1, 2, 9), bars(split.train()));
    assertEquals(1, split.train().purged());
    assertEquals(1, split.train().embargoed());
    assertEquals(1, split.train().excludedOutside());
    assertEquals(5, split.test().excludedOutside());
    assertTrue(split.train().toString().contains("1 purged, 1 embargoed"),
        split.train().toString());
    // by dates: the same period
    TrainingSplit byDate = s.split(DAYS.date(5), DAYS.date(5), 3);
    assertEquals(bars(split.train()), bars(byDate.train()));
    assertEquals(bars(split.test()), bars(byDate.test()));
    // no embargo: bar 8 trains
    assertEquals(List.of(1, 2, 8, 9), bars(s.split(DAYS.instant(5), DAYS.instant(5), 0).train()));
    assertThrows(IllegalArgumentException.class,
        () -> s.split(DAYS.instant(5), DAYS.instant(4), 0));
    assertThrows(IllegalArgumentException.class,
        () -> s.split(DAYS.instant(4), DAYS.instant(5), -1));
  }

  @Test
  void walkForwardFoldsCountedByHand() {
    TrainingSet s = TrainingSet.of(bars(), RET1, 2);
    // 6 as-of instants (bars 1, 2, 3, 5, 8, 9) in 4 blocks at 6 i / 4 = 0, 1, 3, 4, 6:
    // [1] [2, 3] [5] [8, 9]
    List<TrainingSplit> folds = s.walkForward(3);
    assertEquals(3, folds.size());
    assertEquals(List.of(2, 3), bars(folds.get(0).test()));
    assertEquals(List.of(), bars(folds.get(0).train())); // bar 1's label (1, 3] reaches bar 2
    assertEquals(1, folds.get(0).train().purged());
    assertEquals(List.of(5), bars(folds.get(1).test()));
    assertEquals(List.of(1, 2), bars(folds.get(1).train())); // bar 3's label ends at bar 5
    assertEquals(1, folds.get(1).train().purged());
    assertEquals(3, folds.get(1).train().excludedOutside()); // bars 5 (test), 8 and 9
    assertEquals(List.of(8, 9), bars(folds.get(2).test()));
    assertEquals(List.of(1, 2, 3, 5), bars(folds.get(2).train()));
    assertEquals(0, folds.get(2).train().purged());
    assertThrows(IllegalArgumentException.class, () -> s.walkForward(6));
    assertThrows(IllegalArgumentException.class, () -> s.walkForward(0));
  }

  @Test
  void availableAtCountedByHand() {
    TrainingSet s = TrainingSet.of(bars(), RET1, 2);
    // cut-off bar 8: labels ending at bars 3, 4, 5, 7 are known; bar 8's ends at 10 (purged);
    // bar 9 is after the cut-off
    TrainingSet a = s.availableAt(DAYS.instant(8), 0);
    assertEquals(List.of(1, 2, 3, 5), bars(a));
    assertEquals(1, a.purged());
    assertEquals(1, a.excludedOutside());
    // embargo 2: a label must end by bar 6; bar 5's (ends at 7) is embargoed
    TrainingSet e = s.availableAt(DAYS.instant(8), 2);
    assertEquals(List.of(1, 2, 3), bars(e));
    assertEquals(1, e.embargoed());
    // a cut-off on Saturday 6th: the last bar before it is bar 4 (Friday 5th); bar 3's label
    // ends at bar 5 (Monday 8th)
    assertEquals(List.of(1, 2),
        bars(s.availableAt(Instant.parse("2024-01-06T12:00:00Z"), 0)));
    assertEquals(6, s.availableAt(Instant.MAX, 0).size());
    assertEquals(0, s.availableAt(Instant.MIN, 0).size());
  }

  @Test
  void manySymbolsAndValidation() {
    Bars a = bars();
    Bars b = bars().withSymbol("B").slice(3, 12);
    TrainingSet s = TrainingSet.of(List.of(a, b), RET1, 2);
    assertEquals(List.of("B", "S"), s.symbols());
    // B is bars 3..11 of S: rows at its positions 2 (bar 5), 5, 6 (bars 8, 9), and position 0's
    // warm-up, 3, 4 (bars 6, 7) incomplete, 1 (bar 4), 7, 8 (bars 10, 11) without a label.
    assertEquals(6 + 3, s.size());
    assertEquals(3 + 3, s.excludedIncompleteFeatures());
    assertEquals(3 + 3, s.excludedNoLabel());
    for (int i = 1; i < s.size(); i++) {
      TrainingRow p = s.rows().get(i - 1);
      TrainingRow q = s.rows().get(i);
      assertTrue(p.asOf().isBefore(q.asOf())
          || p.asOf().equals(q.asOf()) && p.symbol().compareTo(q.symbol()) < 0, "row order");
    }
    assertEquals(s.size(), s.featureMatrix().length);
    assertEquals(s.rows().get(0).forwardReturn(), s.forwardReturns()[0]);
    assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(List.of(a, a), RET1, 2));
    assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(a, RET1, 0));
    assertThrows(IllegalArgumentException.class, () -> TrainingSet.of(List.of(), RET1, 1));
  }
}
