package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * An immutable T x N table of prices: one column per asset, one row per timestamp of a
 * {@link TimeIndex}, stored column-major.
 *
 * <p><b>Values.</b> Every present price is finite and &gt; 0; a missing price is {@code NaN}.
 * Ragged data is normal: an asset that lists late has leading NaN, one that stops trading has
 * trailing NaN, and gaps may occur anywhere. Construction rejects anything else with a message
 * naming the asset, the timestamp and the value.
 *
 * <p><b>NaN rules</b> (also in {@code docs/data-model.md}): {@link #returns()} is NaN wherever
 * either price is missing; {@link #latest()} takes each asset's last valid price;
 * {@link #resample(Frequency, Sampling)} takes the first/last valid price of each period;
 * {@link #dropIncompleteRows()} keeps rows where every asset has a price; {@link #reindex} and
 * {@link #join} put NaN on timestamps a frame lacks. Nothing is ever forward-filled implicitly:
 * {@link #forwardFill()} does it when asked.
 *
 * <p>Thread-safe. Arrays passed in are copied; arrays returned are copies.
 *
 * @since 0.1.0
 */
public final class PriceFrame extends FrameBase<PriceFrame> {

  private PriceFrame(TimeIndex index, List<String> assets, double[][] columns, Frequency frequency) {
    super(index, assets, columns, frequency);
  }

  /**
   * A frame from column-major data ({@code columns[asset][row]}); the frequency is inferred from
   * the index when possible (see {@link Frequency#infer(TimeIndex)}).
   *
   * @param index the row timestamps
   * @param assets the asset names, one per column: unique, not blank
   * @param columns one array per asset, each as long as the index (copied): prices finite and
   *     &gt; 0, NaN where missing
   * @return the frame
   * @throws IllegalArgumentException if the shapes disagree or a present price is not a finite
   *     number &gt; 0 (the message names the asset, timestamp and value)
   */
  public static PriceFrame of(TimeIndex index, List<String> assets, double[][] columns) {
    List<String> names = Checks.assetNames(assets, "assets");
    double[][] copy = validatedCopy(index, names, columns);
    PriceFrame f = new PriceFrame(index, names, copy, inferOrNull(index));
    f.checkAll();
    return f;
  }

  /**
   * A frame with an explicit frequency; see {@link #of(TimeIndex, List, double[][])}.
   *
   * @param index the row timestamps
   * @param assets the asset names, one per column: unique, not blank
   * @param columns one array per asset, each as long as the index (copied): prices finite and
   *     &gt; 0, NaN where missing
   * @param frequency the sampling frequency for annualisation, not null
   * @return the frame
   * @throws IllegalArgumentException as for {@link #of(TimeIndex, List, double[][])}
   */
  public static PriceFrame of(TimeIndex index, List<String> assets, double[][] columns,
      Frequency frequency) {
    return of(index, assets, columns).withFrequency(frequency);
  }

  /** Used by readers and transformations that have validated their data already. */
  static PriceFrame trusted(TimeIndex index, List<String> assets, double[][] columns,
      Frequency frequency) {
    return new PriceFrame(index, assets, columns, frequency);
  }

  /**
   * Reads a wide CSV file: a header line, then one row per timestamp. The first column holds
   * the timestamps (any header name; ISO dates, ISO date-times, or epoch seconds/milliseconds,
   * detected from the first row and required of every row); every other column is an asset
   * named by its header. An empty cell (or {@code NaN}) is a missing price. Entirely empty lines
   * are skipped; everything else must parse.
   *
   * @param path the CSV file (UTF-8)
   * @return the frame; its frequency is inferred from the timestamps when possible
   * @throws CsvFormatException naming the file, line, column and value of the first problem:
   *     a non-numeric, non-positive or infinite price, a malformed, duplicate or out-of-order
   *     timestamp, a row with the wrong number of fields, a blank or duplicate asset name, or an
   *     empty file
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static PriceFrame readCsv(Path path) {
    Checks.notNull(path, "path");
    return readCsv(FrameCsv.open(path), FrameCsv.sourceName(path));
  }

  /**
   * Reads a wide CSV from {@code reader} (closed afterwards); see {@link #readCsv(Path)}.
   *
   * @param reader the CSV text; closed when this method returns
   * @param sourceName the name of the input in error messages, e.g. a file name or URL
   * @return the frame; its frequency is inferred from the timestamps when possible
   * @throws CsvFormatException as for {@link #readCsv(Path)}
   */
  public static PriceFrame readCsv(Reader reader, String sourceName) {
    Checks.notNull(reader, "reader");
    FrameCsv.Parts p = FrameCsv.readWide(reader, Checks.notNull(sourceName, "sourceName"),
        FrameCsv.Values.PRICES);
    return new PriceFrame(p.index(), p.assets(), p.columns(), inferOrNull(p.index()));
  }

  /**
   * Reads a long ("tidy") CSV with one row per timestamp and symbol and pivots it to one column
   * per symbol. The columns are found by header name, case-insensitively: timestamp
   * ({@code date}, {@code time}, {@code datetime}, {@code timestamp}, ...), symbol
   * ({@code symbol}, {@code ticker}, {@code asset}, {@code name}, {@code code}) and value
   * ({@code value}, {@code price}, {@code adj close}, ..., {@code close}, in that order of
   * preference); other columns are ignored. Rows may come in any order; assets appear in order of
   * first appearance; a timestamp where a symbol has no row is NaN for it.
   *
   * @param path the CSV file (UTF-8)
   * @return one column per symbol, one row per distinct timestamp (sorted)
   * @throws CsvFormatException for a missing column, a malformed value or timestamp, or two rows
   *     for the same symbol and timestamp (naming both lines)
   */
  public static PriceFrame readLongCsv(Path path) {
    return readLongCsv(path, null, null, null);
  }

  /**
   * Reads a long CSV naming its columns explicitly (null = detect as in
   * {@link #readLongCsv(Path)}).
   *
   * @param path the CSV file (UTF-8)
   * @param timeColumn the header of the timestamp column (case-insensitive), or null to detect it
   * @param symbolColumn the header of the symbol column (case-insensitive), or null to detect it
   * @param valueColumn the header of the price column (case-insensitive), or null to detect it
   * @return one column per symbol, one row per distinct timestamp (sorted)
   * @throws CsvFormatException as for {@link #readLongCsv(Path)}, or if a named column is absent
   */
  public static PriceFrame readLongCsv(Path path, String timeColumn, String symbolColumn,
      String valueColumn) {
    Checks.notNull(path, "path");
    return readLongCsv(FrameCsv.open(path), FrameCsv.sourceName(path), timeColumn, symbolColumn,
        valueColumn);
  }

  /**
   * Reads a long CSV from {@code reader} (closed afterwards); see {@link #readLongCsv(Path)}.
   *
   * @param reader the CSV text; closed when this method returns
   * @param sourceName the name of the input in error messages, e.g. a file name or URL
   * @param timeColumn the header of the timestamp column (case-insensitive), or null to detect it
   * @param symbolColumn the header of the symbol column (case-insensitive), or null to detect it
   * @param valueColumn the header of the price column (case-insensitive), or null to detect it
   * @return one column per symbol, one row per distinct timestamp (sorted)
   * @throws CsvFormatException as for {@link #readLongCsv(Path, String, String, String)}
   */
  public static PriceFrame readLongCsv(Reader reader, String sourceName, String timeColumn,
      String symbolColumn, String valueColumn) {
    Checks.notNull(reader, "reader");
    FrameCsv.Parts p = FrameCsv.readLong(reader, Checks.notNull(sourceName, "sourceName"),
        timeColumn, symbolColumn, valueColumn, FrameCsv.Values.PRICES);
    return new PriceFrame(p.index(), p.assets(), p.columns(), inferOrNull(p.index()));
  }

  @Override
  PriceFrame create(TimeIndex index, List<String> assets, double[][] columns, Frequency frequency) {
    return new PriceFrame(index, assets, columns, frequency);
  }

  @Override
  String kindName() {
    return "PriceFrame";
  }

  @Override
  int displayDecimals() {
    return 4;
  }

  /** Prices are never 0: a column with a price that would print as 0.0000 goes scientific. */
  @Override
  TextTable.Num displayCell(double v) {
    return TextTable.nonZero(v, displayDecimals());
  }

  @Override
  void checkValue(double v, String asset, TimeIndex index, int row) {
    if (v != v) {
      return;
    }
    if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("Price of '" + asset + "' on " + index.label(row) + " is "
          + v + "; prices must be finite and > 0 (NaN for missing)");
    }
  }

  /**
   * The last valid price of every asset, e.g. for discrete allocation.
   *
   * @return one price per asset, labelled {@code "latest price"}
   * @throws IllegalArgumentException if an asset has no valid price at all (named)
   */
  public AssetVector latest() {
    double[] out = new double[columns.length];
    for (int a = 0; a < columns.length; a++) {
      int r = lastValidRow(assets.get(a));
      if (r < 0) {
        throw new IllegalArgumentException("Asset '" + assets.get(a) + "' has no valid price in "
            + index.first() + " .. " + index.last());
      }
      out[a] = columns[a][r];
    }
    return AssetVector.trustedPrices(assets, out, "latest price", displayDecimals());
  }

  /**
   * The last valid price of every asset on or before {@code date}.
   *
   * @param date the last day to consider, inclusive (a UTC day on an instant index)
   * @return one price per asset, labelled {@code "latest price"}
   * @throws IllegalArgumentException if no row is dated on or before {@code date}, or an asset
   *     has no valid price by then (named)
   */
  public AssetVector latest(LocalDate date) {
    Checks.notNull(date, "date");
    long raw = index.kind() == TimeIndex.Kind.DATE ? date.toEpochDay()
        : TimeIndex.endOfDayMillis(date);
    int end = index.floorEnd(raw);
    if (end == 0) {
      throw new IllegalArgumentException("No row on or before " + date + "; this PriceFrame starts "
          + index.first());
    }
    return slice(0, end).latest();
  }

  /**
   * Simple returns {@code r_t = p_t / p_(t-1) - 1} for rows 1..T-1 (row 0 has no predecessor and
   * is dropped; it becomes the return frame's base timestamp). {@code r_t} is NaN when either
   * price is missing, so a late listing's first return is NaN and a one-row gap gives two NaN
   * returns. The frequency is kept.
   *
   * @return T-1 rows of simple returns (fractions, per period), with the base timestamp set
   * @throws IllegalArgumentException if the frame has a single row, or a ratio of two prices
   *     overflows (named)
   */
  public ReturnFrame returns() {
    return toReturns(ReturnFrame.Type.SIMPLE);
  }

  /**
   * Log returns {@code ln(p_t / p_(t-1))} with the same NaN rule and shape as {@link #returns()}.
   *
   * @return T-1 rows of log returns (per period), with the base timestamp set
   * @throws IllegalArgumentException if the frame has a single row
   */
  public ReturnFrame logReturns() {
    return toReturns(ReturnFrame.Type.LOG);
  }

  private ReturnFrame toReturns(ReturnFrame.Type type) {
    int t = rows();
    if (t < 2) {
      throw new IllegalArgumentException("Returns need at least 2 rows, but this PriceFrame has "
          + t + " (" + index + ")");
    }
    double[][] out = new double[columns.length][t - 1];
    for (int a = 0; a < columns.length; a++) {
      double[] p = columns[a];
      double[] r = out[a];
      if (type == ReturnFrame.Type.SIMPLE) {
        for (int i = 1; i < t; i++) {
          r[i - 1] = p[i] / p[i - 1] - 1.0; // NaN propagates
        }
      } else {
        for (int i = 1; i < t; i++) {
          double q = p[i] / p[i - 1];
          // A ratio beyond the double range, or below its normal range, still has a finite log:
          // ln(1e300 / 1e-300) is 1381.6, not Infinity (NaN stays NaN).
          r[i - 1] = q >= Double.MIN_NORMAL && q <= Double.MAX_VALUE ? Math.log(q)
              : Math.log(p[i]) - Math.log(p[i - 1]);
        }
      }
      for (int i = 0; i < t - 1; i++) {
        if (Double.isInfinite(r[i])) {
          throw new IllegalArgumentException("Return of '" + assets.get(a) + "' on "
              + index.label(i + 1) + " is " + r[i] + " (prices " + p[i] + " then " + p[i + 1]
              + " overflow the ratio)");
        }
      }
    }
    return ReturnFrame.trusted(index.slice(1, t), assets, out, frequency, type,
        index.value(0));
  }

  /**
   * Resamples to a coarser frequency, keeping per asset the first or last valid price of each
   * period (see {@link Sampling}); a period in which an asset has no valid price is NaN for it.
   * Prices are never invented or interpolated. Periods are calendar weeks (ISO, Monday to
   * Sunday), months, quarters, years or days (UTC dates), or intraday buckets of the bar size
   * aligned to midnight UTC. Each row is labelled with the last (LAST) or first (FIRST)
   * timestamp of the period present in this frame. A partial last period is kept.
   *
   * @param target a frequency that defines periods (calendar, or intraday with a bar size)
   * @param sampling which valid price of a period to keep, the first or the last
   * @return one row per period that has a row in this frame
   * @throws IllegalArgumentException if {@code target} defines no periods (see
   *     {@link Frequency#isResamplingTarget()}), or is intraday on a date index
   */
  public PriceFrame resample(Frequency target, Sampling sampling) {
    return sampleLevels(target, sampling);
  }

  /**
   * Resamples keeping the last valid price of each period (month-end prices for MONTHLY): the
   * same as {@code resample(target, Sampling.LAST)}.
   *
   * @param target a frequency that defines periods (calendar, or intraday with a bar size)
   * @return one row per period that has a row in this frame
   * @throws IllegalArgumentException as for {@link #resample(Frequency, Sampling)}
   */
  public PriceFrame resample(Frequency target) {
    return sampleLevels(target, Sampling.LAST);
  }

  /**
   * Fills each gap with the asset's last valid price before it; leading NaN (before an asset's
   * first price) stay NaN. Never done implicitly by any other operation.
   *
   * @return a new frame of the same shape, NaN only before each asset's first price
   */
  public PriceFrame forwardFill() {
    double[][] out = toArray();
    for (double[] c : out) {
      double last = Double.NaN;
      for (int t = 0; t < c.length; t++) {
        if (c[t] == c[t]) {
          last = c[t];
        } else {
          c[t] = last;
        }
      }
    }
    return new PriceFrame(index, assets, out, frequency);
  }

  /**
   * Every price divided by the asset's first valid price, so each column starts at 1 (growth of
   * one unit of currency); leading NaN stay NaN.
   *
   * @return a new frame of the same shape holding growth factors (1 at each asset's first price)
   * @throws IllegalArgumentException if a ratio is not a valid price (it overflows, or underflows
   *     to 0: prices spanning more than the double range), naming the asset and the date
   */
  public PriceFrame normalized() {
    double[][] out = toArray();
    for (int a = 0; a < out.length; a++) {
      double[] c = out[a];
      double base = Double.NaN;
      for (int t = 0; t < c.length; t++) {
        if (base != base) {
          base = c[t];
        }
        double r = c[t] / base;
        if (!(r > 0 && r <= Double.MAX_VALUE) && r == r) {
          throw new IllegalArgumentException("Normalising '" + assets.get(a) + "' gives " + r
              + " on " + index.label(t) + " (price " + c[t] + " / first price " + base
              + "), not a valid price");
        }
        c[t] = r;
      }
    }
    return new PriceFrame(index, assets, out, frequency);
  }
}
