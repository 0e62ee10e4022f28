package io.github.quantfolio.risk;

import io.github.quantfolio.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable correlation matrix labelled by asset (unit diagonal, symmetric), with the
 * summaries used in concentration analysis.
 *
 * @since 0.1.0
 */
public final class CorrelationMatrix {

  /**
   * Two assets and their correlation.
   *
   * @param first the asset that comes first in the matrix
   * @param second the other asset
   * @param correlation their correlation
   */
  public record Pair(String first, String second, double correlation) {
  }

  private final List<String> assets;
  private final double[][] values;

  CorrelationMatrix(List<String> assets, double[][] values) {
    this.assets = assets;
    this.values = values;
  }

  /**
   * The asset names in order.
   *
   * @return the asset names in order
   */
  public List<String> assets() {
    return assets;
  }

  /**
   * The correlation of two assets.
   *
   * @param a the first asset, one of {@link #assets()}
   * @param b the second asset, one of {@link #assets()}
   * @return their correlation (1 when {@code a} equals {@code b})
   */
  public double get(String a, String b) {
    return values[indexOf(a)][indexOf(b)];
  }

  /**
   * The correlation at row {@code i}, column {@code j}.
   *
   * @param i the row, 0 &lt;= i &lt; N, in the order of {@link #assets()}
   * @param j the column, 0 &lt;= j &lt; N
   * @return the correlation of assets {@code i} and {@code j}
   */
  public double get(int i, int j) {
    return values[i][j];
  }

  private int indexOf(String asset) {
    int i = assets.indexOf(Checks.notNull(asset, "asset"));
    if (i < 0) {
      throw new IllegalArgumentException("Unknown asset '" + asset + "'; this matrix has " + assets);
    }
    return i;
  }

  /**
   * A copy of the values.
   *
   * @return a copy of the values
   */
  public double[][] toArray() {
    double[][] out = new double[values.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }

  /**
   * The mean of the {@code N(N-1)/2} correlations above the diagonal.
   *
   * @return the mean of the {@code N(N-1)/2} correlations above the diagonal
   * @throws IllegalArgumentException for a single asset (there is no pair)
   */
  public double averagePairwise() {
    int n = values.length;
    if (n < 2) {
      throw new IllegalArgumentException("An average pairwise correlation needs 2 assets, but found " + n);
    }
    double s = 0;
    for (int i = 1; i < n; i++) {
      for (int j = 0; j < i; j++) {
        s += values[i][j];
      }
    }
    return s / (n * (n - 1) / 2.0);
  }

  /**
   * The pairs with correlation strictly above {@code threshold}, highest first.
   *
   * @param threshold the correlation a pair must exceed, finite (e.g. 0.8)
   * @return the pairs with correlation strictly above {@code threshold}, highest first
   */
  public List<Pair> pairsAbove(double threshold) {
    Checks.finite(threshold, "threshold");
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      for (int j = i + 1; j < values.length; j++) {
        if (values[i][j] > threshold) {
          out.add(new Pair(assets.get(i), assets.get(j), values[i][j]));
        }
      }
    }
    out.sort((x, y) -> Double.compare(y.correlation(), x.correlation()));
    return out;
  }

  @Override
  public String toString() {
    return "CorrelationMatrix " + assets.size() + " x " + assets.size() + "\n"
        + CovarianceMatrix.table(assets, values, 3);
  }
}
