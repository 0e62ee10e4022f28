package io.github.quantfolio.spark.internal;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Splits jobs into partitions of near-equal estimated cost: the longest-processing-time-first
 * rule (Graham 1969; within 4/3 of the optimal makespan). Jobs are taken by decreasing cost (ties
 * by job number) and each goes to the partition with the least cost so far (ties to the lowest
 * partition number), so the split depends on nothing but the costs. Each partition lists its jobs
 * in increasing order. The split only balances work: results never depend on it.
 */
public final class CostPartitioner {

  private CostPartitioner() {
  }

  /**
   * The jobs of each of {@code parts} partitions.
   *
   * @param costs the estimated cost of every job, finite and &gt; 0
   * @param parts the number of partitions, in {@code [1, costs.length]}
   * @return {@code parts} arrays of job numbers, none empty, together each job exactly once
   */
  public static int[][] split(double[] costs, int parts) {
    int n = costs.length;
    if (parts < 1 || parts > n) {
      throw new IllegalArgumentException("Expected 1 <= parts <= " + n + " jobs, but found "
          + parts);
    }
    for (int k = 0; k < n; k++) {
      if (!(costs[k] > 0) || costs[k] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("Expected a finite cost > 0 for job " + k
            + ", but found " + costs[k]);
      }
    }
    // jobs by decreasing cost, ties by job number: sort primitive keys (rank of the cost among
    // the distinct costs, descending, in the high half; the job number in the low half)
    double[] distinct = Arrays.stream(costs).distinct().sorted().toArray();
    long[] keys = new long[n];
    for (int k = 0; k < n; k++) {
      long rank = distinct.length - 1 - Arrays.binarySearch(distinct, costs[k]);
      keys[k] = rank << 32 | k;
    }
    Arrays.sort(keys);
    double[] load = new double[parts];
    int[] count = new int[parts];
    int[] owner = new int[n];
    PriorityQueue<Integer> least = new PriorityQueue<>(parts, (a, b) -> {
      int c = Double.compare(load[a], load[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int p = 0; p < parts; p++) {
      least.add(p);
    }
    for (long key : keys) {
      int k = (int) key; // the low half
      int p = least.poll();
      owner[k] = p;
      load[p] += costs[k];
      count[p]++;
      least.add(p);
    }
    int[][] out = new int[parts][];
    for (int p = 0; p < parts; p++) {
      out[p] = new int[count[p]];
    }
    int[] fill = new int[parts];
    for (int k = 0; k < n; k++) { // increasing job order inside each partition
      out[owner[k]][fill[owner[k]]++] = k;
    }
    return out;
  }
}
