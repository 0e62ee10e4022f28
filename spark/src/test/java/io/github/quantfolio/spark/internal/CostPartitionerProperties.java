package io.github.quantfolio.spark.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The cost-balanced split of jobs into partitions. */
class CostPartitionerProperties {

  @Property(tries = 200)
  void everyJobLandsInExactlyOnePartitionAndLoadsStayWithinGrahamsBound(
      @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = 0.01, max = 100) Double> list,
      @ForAll @IntRange(min = 1, max = 40) int wanted) {
    double[] costs = list.stream().mapToDouble(Double::doubleValue).toArray();
    int parts = Math.min(wanted, costs.length);
    int[][] split = CostPartitioner.split(costs, parts);
    assertEquals(parts, split.length);
    int[] seen = new int[costs.length];
    double total = 0;
    double max = 0;
    for (double c : costs) {
      total += c;
      max = Math.max(max, c);
    }
    double heaviest = 0;
    for (int[] part : split) {
      assertTrue(part.length > 0);
      double load = 0;
      for (int i = 0; i < part.length; i++) {
        seen[part[i]]++;
        load += costs[part[i]];
        assertTrue(i == 0 || part[i - 1] < part[i], "jobs in increasing order");
      }
      heaviest = Math.max(heaviest, load);
    }
    for (int s : seen) {
      assertEquals(1, s);
    }
    // greedy list scheduling: the heaviest partition exceeds the average by at most one job
    assertTrue(heaviest <= total / parts + max + 1e-9, heaviest + " > " + (total / parts + max));
  }

  @Test
  void longestJobsFirstBalancesAHandExample() {
    // costs 7, 5, 4, 3, 3, 2 into 2 partitions, by hand: 7 -> P0; 5 -> P1; 4 -> P1 (9);
    // 3 -> P0 (10); 3 -> P1 (12)? no: P0 = 10 > P1 = 9, so 3 -> P1 (12); 2 -> P0 (12).
    // Loads 12 and 12: P0 = jobs {0, 3, 5}, P1 = jobs {1, 2, 4}.
    int[][] split = CostPartitioner.split(new double[] {7, 5, 4, 3, 3, 2}, 2);
    assertArrayEquals(new int[] {0, 3, 5}, split[0]);
    assertArrayEquals(new int[] {1, 2, 4}, split[1]);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> CostPartitioner.split(new double[] {1, 2}, 3));
    assertThrows(IllegalArgumentException.class,
        () -> CostPartitioner.split(new double[] {1, 2}, 0));
    assertThrows(IllegalArgumentException.class,
        () -> CostPartitioner.split(new double[] {1, Double.NaN}, 1));
    assertThrows(IllegalArgumentException.class,
        () -> CostPartitioner.split(new double[] {1, 0}, 1));
  }
}
