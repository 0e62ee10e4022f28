package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.CsvReader;
import io.github.quantfolio.core.internal.TextTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One instrument's OHLCV bars on a {@link TimeIndex}: immutable, column-wise {@code double[]}.
 *
 * <p><b>Values.</b> A bar is either complete — open, high, low and close finite and &gt; 0 with
 * {@code low <= min(open, close)} and {@code high >= max(open, close)} — or entirely missing (all
 * four NaN: no trade in that period). Volume is finite and &gt;= 0, or NaN when unknown (a file
 * without a volume column, or a missing bar). An optional adjusted close (vendor {@code Adj Close})
 * follows the price rules. Anything else is rejected naming the symbol, timestamp and values.
 *
 * <p>Accessors return copies. Thread-safe.
 *
 * @since 0.1.0
 */
public final class Bars {

  private final String symbol;
  private final TimeIndex index;
  private final double[] open;
  private final double[] high;
  private final double[] low;
  private final double[] close;
  private final double[] volume;
  private final double[] adjClose; // null when the source had none
  private final Frequency frequency; // null when unknown

  private Bars(String symbol, TimeIndex index, double[] open, double[] high, double[] low,
      double[] close, double[] volume, double[] adjClose, Frequency frequency) {
    this.symbol = symbol;
    this.index = index;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
    this.adjClose = adjClose;
    this.frequency = frequency;
  }

  /**
   * Bars from arrays (copied); the frequency is inferred from the index when possible.
   *
   * @param symbol the instrument's name (not blank)
   * @param index the bar timestamps, one per bar
   * @param open opening prices, one per timestamp: finite and &gt; 0, or NaN on a missing bar
   * @param high highest prices, finite and &gt;= max(open, close); NaN on a missing bar
   * @param low lowest prices, finite, &gt; 0 and &lt;= min(open, close); NaN on a missing bar
   * @param close closing prices, finite and &gt; 0, or NaN on a missing bar
   * @param volume traded quantities (e.g. shares), finite and &gt;= 0 or NaN if unknown (NaN or 0
   *     on a missing bar); or null if unknown (then all NaN)
   * @return the bars, without an adjusted close
   * @throws IllegalArgumentException if lengths differ or a bar is invalid (see class doc)
   */
  public static Bars of(String symbol, TimeIndex index, double[] open, double[] high, double[] low,
      double[] close, double[] volume) {
    return of(symbol, index, open, high, low, close, volume, null);
  }

  /**
   * Bars with an adjusted close (copied; may be null).
   *
   * @param symbol the instrument's name (not blank)
   * @param index the bar timestamps, one per bar
   * @param open opening prices, finite and &gt; 0, or NaN on a missing bar
   * @param high highest prices, finite and &gt;= max(open, close); NaN on a missing bar
   * @param low lowest prices, finite, &gt; 0 and &lt;= min(open, close); NaN on a missing bar
   * @param close closing prices, finite and &gt; 0, or NaN on a missing bar
   * @param volume traded quantities, finite and &gt;= 0 or NaN if unknown (NaN or 0 on a missing
   *     bar); or null if unknown (then all NaN)
   * @param adjustedClose split- and dividend-adjusted closes, finite and &gt; 0 or NaN (always NaN
   *     on a missing bar); or null if the source has none
   * @return the bars
   * @throws IllegalArgumentException if lengths differ or a bar is invalid (see class doc)
   * @see #of(String, TimeIndex, double[], double[], double[], double[], double[])
   */
  public static Bars of(String symbol, TimeIndex index, double[] open, double[] high, double[] low,
      double[] close, double[] volume, double[] adjustedClose) {
    Checks.notNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("Symbol must not be blank");
    }
    Checks.notNull(index, "index");
    int n = index.size();
    double[] o = copy(open, "open", n);
    double[] h = copy(high, "high", n);
    double[] l = copy(low, "low", n);
    double[] c = copy(close, "close", n);
    double[] v;
    if (volume == null) {
      v = new double[n];
      Arrays.fill(v, Double.NaN);
    } else {
      v = copy(volume, "volume", n);
    }
    double[] adj = adjustedClose == null ? null : copy(adjustedClose, "adjustedClose", n);
    for (int t = 0; t < n; t++) {
      String problem = check(o[t], h[t], l[t], c[t], v[t], adj == null ? 1.0 : adj[t], adj != null);
      if (problem != null) {
        throw new IllegalArgumentException("Bar of '" + symbol + "' on " + index.label(t) + ": "
            + problem);
      }
    }
    return new Bars(symbol, index, o, h, l, c, v, adj, FrameBase.inferOrNull(index));
  }

  static Bars trusted(String symbol, TimeIndex index, double[] open, double[] high, double[] low,
      double[] close, double[] volume, double[] adjClose, Frequency frequency) {
    return new Bars(symbol, index, open, high, low, close, volume, adjClose, frequency);
  }

  private static double[] copy(double[] a, String name, int n) {
    Checks.notNull(a, name);
    if (a.length != n) {
      throw new IllegalArgumentException("Array '" + name + "' has " + a.length
          + " values, but the index has " + n + " timestamps");
    }
    return a.clone();
  }

  /** Null if the bar is valid, else the reason with the values. */
  static String check(double o, double h, double l, double c, double v, double adj,
      boolean hasAdj) {
    boolean missing = o != o && h != h && l != l && c != c;
    if (missing) {
      if (v == v && v != 0) {
        return "volume " + v + " on a missing bar (open, high, low and close are NaN)";
      }
      return hasAdj && adj == adj ? "adjusted close " + adj + " on a missing bar" : null;
    }
    if (!isPrice(o) || !isPrice(h) || !isPrice(l) || !isPrice(c)) {
      return "open, high, low and close must all be finite and > 0 (or all NaN for a missing bar), "
          + "but found open=" + o + ", high=" + h + ", low=" + l + ", close=" + c;
    }
    if (l > Math.min(o, c) || h < Math.max(o, c)) {
      return "inconsistent bar: need low <= min(open, close) and high >= max(open, close), but "
          + "found open=" + o + ", high=" + h + ", low=" + l + ", close=" + c;
    }
    if (v == v && (!(v >= 0) || v == Double.POSITIVE_INFINITY)) {
      return "volume must be finite and >= 0 (NaN if unknown), but is " + v;
    }
    if (hasAdj && adj == adj && !isPrice(adj)) {
      return "adjusted close must be finite and > 0, but is " + adj;
    }
    return null;
  }

  private static boolean isPrice(double x) {
    return x > 0 && x != Double.POSITIVE_INFINITY;
  }

  private static final List<String> TIME = List.of("date", "time", "datetime", "timestamp",
      "date_time", "date time", "day");
  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("open", "open"), Map.entry("o", "open"),
      Map.entry("high", "high"), Map.entry("h", "high"),
      Map.entry("low", "low"), Map.entry("l", "low"),
      Map.entry("close", "close"), Map.entry("c", "close"), Map.entry("close/last", "close"),
      Map.entry("adj close", "adj"), Map.entry("adj_close", "adj"), Map.entry("adjclose", "adj"),
      Map.entry("adjusted close", "adj"), Map.entry("adjusted_close", "adj"),
      Map.entry("adj. close", "adj"),
      Map.entry("volume", "volume"), Map.entry("vol", "volume"), Map.entry("v", "volume"));

  /**
   * Reads an OHLCV CSV file; the symbol is the file name without extension. The header names
   * the columns in any order, case-insensitively: a timestamp ({@code date}, {@code time},
   * {@code datetime}, {@code timestamp}, ...), {@code open}, {@code high}, {@code low},
   * {@code close} (required), and optionally {@code volume} and an adjusted close
   * ({@code Adj Close}, {@code adj_close}, {@code adjusted close}, ...). Other columns (e.g.
   * {@code Dividends}) are ignored. Timestamps as in {@link PriceFrame#readCsv(Path)}. A row whose
   * four prices are all empty is a missing bar.
   *
   * @param path the CSV file (UTF-8)
   * @return the bars, with an adjusted close if the file has that column
   * @throws CsvFormatException naming file, line, column and value for a missing required
   *     column, a malformed or out-of-order timestamp, a malformed number or an invalid bar
   */
  public static Bars readCsv(Path path) {
    Checks.notNull(path, "path");
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return readCsv(FrameCsv.open(path), FrameCsv.sourceName(path),
        dot > 0 ? name.substring(0, dot) : name);
  }

  /**
   * Reads OHLCV CSV from {@code reader} (closed afterwards); see {@link #readCsv(Path)}.
   *
   * @param reader the CSV text; closed when this method returns
   * @param sourceName the name of the input in error messages, e.g. a file name or URL
   * @param symbol the instrument's name
   * @return the bars, with an adjusted close if the input has that column
   * @throws CsvFormatException as for {@link #readCsv(Path)}
   */
  public static Bars readCsv(Reader reader, String sourceName, String symbol) {
    Checks.notNull(reader, "reader");
    Checks.notNull(sourceName, "sourceName");
    Checks.notNull(symbol, "symbol");
    try (CsvReader in = new CsvReader(reader, sourceName)) {
      if (!in.next()) {
        throw new CsvFormatException(sourceName, 0, 0, null, null, "the file is empty (no header line)");
      }
      String[] header = in.fields();
      int tc = -1;
      int[] col = {-1, -1, -1, -1, -1, -1}; // open high low close volume adj
      List<String> roles = List.of("open", "high", "low", "close", "volume", "adj");
      for (int c = 0; c < header.length; c++) {
        String h = header[c].strip().toLowerCase(Locale.ROOT);
        if (TIME.contains(h)) {
          if (tc >= 0) {
            throw in.error(c + 1, header[c], null, "a second timestamp column (first: column "
                + (tc + 1) + ")");
          }
          tc = c;
          continue;
        }
        String role = FIELDS.get(h);
        if (role != null) {
          int r = roles.indexOf(role);
          if (col[r] >= 0) {
            throw in.error(c + 1, header[c], null, "a second '" + role + "' column (first: column "
                + (col[r] + 1) + ")");
          }
          col[r] = c;
        }
      }
      if (tc < 0) {
        throw in.error(0, null, null, "no timestamp column in the header " + Arrays.toString(header)
            + "; accepted names: " + TIME);
      }
      for (int r = 0; r < 4; r++) {
        if (col[r] < 0) {
          throw in.error(0, null, null, "no '" + roles.get(r) + "' column in the header "
              + Arrays.toString(header));
        }
      }
      int cap = 1024;
      long[] times = new long[cap];
      double[][] v = new double[6][cap];
      int n = 0;
      FrameCsv.TimestampColumn time = new FrameCsv.TimestampColumn(tc, header[tc]);
      while (in.next()) {
        FrameCsv.requireFields(in, header.length);
        long t = time.parse(in);
        time.requireIncreasing(in, t, n > 0 ? times[n - 1] : 0, n > 0);
        if (n == cap) {
          cap *= 2;
          times = Arrays.copyOf(times, cap);
          for (int r = 0; r < 6; r++) {
            v[r] = Arrays.copyOf(v[r], cap);
          }
        }
        times[n] = t;
        for (int r = 0; r < 6; r++) {
          // Prices (and adjusted close) must be > 0, volume >= 0: a bad cell is named as such.
          v[r][n] = col[r] < 0 ? Double.NaN : FrameCsv.parseValue(in, col[r], header[col[r]],
              r == 4 ? FrameCsv.Values.VOLUMES : FrameCsv.Values.PRICES, time, t);
        }
        String problem = check(v[0][n], v[1][n], v[2][n], v[3][n], v[4][n], v[5][n], col[5] >= 0);
        if (problem != null) {
          throw in.error(time.label(t), 0, null, null, problem);
        }
        n++;
      }
      if (n == 0) {
        throw new CsvFormatException(sourceName, in.lineNumber(), 0, null, null,
            "the file has a header but no data rows");
      }
      TimeIndex index = TimeIndex.trusted(time.kind(), Arrays.copyOf(times, n));
      double[][] a = new double[6][];
      for (int r = 0; r < 6; r++) {
        a[r] = Arrays.copyOf(v[r], n);
      }
      return new Bars(symbol, index, a[0], a[1], a[2], a[3], a[4], col[5] >= 0 ? a[5] : null,
          FrameBase.inferOrNull(index));
    }
  }

  /**
   * The instrument's name.
   *
   * @return the instrument's name
   */
  public String symbol() {
    return symbol;
  }

  /**
   * The bar timestamps (the start or the end of each bar, as the source had it).
   *
   * @return the bar timestamps (the start or the end of each bar, as the source had it)
   */
  public TimeIndex index() {
    return index;
  }

  /**
   * The number of bars.
   *
   * @return the number of bars
   */
  public int size() {
    return index.size();
  }

  /**
   * A copy of the opens (NaN for missing bars).
   *
   * @return a copy of the opens (NaN for missing bars)
   */
  public double[] open() {
    return open.clone();
  }

  /**
   * A copy of the highs.
   *
   * @return a copy of the highs
   */
  public double[] high() {
    return high.clone();
  }

  /**
   * A copy of the lows.
   *
   * @return a copy of the lows
   */
  public double[] low() {
    return low.clone();
  }

  /**
   * A copy of the closes.
   *
   * @return a copy of the closes
   */
  public double[] close() {
    return close.clone();
  }

  /**
   * The close of bar {@code i}, without copying the column (for loops over a few bars of a long
   * series).
   *
   * @param i the bar, {@code 0 <= i < size()}
   * @return the close (NaN for a missing bar)
   * @throws IndexOutOfBoundsException if {@code i} is outside the bars
   */
  public double close(int i) {
    return close[java.util.Objects.checkIndex(i, close.length)];
  }

  /**
   * A copy of the volumes (NaN where unknown).
   *
   * @return a copy of the volumes (NaN where unknown)
   */
  public double[] volume() {
    return volume.clone();
  }

  /**
   * Whether the source had an adjusted close.
   *
   * @return whether the source had an adjusted close
   */
  public boolean hasAdjustedClose() {
    return adjClose != null;
  }

  /**
   * A copy of the adjusted closes.
   *
   * @return a copy of the adjusted closes
   * @throws IllegalStateException if there are none (see {@link #hasAdjustedClose()})
   */
  public double[] adjustedClose() {
    if (adjClose == null) {
      throw new IllegalStateException("Bars of '" + symbol + "' have no adjusted close");
    }
    return adjClose.clone();
  }

  /**
   * Bars adjusted for splits and dividends the way vendors' adjusted close is: each bar's open,
   * high, low and close are multiplied by {@code adjClose / close}, volume is divided by it (so
   * traded value is kept), and the adjusted close becomes the close.
   *
   * @return new bars without an adjusted close (it is now the close)
   * @throws IllegalStateException if there is no adjusted close
   * @throws IllegalArgumentException if a bar has a close but no adjusted close, or the factor
   *     gives an invalid bar (the message names the date)
   */
  public Bars adjusted() {
    double[] adj = adjustedClose();
    int n = size();
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int t = 0; t < n; t++) {
      if (close[t] == close[t] && adj[t] != adj[t]) {
        throw new IllegalArgumentException("Bar of '" + symbol + "' on " + index.label(t)
            + " has close " + close[t] + " but no adjusted close; cannot adjust it");
      }
      double f = adj[t] / close[t];
      o[t] = open[t] * f;
      h[t] = Math.max(high[t] * f, Math.max(o[t], adj[t]));
      l[t] = Math.min(low[t] * f, Math.min(o[t], adj[t]));
      c[t] = adj[t];
      v[t] = volume[t] / f;
      String problem = check(o[t], h[t], l[t], c[t], v[t], 1.0, false);
      if (problem != null) { // a factor adj / close beyond what the double range holds
        throw new IllegalArgumentException("Adjusting the bar of '" + symbol + "' on "
            + index.label(t) + " by adjusted close / close = " + f + " gives an invalid bar: "
            + problem);
      }
    }
    return new Bars(symbol, index, o, h, l, c, v, null, frequency);
  }

  /**
   * The closes as a one-column {@link PriceFrame} named by the symbol.
   *
   * @return the closes as a one-column {@link PriceFrame} named by the symbol
   */
  public PriceFrame toPriceFrame() {
    return PriceFrame.trusted(index, List.of(symbol), new double[][] {close.clone()}, frequency);
  }

  /**
   * The frequency used for annualisation: inferred from the index, or set with
   * {@link #withFrequency(Frequency)}.
   *
   * @return the frequency of the bars
   * @throws IllegalStateException if unknown
   */
  public Frequency frequency() {
    if (frequency == null) {
      throw new IllegalStateException("The frequency of bars of '" + symbol + "' (" + index
          + ") is unknown: " + FrameBase.unknownFrequency(index) + "; set it with withFrequency(...)");
    }
    return frequency;
  }

  /**
   * These bars with an explicit frequency.
   *
   * @param frequency the sampling frequency for annualisation, not null
   * @return new bars sharing the values
   */
  public Bars withFrequency(Frequency frequency) {
    return new Bars(symbol, index, open, high, low, close, volume, adjClose,
        Checks.notNull(frequency, "frequency"));
  }

  /**
   * These bars under another symbol.
   *
   * @param symbol the new name, not blank
   * @return new bars sharing the values
   */
  public Bars withSymbol(String symbol) {
    Checks.notNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("Symbol must not be blank");
    }
    return new Bars(symbol, index, open, high, low, close, volume, adjClose, frequency);
  }

  /**
   * Bars {@code [from, to)}.
   *
   * @param from the first position, inclusive (0-based)
   * @param to the end position, exclusive: {@code 0 <= from < to <= size()}
   * @return the {@code to - from} bars, with this frequency
   * @throws IllegalArgumentException if the range is empty or out of bounds
   */
  public Bars slice(int from, int to) {
    TimeIndex sub = index.slice(from, to);
    return new Bars(symbol, sub, Arrays.copyOfRange(open, from, to),
        Arrays.copyOfRange(high, from, to), Arrays.copyOfRange(low, from, to),
        Arrays.copyOfRange(close, from, to), Arrays.copyOfRange(volume, from, to),
        adjClose == null ? null : Arrays.copyOfRange(adjClose, from, to), frequency);
  }

  /**
   * Bars dated {@code from} to {@code to} inclusive (UTC dates on an instant index).
   *
   * @param from the first date, inclusive
   * @param to the last date, inclusive, not before {@code from}
   * @return the bars in the range
   * @throws IllegalArgumentException if {@code from} is after {@code to}, or no bar falls in the
   *     range (the message gives the range these bars cover)
   */
  public Bars between(LocalDate from, LocalDate to) {
    int[] r = FrameBase.datedRows(index, from, to, "bars", "Bars '" + symbol + "' covers");
    return slice(r[0], r[1]);
  }

  /**
   * Aggregates into coarser bars: open of the first valid bar of the period, highest high,
   * lowest low, close of the last valid bar, summed volume (NaN if any valid bar's volume is
   * unknown), adjusted close of the last valid bar. Missing bars are skipped; a period with no
   * valid bar is omitted (there was no trade to report). Periods as in
   * {@link PriceFrame#resample(Frequency, Sampling)}; each bar is labelled with the timestamp of
   * the period's last bar.
   *
   * @param target a frequency that defines periods (calendar, or intraday with a bar size); not
   *     intraday for bars on a date index
   * @return one bar per period that has a valid bar
   * @throws IllegalArgumentException if {@code target} defines no periods or is intraday for
   *     daily bars, or no bar is valid
   */
  public Bars resample(Frequency target) {
    Checks.notNull(target, "target");
    if (!target.isResamplingTarget()) {
      throw new IllegalArgumentException("Cannot resample to " + target + ": it defines no periods");
    }
    if (target.bucket() == Frequency.Bucket.INTRADAY && index.kind() == TimeIndex.Kind.DATE) {
      throw new IllegalArgumentException("Cannot resample daily (date) bars to intraday " + target);
    }
    int n = size();
    long[] idx = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    double[] adj = adjClose == null ? null : new double[n];
    int k = -1;
    long key = 0;
    boolean open = false;
    for (int t = 0; t < n; t++) {
      long bucket = target.bucketKey(index, t);
      if (!open || bucket != key) {
        if (close[t] != close[t]) {
          continue; // a missing bar never opens a period
        }
        k++;
        key = bucket;
        open = true;
        o[k] = this.open[t];
        h[k] = high[t];
        l[k] = low[t];
        c[k] = close[t];
        v[k] = volume[t];
        if (adj != null) {
          adj[k] = adjClose[t];
        }
        idx[k] = index.value(t);
        continue;
      }
      idx[k] = index.value(t);
      if (close[t] != close[t]) {
        continue;
      }
      h[k] = Math.max(h[k], high[t]);
      l[k] = Math.min(l[k], low[t]);
      c[k] = close[t];
      v[k] += volume[t];
      if (adj != null) {
        adj[k] = adjClose[t];
      }
    }
    if (k < 0) {
      throw new IllegalArgumentException("Bars of '" + symbol + "' hold no valid bar to resample");
    }
    int m = k + 1;
    for (int b = 0; b < m; b++) {
      if (v[b] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("Resampling bars of '" + symbol + "' to " + target
            + ": the volumes of the period ending " + TimeIndex.format(index.kind(), idx[b])
            + " sum to Infinity");
      }
    }
    TimeIndex out = TimeIndex.trusted(index.kind(), Arrays.copyOf(idx, m));
    return new Bars(symbol, out,
        Arrays.copyOf(o, m), Arrays.copyOf(h, m), Arrays.copyOf(l, m), Arrays.copyOf(c, m),
        Arrays.copyOf(v, m), adj == null ? null : Arrays.copyOf(adj, m),
        FrameBase.resampledFrequency(target, out));
  }

  /**
   * Writes the bars as CSV: {@code date,open,high,low,close,volume} ({@code time} in place of
   * {@code date} on an instant index; plus {@code adj close} when present), empty cells for NaN,
   * values in round-trip form; {@link #readCsv(Path)} reads it back bit-identically.
   *
   * @param path the file to write (UTF-8), replaced if it exists
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public void writeCsv(Path path) {
    Checks.notNull(path, "path");
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
      StringBuilder sb = new StringBuilder(128);
      sb.append(index.kind() == TimeIndex.Kind.DATE ? "date" : "time")
          .append(",open,high,low,close,volume").append(adjClose == null ? "" : ",adj close")
          .append('\n');
      w.append(sb);
      for (int t = 0; t < size(); t++) {
        sb.setLength(0);
        sb.append(index.label(t));
        cell(sb, open[t]);
        cell(sb, high[t]);
        cell(sb, low[t]);
        cell(sb, close[t]);
        cell(sb, volume[t]);
        if (adjClose != null) {
          cell(sb, adjClose[t]);
        }
        sb.append('\n');
        w.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  private static void cell(StringBuilder sb, double v) {
    sb.append(',');
    if (v == v) {
      sb.append(v);
    }
  }

  /** Equal when symbol, index, frequency and every value are identical (NaN equals NaN). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Bars b && b.symbol.equals(symbol) && b.index.equals(index)
        && java.util.Objects.equals(b.frequency, frequency)
        && Arrays.equals(b.open, open) && Arrays.equals(b.high, high) && Arrays.equals(b.low, low)
        && Arrays.equals(b.close, close) && Arrays.equals(b.volume, volume)
        && Arrays.equals(b.adjClose, adjClose);
  }

  @Override
  public int hashCode() {
    return symbol.hashCode() * 31 + Arrays.hashCode(close);
  }

  /** Symbol, count, range, frequency, then the first and last bars. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Bars '").append(symbol).append("': ").append(size())
        .append(" bars, ").append(index.first()).append(" .. ").append(index.last()).append(", ")
        .append(frequency == null ? "frequency unknown" : frequency.toString()).append('\n');
    TextTable t = new TextTable(index.kind() == TimeIndex.Kind.DATE ? "date" : "time", "open",
        "high", "low", "close", "volume");
    int n = size();
    int head = n <= 10 ? n : 5;
    for (int i = 0; i < head; i++) {
      addRow(t, i);
    }
    if (n > 10) {
      t.note("... " + (n - 10) + " more bars ...");
      for (int i = n - 5; i < n; i++) {
        addRow(t, i);
      }
    }
    return sb.append(t.render()).toString();
  }

  private void addRow(TextTable t, int i) {
    // prices as the PriceFrame prints them (never a valid price as 0.0000); volumes whole
    t.row(index.label(i), TextTable.nonZero(open[i], 4), TextTable.nonZero(high[i], 4),
        TextTable.nonZero(low[i], 4), TextTable.nonZero(close[i], 4),
        TextTable.fixed(volume[i], 0));
  }
}
