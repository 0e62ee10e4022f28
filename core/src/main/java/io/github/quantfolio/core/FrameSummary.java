package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.util.List;

/**
 * Per-asset statistics of a frame ({@link PriceFrame#describe()}, {@link ReturnFrame#describe()}),
 * printed as a table by {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class FrameSummary {

  private final List<AssetSummary> rows;

  FrameSummary(List<AssetSummary> rows) {
    this.rows = List.copyOf(rows);
  }

  /** One summary per asset, in the frame's asset order. */
  public List<AssetSummary> assets() {
    return rows;
  }

  /**
   * The summary of {@code asset}.
   *
   * @throws IllegalArgumentException if the frame has no such asset
   */
  public AssetSummary get(String asset) {
    Checks.notNull(asset, "asset");
    for (AssetSummary s : rows) {
      if (s.asset().equals(asset)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown asset '" + asset + "'");
  }

  @Override
  public String toString() {
    TextTable t = new TextTable("asset", "count", "first", "last", "mean", "std", "min", "max", "latest");
    for (AssetSummary s : rows) {
      t.row(s.asset(), Integer.toString(s.count()), String.valueOf(s.firstValid()),
          String.valueOf(s.lastValid()), TextTable.auto(s.mean(), 5), TextTable.auto(s.std(), 5),
          TextTable.auto(s.min(), 5), TextTable.auto(s.max(), 5), TextTable.auto(s.last(), 5));
    }
    return t.render();
  }
}
