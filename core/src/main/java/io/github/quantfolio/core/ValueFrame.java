package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

/**
 * An immutable T x N table of general values with named columns: what is neither prices
 * ({@link PriceFrame}, which must be positive) nor returns ({@link ReturnFrame}, which are at least
 * -100 % and print as returns), e.g. a backtest's equity, cash, costs and turnover per bar, or its
 * portfolio weights. The same accessors, selection and CSV output as the other frames;
 * {@link #assets()} and {@link #column(String)} name and read its columns.
 *
 * <p><b>Values.</b> Present values are finite, of any sign; a missing value is {@code NaN}.
 * Anything else is rejected naming the column, the timestamp and the value. Units are those of
 * whatever produced the frame (documented there).
 *
 * <p>Thread-safe. Arrays passed in are copied; arrays returned are copies.
 *
 * @since 0.1.0
 */
public final class ValueFrame extends FrameBase<ValueFrame> {

  private ValueFrame(TimeIndex index, List<String> columns, double[][] values,
      Frequency frequency) {
    super(index, columns, values, frequency);
  }

  /**
   * A frame from column-major data ({@code values[column][row]}, copied); the frequency is
   * inferred from the index when possible (see {@link Frequency#infer(TimeIndex)}).
   *
   * @param index the row timestamps
   * @param columns the column names: unique, not blank
   * @param values one array per column, each as long as the index (copied)
   * @return the frame
   * @throws IllegalArgumentException if the shapes disagree or a present value is infinite (the
   *     message names the column, the timestamp and the value)
   */
  public static ValueFrame of(TimeIndex index, List<String> columns, double[][] values) {
    List<String> names = Checks.assetNames(columns, "columns");
    double[][] copy = validatedCopy(index, names, values);
    ValueFrame f = new ValueFrame(index, names, copy, inferOrNull(index));
    f.checkAll();
    return f;
  }

  /**
   * A frame with an explicit frequency; see {@link #of(TimeIndex, List, double[][])}.
   *
   * @param index the row timestamps
   * @param columns the column names
   * @param values one array per column (copied)
   * @param frequency the sampling frequency
   * @return the frame
   */
  public static ValueFrame of(TimeIndex index, List<String> columns, double[][] values,
      Frequency frequency) {
    return of(index, columns, values).withFrequency(frequency);
  }

  /**
   * Reads a wide CSV laid out as for {@link PriceFrame#readCsv(Path)} (empty cell = missing; any
   * finite number accepted), e.g. a file written by {@link #writeCsv(Path)}.
   *
   * @param path the file
   * @return the frame
   * @throws CsvFormatException naming file, line, timestamp, column and value of the first
   *     problem
   */
  public static ValueFrame readCsv(Path path) {
    Checks.notNull(path, "path");
    return readCsv(FrameCsv.open(path), FrameCsv.sourceName(path));
  }

  /**
   * Reads values from {@code reader} (closed afterwards); see {@link #readCsv(Path)}.
   *
   * @param reader the CSV text
   * @param sourceName the name of the input, for messages
   * @return the frame
   */
  public static ValueFrame readCsv(Reader reader, String sourceName) {
    Checks.notNull(reader, "reader");
    FrameCsv.Parts p = FrameCsv.readWide(reader, Checks.notNull(sourceName, "sourceName"),
        FrameCsv.Values.VALUES);
    return new ValueFrame(p.index(), p.assets(), p.columns(), inferOrNull(p.index()));
  }

  @Override
  ValueFrame create(TimeIndex index, List<String> assets, double[][] columns,
      Frequency frequency) {
    return new ValueFrame(index, assets, columns, frequency);
  }

  @Override
  String kindName() {
    return "ValueFrame";
  }

  @Override
  String columnNoun() {
    return "column";
  }

  @Override
  int displayDecimals() {
    return 6;
  }

  @Override
  void checkValue(double v, String column, TimeIndex index, int row) {
    if (v == v && !Double.isFinite(v)) {
      throw new IllegalArgumentException("Value of '" + column + "' on " + index.label(row)
          + " is " + v + "; values must be finite (NaN for missing)");
    }
  }
}
