package io.github.quantfolio.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.AssetVector;
import io.github.quantfolio.core.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DiscreteAllocationTest {

  @Test
  void greedyByHand() {
    // Capital 1000; targets A 500, B 300, C 200 at prices 90, 110, 45.
    // Stage 1: A 5 (450), B 2 (220), C 4 (180): 850 spent, 150 left.
    // Deficits A 50, B 80, C 20: buy B (110) -> 40 left; deficits A 50 (90 > 40), B -30,
    // C 20 (45 > 40): nothing affordable with a deficit. Leftover 40.
    DiscreteAllocation.Allocation a = DiscreteAllocation.greedy(
        Weights.of(List.of("A", "B", "C"), new double[] {0.5, 0.3, 0.2}),
        AssetVector.of(List.of("A", "B", "C"), new double[] {90, 110, 45}), 1000);
    assertEquals(Map.of("A", 5L, "B", 3L, "C", 4L), a.shares());
    assertEquals(40, a.leftover(), 1e-12);
    // Realised weights 450/960, 330/960, 180/960.
    double e = Math.sqrt((Math.pow(0.5 - 450 / 960.0, 2) + Math.pow(0.3 - 330 / 960.0, 2)
        + Math.pow(0.2 - 180 / 960.0, 2)) / 3);
    assertEquals(e, a.rmse(), 1e-15);
  }

  @Test
  void longShortAllocatesEachSide() {
    // Longs A 0.8, B 0.4 (normalised 2/3, 1/3 of 1000); shorts C -0.2 with ratio 0.2: 200.
    DiscreteAllocation.Allocation a = DiscreteAllocation.greedy(
        Weights.of(List.of("A", "B", "C"), new double[] {0.8, 0.4, -0.2}),
        AssetVector.of(List.of("A", "B", "C"), new double[] {100, 50, 40}), 1000);
    // A: 666.67 / 100 -> 6 (600); B: 333.33 / 50 -> 6 (300); 100 left: deficits A 66.7,
    // B 33.3 -> buy A (100) -> 0 left. C: 200 / 40 = 5 short.
    assertEquals(Map.of("A", 7L, "B", 6L, "C", -5L), a.shares());
    assertEquals(0, a.leftover(), 1e-9);
  }

  @Test
  void badInput() {
    Weights w = Weights.of(List.of("A"), new double[] {1});
    assertThrows(IllegalArgumentException.class,
        () -> DiscreteAllocation.greedy(w, AssetVector.of(List.of("B"), new double[] {1}), 100));
    assertThrows(IllegalArgumentException.class,
        () -> DiscreteAllocation.greedy(w, AssetVector.of(List.of("A"), new double[] {-1}), 100));
    assertThrows(IllegalArgumentException.class,
        () -> DiscreteAllocation.greedy(w, AssetVector.of(List.of("A"), new double[] {1}), 0));
  }

  @Property(tries = 200)
  void spendsNoMoreThanTheCapitalAndLeavesNothingAffordableUnderweight(
      @ForAll @IntRange(min = 1, max = 25) int n, @ForAll long seed) {
    Random rnd = new Random(seed);
    List<String> names = new ArrayList<>();
    double[] w = new double[n];
    double[] p = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      names.add("A" + i);
      w[i] = rnd.nextDouble();
      s += w[i];
      p[i] = 1 + rnd.nextDouble() * 500;
    }
    for (int i = 0; i < n; i++) {
      w[i] /= s;
    }
    double capital = 1000 + rnd.nextDouble() * 100_000;
    DiscreteAllocation.Allocation a = DiscreteAllocation.greedy(Weights.of(names, w),
        AssetVector.of(names, p), capital);
    double spent = 0;
    for (Map.Entry<String, Long> e : a.shares().entrySet()) {
      assertTrue(e.getValue() > 0);
      spent += e.getValue() * p[names.indexOf(e.getKey())];
    }
    assertEquals(capital, spent + a.leftover(), 1e-9 * capital);
    assertTrue(a.leftover() >= -1e-9);
    for (int i = 0; i < n; i++) {
      double held = a.shares().getOrDefault(names.get(i), 0L) * p[i];
      boolean underweight = w[i] * capital - held > 0;
      assertTrue(!(underweight && p[i] <= a.leftover()), "asset " + i + " still affordable and under");
    }
  }
}
