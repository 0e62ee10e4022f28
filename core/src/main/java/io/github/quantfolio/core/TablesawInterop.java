package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Conversions between Quantfolio frames and Tablesaw {@link Table}s.
 *
 * <p>Tablesaw is an <em>optional</em> dependency of {@code quantfolio-core}: add
 * {@code tech.tablesaw:tablesaw-core} to your own build to use this class; nothing else in
 * Quantfolio loads it. Missing values map both ways between {@code NaN} and Tablesaw's missing
 * marker.
 *
 * <p>A table made from a frame has a first column {@code date} ({@link DateColumn}, for date
 * indexes) or {@code time} ({@link InstantColumn}, for instant indexes) and one
 * {@link DoubleColumn} per asset (or per column of a {@link ValueFrame}).
 *
 * @since 0.1.0
 */
public final class TablesawInterop {

  private TablesawInterop() {
  }

  /**
   * The prices as a table named {@code prices}; see the class doc for the layout.
   *
   * @param prices the frame, not null
   * @return a new table (NaN where a price is missing)
   */
  public static Table toTable(PriceFrame prices) {
    Checks.notNull(prices, "prices");
    return toTable("prices", prices);
  }

  /**
   * The returns as a table named {@code returns}; see the class doc for the layout.
   *
   * @param returns the frame, not null
   * @return a new table (NaN where a return is missing)
   */
  public static Table toTable(ReturnFrame returns) {
    Checks.notNull(returns, "returns");
    return toTable("returns", returns);
  }

  /**
   * The values as a table named {@code values}; see the class doc for the layout.
   *
   * @param values the frame
   * @return a new table
   * @since 0.1.0
   */
  public static Table toTable(ValueFrame values) {
    Checks.notNull(values, "values");
    return toTable("values", values);
  }

  /**
   * The bars as a table named by the symbol: time column, open, high, low, close, volume, and
   * {@code adj close} when the bars have one.
   *
   * @param bars the bars, not null
   * @return a new table; the time column is {@code date} or {@code time} as for frames
   */
  public static Table toTable(Bars bars) {
    Checks.notNull(bars, "bars");
    Table t = Table.create(bars.symbol(), timeColumn(bars.index()),
        DoubleColumn.create("open", bars.open()), DoubleColumn.create("high", bars.high()),
        DoubleColumn.create("low", bars.low()), DoubleColumn.create("close", bars.close()),
        DoubleColumn.create("volume", bars.volume()));
    if (bars.hasAdjustedClose()) {
      t.addColumns(DoubleColumn.create("adj close", bars.adjustedClose()));
    }
    return t;
  }

  private static Table toTable(String name, FrameBase<?> frame) {
    List<Column<?>> cols = new ArrayList<>(frame.assetCount() + 1);
    cols.add(timeColumn(frame.index()));
    for (int a = 0; a < frame.assetCount(); a++) {
      cols.add(DoubleColumn.create(frame.assets().get(a), frame.column(a)));
    }
    return Table.create(name, cols);
  }

  private static Column<?> timeColumn(TimeIndex index) {
    if (index.kind() == TimeIndex.Kind.DATE) {
      return DateColumn.create("date", index.dates());
    }
    List<Instant> instants = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      instants.add(index.instant(i));
    }
    return InstantColumn.create("time", instants);
  }

  /**
   * Prices from a table whose first column holds the timestamps ({@link DateColumn}, or
   * {@link InstantColumn}, or {@link DateTimeColumn} read as UTC) and whose other columns are
   * numeric, one per asset (missing = NaN). Validation is that of
   * {@link PriceFrame#of(TimeIndex, List, double[][])}.
   *
   * @param table a timestamp column (strictly increasing, none missing), then at least one
   *     numeric column named by its asset
   * @return the frame; its frequency is inferred from the timestamps when possible
   * @throws IllegalArgumentException naming the column for a non-numeric asset column, a
   *     missing timestamp, or any problem {@code PriceFrame.of} reports
   */
  public static PriceFrame toPriceFrame(Table table) {
    Checks.notNull(table, "table");
    TimeIndex index = readIndex(table);
    return PriceFrame.of(index, columnNames(table), numericColumns(table));
  }

  /**
   * General values from a table laid out as for {@link #toPriceFrame(Table)}. Validation is that
   * of {@link ValueFrame#of(TimeIndex, List, double[][])} (finite values of any sign, missing =
   * NaN).
   *
   * @param table the table
   * @return the frame
   * @throws IllegalArgumentException as {@link #toPriceFrame(Table)}, or for an infinite value
   * @since 0.1.0
   */
  public static ValueFrame toValueFrame(Table table) {
    Checks.notNull(table, "table");
    TimeIndex index = readIndex(table);
    return ValueFrame.of(index, columnNames(table), numericColumns(table));
  }

  private static List<String> columnNames(Table table) {
    List<String> names = new ArrayList<>();
    for (int c = 1; c < table.columnCount(); c++) {
      names.add(table.column(c).name());
    }
    return names;
  }

  private static double[][] numericColumns(Table table) {
    double[][] cols = new double[table.columnCount() - 1][];
    for (int c = 1; c < table.columnCount(); c++) {
      Column<?> col = table.column(c);
      if (!(col instanceof NumericColumn<?> num)) {
        throw new IllegalArgumentException("Column '" + col.name() + "' of table '" + table.name()
            + "' is " + col.type() + ", not numeric");
      }
      double[] v = new double[table.rowCount()];
      for (int r = 0; r < v.length; r++) {
        v[r] = num.isMissing(r) ? Double.NaN : num.getDouble(r);
      }
      cols[c - 1] = v;
    }
    return cols;
  }

  private static TimeIndex readIndex(Table table) {
    if (table.columnCount() < 2) {
      throw new IllegalArgumentException("Table '" + table.name()
          + "' needs a timestamp column and at least one value column, but has "
          + table.columnCount() + " column(s)");
    }
    Column<?> first = table.column(0);
    int n = table.rowCount();
    for (int r = 0; r < n; r++) {
      if (first.isMissing(r)) {
        throw new IllegalArgumentException("Timestamp column '" + first.name() + "' of table '"
            + table.name() + "' is missing a value in row " + r);
      }
    }
    if (first instanceof DateColumn dates) {
      List<LocalDate> d = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        d.add(dates.get(r));
      }
      return TimeIndex.ofDates(d);
    }
    long[] millis = new long[n];
    if (first instanceof InstantColumn instants) {
      for (int r = 0; r < n; r++) {
        millis[r] = instants.get(r).toEpochMilli();
      }
    } else if (first instanceof DateTimeColumn times) {
      for (int r = 0; r < n; r++) {
        LocalDateTime t = times.get(r);
        millis[r] = t.toInstant(ZoneOffset.UTC).toEpochMilli();
      }
    } else {
      throw new IllegalArgumentException("The first column of table '" + table.name() + "' ('"
          + first.name() + "') must hold dates, date-times or instants, but is " + first.type());
    }
    return TimeIndex.ofEpochMillis(millis);
  }
}
