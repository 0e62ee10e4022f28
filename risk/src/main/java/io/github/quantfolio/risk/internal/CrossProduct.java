package io.github.quantfolio.risk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cross products {@code C = A^T B} of column-major data ({@code a[col][row]}), the one kernel
 * behind every covariance estimator.
 *
 * <p>Blocked for cache: columns are packed into row-major panels of {@link #BLOCK} columns, and
 * each output tile ({@code BLOCK x BLOCK}, 32 KB) is accumulated over all rows with
 * {@code c[i][J] += a[t][i] * b[t][J]}, an inner loop the JIT vectorises. For symmetric products
 * only tiles on or above the diagonal are computed and then mirrored. Tiles run in parallel on
 * the common fork-join pool when the product is large enough; every output element is summed
 * over rows in the same order whatever the thread count, so results are bit-identical for any
 * parallelism.
 */
public final class CrossProduct {

  /** Columns per panel and tile edge. */
  static final int BLOCK = 64;
  /** Below this many multiply-adds a product runs on the calling thread. */
  private static final long PARALLEL_THRESHOLD = 4_000_000L;

  private CrossProduct() {
  }

  /** {@code A^T A} for columns {@code a[col][row]} of equal length. */
  public static double[][] gram(double[][] a) {
    return product(a, a, true);
  }

  /** {@code A^T B} for columns of equal length; result {@code [colsA][colsB]}. */
  public static double[][] cross(double[][] a, double[][] b) {
    return product(a, b, false);
  }

  private static double[][] product(double[][] a, double[][] b, boolean symmetric) {
    int n = a.length;
    int m = b.length;
    int rows = n == 0 ? 0 : a[0].length;
    double[][] out = new double[n][m];
    if (n == 0 || m == 0 || rows == 0) {
      return out;
    }
    double[][] panelsA = pack(a, rows);
    double[][] panelsB = symmetric ? panelsA : pack(b, rows);
    int blocksA = panelsA.length;
    int blocksB = panelsB.length;
    List<int[]> tiles = new ArrayList<>();
    for (int bi = 0; bi < blocksA; bi++) {
      for (int bj = symmetric ? bi : 0; bj < blocksB; bj++) {
        tiles.add(new int[] {bi, bj});
      }
    }
    IntStream range = IntStream.range(0, tiles.size());
    if ((long) n * m * rows >= PARALLEL_THRESHOLD) {
      range = range.parallel();
    }
    range.forEach(k -> {
      int bi = tiles.get(k)[0];
      int bj = tiles.get(k)[1];
      int i0 = bi * BLOCK;
      int j0 = bj * BLOCK;
      int wi = Math.min(BLOCK, n - i0);
      int wj = Math.min(BLOCK, m - j0);
      double[] c = tile(panelsA[bi], wi, panelsB[bj], wj, rows);
      for (int i = 0; i < wi; i++) {
        System.arraycopy(c, i * wj, out[i0 + i], j0, wj);
        if (symmetric && bi != bj) {
          for (int j = 0; j < wj; j++) {
            out[j0 + j][i0 + i] = c[i * wj + j];
          }
        }
      }
    });
    return out;
  }

  /** Packs columns into row-major panels: {@code panel[b][t * width + j] = a[b * BLOCK + j][t]}. */
  private static double[][] pack(double[][] a, int rows) {
    int n = a.length;
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] panels = new double[blocks][];
    for (int b = 0; b < blocks; b++) {
      int j0 = b * BLOCK;
      int w = Math.min(BLOCK, n - j0);
      double[] p = new double[rows * w];
      for (int j = 0; j < w; j++) {
        double[] col = a[j0 + j];
        if (col.length != rows) {
          throw new IllegalArgumentException(
              "Expected columns of " + rows + " rows, but column " + (j0 + j) + " has " + col.length);
        }
        for (int t = 0, k = j; t < rows; t++, k += w) {
          p[k] = col[t];
        }
      }
      panels[b] = p;
    }
    return panels;
  }

  /**
   * One output tile: {@code c[i * wj + j] = sum_t pa[t * wi + i] * pb[t * wj + j]}. Four periods
   * are folded into each update of {@code c}, so the tile is loaded and stored once per four
   * multiply-adds (the loop is bound by those loads and stores, not by arithmetic); the sum over
   * t is therefore grouped in fours, in a fixed order.
   */
  private static double[] tile(double[] pa, int wi, double[] pb, int wj, int rows) {
    double[] c = new double[wi * wj];
    int t = 0;
    for (; t + 4 <= rows; t += 4) {
      int ra = t * wi;
      int rb0 = t * wj;
      int rb1 = rb0 + wj;
      int rb2 = rb1 + wj;
      int rb3 = rb2 + wj;
      for (int i = 0; i < wi; i++) {
        double x0 = pa[ra + i];
        double x1 = pa[ra + wi + i];
        double x2 = pa[ra + 2 * wi + i];
        double x3 = pa[ra + 3 * wi + i];
        int rc = i * wj;
        for (int j = 0; j < wj; j++) {
          c[rc + j] += x0 * pb[rb0 + j] + x1 * pb[rb1 + j] + x2 * pb[rb2 + j] + x3 * pb[rb3 + j];
        }
      }
    }
    for (; t < rows; t++) {
      int ra = t * wi;
      int rb = t * wj;
      for (int i = 0; i < wi; i++) {
        double x = pa[ra + i];
        int rc = i * wj;
        for (int j = 0; j < wj; j++) {
          c[rc + j] += x * pb[rb + j];
        }
      }
    }
    return c;
  }

}
