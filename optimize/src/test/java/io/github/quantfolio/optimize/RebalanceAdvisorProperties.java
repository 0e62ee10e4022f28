package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Frequency;
import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.Weights;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the advisor on random books and random 30-day histories. */
class RebalanceAdvisorProperties {

  @Property(tries = 200)
  void scoreInRangeSortedAndTrimsUnderTheCap(@ForAll @IntRange(min = 1, max = 15) int n,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> syms = new ArrayList<>();
    Map<String, Double> qty = new LinkedHashMap<>();
    Map<String, String> cats = new LinkedHashMap<>();
    double[] px = new double[n];
    double[][] cols = new double[n][31];
    for (int i = 0; i < n; i++) {
      String s = "S" + i;
      syms.add(s);
      // a few dominant positions so that every rule fires now and then
      qty.put(s, rnd.nextInt(4) == 0 ? rnd.nextDouble(0, 5_000) : rnd.nextDouble(0, 300));
      cats.put(s, "C" + rnd.nextInt(3));
      double vol = rnd.nextDouble(0.001, 0.08); // daily
      double drift = rnd.nextDouble(-0.02, 0.02);
      cols[i][0] = rnd.nextDouble(1, 1000);
      for (int t = 1; t <= 30; t++) {
        cols[i][t] = cols[i][t - 1] * Math.exp(drift + vol * rnd.nextGaussian());
      }
      px[i] = cols[i][30];
    }
    if (qty.values().stream().allMatch(q -> q == 0)) {
      return;
    }
    AdvisorBook book = AdvisorBook.ofHoldings(qty, AssetVector.of(syms, px), cats,
        rnd.nextDouble(0, 1000));
    PriceFrame f = PriceFrame.of(TimeIndex.businessDays(LocalDate.of(2026, 1, 5), 31), syms, cols,
        Frequency.DAILY);
    RebalanceAnalysis r = RebalanceAdvisor.defaults().analyse(book, f);
    double h = r.health().score();
    assertTrue(h >= 0 && h <= 100, "health " + h);
    List<RebalanceRecommendation> recs = r.recommendations();
    for (int k = 1; k < recs.size(); k++) {
      RebalanceRecommendation a = recs.get(k - 1);
      RebalanceRecommendation b = recs.get(k);
      int byPriority = a.priority().compareTo(b.priority());
      assertTrue(byPriority < 0 || byPriority == 0 && a.tradeValue() >= b.tradeValue(),
          "unsorted at " + k + ": " + recs);
    }
    Weights t = r.targetWeights();
    double cap = AdvisorConfig.defaults().maxPositionWeight();
    for (RebalanceAnalysis.AssetRisk a : r.assets()) {
      double target = t.get(a.symbol());
      assertTrue(target <= cap && target <= a.weight(), a.symbol() + ": target " + target
          + ", weight " + a.weight());
    }
    // needsRebalancing is exactly the seed's rule
    assertTrue(r.needsRebalancing() == (h < 70 || r.highPriorityActions() > 0));
  }
}
