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
  // "asset", or "column" for a ValueFrame's named columns (equity, cash, ...)
  private final String noun;

  FrameSummary(List<AssetSummary> rows, String noun) {
    this.rows = List.copyOf(rows);
    this.noun = noun;
  }

  /**
   * One summary per asset, in the frame's asset order.
   *
   * @return one summary per asset, in the frame's asset order
   */
  public List<AssetSummary> assets() {
    return rows;
  }

  /**
   * The summary of {@code asset}.
   *
   * @param asset the asset name, not null
   * @return the asset's summary
   * @throws IllegalArgumentException if the frame has no such asset
   */
  public AssetSummary get(String asset) {
    Checks.notNull(asset, "asset");
    for (AssetSummary s : rows) {
      if (s.asset().equals(asset)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown " + noun + " '" + asset + "'");
  }

  /**
   * One row per asset: count, first and last timestamp, mean, standard deviation, minimum,
   * maximum and last value. Each statistic column has one notation (about 5 significant digits of
   * its largest value, or scientific notation for the whole column); an asset with no valid value
   * prints "-" for what it lacks.
   */
  @Override
  public String toString() {
    TextTable t = new TextTable(noun, "count", "first", "last", "mean", "std", "min", "max", "latest");
    for (AssetSummary s : rows) {
      t.row(s.asset(), Integer.toString(s.count()), orDash(s.firstValid()),
          orDash(s.lastValid()), stat(s.mean()), stat(s.std()), stat(s.min()), stat(s.max()),
          stat(s.last()));
    }
    return t.render();
  }

  /** A statistic: about 5 significant digits, one notation per column; "-" if undefined. */
  private static Object stat(double v) {
    return v == v ? TextTable.significant(v, 5) : "-";
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
