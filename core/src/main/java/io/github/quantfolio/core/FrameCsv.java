package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.CsvReader;
import io.github.quantfolio.core.internal.TimestampFormat;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CSV reading for frames; every problem becomes a {@link CsvFormatException} with position. */
final class FrameCsv {

  /** What values a frame accepts, for messages. */
  enum Values {
    PRICES {
      @Override
      String problem(double v) {
        return v > 0 && v != Double.POSITIVE_INFINITY ? null
            : "a price must be a finite number > 0 (or an empty cell for missing)";
      }
    },
    RETURNS {
      @Override
      String problem(double v) {
        return v >= -1 && v != Double.POSITIVE_INFINITY ? null
            : "a simple return must be finite and >= -1 (-100 %, a total loss), or an empty cell "
                + "for missing";
      }
    },
    VALUES {
      @Override
      String problem(double v) {
        return Double.isFinite(v) ? null
            : "a value must be finite (or an empty cell for missing)";
      }
    },
    VOLUMES {
      @Override
      String problem(double v) {
        return v >= 0 && v != Double.POSITIVE_INFINITY ? null
            : "a volume must be a finite number >= 0 (or an empty cell if unknown)";
      }
    };

    /** Null if {@code v} (not NaN) is acceptable, else the reason. */
    abstract String problem(double v);
  }

  /** The parts of a frame read from a file. */
  record Parts(TimeIndex index, List<String> assets, double[][] columns) {
  }

  /** Accepted timestamp headers, lower case. */
  static final List<String> TIME_NAMES = List.of("date", "time", "datetime", "timestamp",
      "date_time", "date time", "day");

  private FrameCsv() {
  }

  static Reader open(Path path) {
    try {
      return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  static String sourceName(Path path) {
    return path.toString();
  }

  /** Reads a wide CSV: first column timestamps, then one column per asset. */
  static Parts readWide(Reader reader, String source, Values values) {
    try (CsvReader in = new CsvReader(reader, source)) {
      if (!in.next()) {
        throw new CsvFormatException(source, 0, 0, null, null, "the file is empty (no header line)");
      }
      String[] header = in.fields();
      if (header.length < 2) {
        throw in.error(0, null, null,
            "the header needs a timestamp column and at least one asset column, but has "
                + header.length + " column");
      }
      List<String> assets = new ArrayList<>(header.length - 1);
      Map<String, Integer> seen = new HashMap<>();
      for (int c = 1; c < header.length; c++) {
        String name = header[c].strip();
        if (name.isEmpty()) {
          throw in.error(c + 1, null, header[c], "the header has a blank asset name");
        }
        Integer previous = seen.put(name, c + 1);
        if (previous != null) {
          throw in.error(c + 1, name, header[c],
              "duplicate asset name (also column " + previous + ")");
        }
        assets.add(name);
      }
      int n = assets.size();
      int cap = 1024;
      long[] times = new long[cap];
      double[][] cols = new double[n][cap];
      int rows = 0;
      TimestampColumn time = new TimestampColumn(0, header[0]);
      while (in.next()) {
        requireFields(in, n + 1);
        long t = time.parse(in);
        time.requireIncreasing(in, t, rows > 0 ? times[rows - 1] : 0, rows > 0);
        if (rows == cap) {
          cap = cap * 2;
          times = Arrays.copyOf(times, cap);
          for (int a = 0; a < n; a++) {
            cols[a] = Arrays.copyOf(cols[a], cap);
          }
        }
        times[rows] = t;
        for (int a = 0; a < n; a++) {
          cols[a][rows] = parseValue(in, a + 1, assets.get(a), values, time, t);
        }
        rows++;
      }
      if (rows == 0) {
        throw new CsvFormatException(source, in.lineNumber(), 0, null, null,
            "the file has a header but no data rows");
      }
      for (int a = 0; a < n; a++) {
        cols[a] = Arrays.copyOf(cols[a], rows);
      }
      return new Parts(TimeIndex.trusted(time.kind(), Arrays.copyOf(times, rows)),
          List.copyOf(assets), cols);
    }
  }

  /** Parses one timestamp column; the format is detected from the first row, then required. */
  static final class TimestampColumn {
    private final int column;
    private final String name;
    private TimestampFormat format;

    TimestampColumn(int column, String name) {
      this.column = column;
      this.name = name;
    }

    /**
     * The raw index value of the current record's timestamp. One message per cause: a text not
     * in the first row's format says so; one in that format but impossible says why.
     */
    long parse(CsvReader in) {
      String text = in.field(column);
      if (format == null) {
        format = TimestampFormat.detect(text);
        if (format == null) {
          throw in.error(column + 1, name, text, "not a timestamp: expected an ISO date "
              + "(2018-04-11), an ISO date-time (2018-04-11T14:30:00Z) or epoch seconds/milliseconds");
        }
      } else if (!format.matches(text)) {
        throw in.error(column + 1, name, text,
            "not " + format.example() + ", the format of the first data row");
      }
      try {
        return format.parse(text);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw in.error(column + 1, name, text, e.getMessage());
      }
    }

    /** Timestamp {@code t} (a raw value of this column) as ISO text, for messages. */
    String label(long t) {
      return TimeIndex.format(kind(), t);
    }

    /** Rejects a timestamp that does not follow {@code previous} (when there is one). */
    void requireIncreasing(CsvReader in, long t, long previous, boolean hasPrevious) {
      if (hasPrevious && t <= previous) {
        throw in.error(column + 1, name, in.field(column), t == previous ? "duplicate timestamp"
            : "timestamps must be strictly increasing, but the previous row holds "
                + TimeIndex.format(kind(), previous));
      }
    }

    TimeIndex.Kind kind() {
      return format.isDate() ? TimeIndex.Kind.DATE : TimeIndex.Kind.INSTANT;
    }
  }

  /** Rejects a record whose field count differs from the header's. */
  static void requireFields(CsvReader in, int expected) {
    if (in.fieldCount() != expected) {
      throw in.error(0, null, null, "expected " + expected + " fields like the header, but found "
          + in.fieldCount());
    }
  }

  /**
   * Parses field {@code field} (0-based) as a value; blank is NaN. Errors name the row's
   * timestamp {@code t} of column {@code time}.
   */
  static double parseValue(CsvReader in, int field, String columnName, Values values,
      TimestampColumn time, long t) {
    if (in.isBlank(field)) {
      return Double.NaN;
    }
    double v;
    try {
      v = in.parseDouble(field);
    } catch (NumberFormatException e) {
      throw in.error(time.label(t), field + 1, columnName, in.field(field),
          "not a number (a missing value must be an empty cell or NaN)");
    }
    if (v == v) {
      String problem = values.problem(v);
      if (problem != null) {
        String range = outOfRange(in.field(field), v);
        throw in.error(time.label(t), field + 1, columnName, in.field(field),
            range == null ? problem : range);
      }
    }
    return v;
  }

  /**
   * Why a number written in the file read as 0 or an infinity although it is neither (1e-400,
   * 1e400): the cause to name instead of "must be > 0" or "must be finite"; null if the text is a
   * zero or an infinity.
   */
  static String outOfRange(String text, double v) {
    if (v != 0 && !Double.isInfinite(v)) {
      return null;
    }
    BigDecimal written;
    try {
      written = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null; // "Infinity", "inf", hex: as written
    }
    if (v == 0 && written.signum() > 0) {
      // only prices refuse 0
      return "the number is below the smallest positive double (4.9E-324), so it reads as 0, "
          + "and a price must be > 0";
    }
    if (Double.isInfinite(v)) {
      return "the number is beyond the range of double (about 1.8E308)";
    }
    return null;
  }

  private static final List<String> SYMBOL_NAMES = List.of("symbol", "ticker", "asset", "name", "code");
  private static final List<String> VALUE_NAMES = List.of("value", "price", "adj close", "adj_close",
      "adjclose", "adjusted close", "adjusted_close", "close");

  /**
   * Reads a long CSV ({@code date,symbol,value}) and pivots it. Column names are looked up
   * case-insensitively; null names are auto-detected from the aliases.
   */
  static Parts readLong(Reader reader, String source, String timeColumn, String symbolColumn,
      String valueColumn, Values values) {
    try (CsvReader in = new CsvReader(reader, source)) {
      if (!in.next()) {
        throw new CsvFormatException(source, 0, 0, null, null, "the file is empty (no header line)");
      }
      String[] header = in.fields();
      int tc = findColumn(in, header, timeColumn, TIME_NAMES, "timestamp");
      int sc = findColumn(in, header, symbolColumn, SYMBOL_NAMES, "symbol");
      int vc = findColumn(in, header, valueColumn, VALUE_NAMES, "value");
      Map<String, Integer> assetIds = new LinkedHashMap<>();
      int cap = 1024;
      long[] times = new long[cap];
      int[] ids = new int[cap];
      double[] vals = new double[cap];
      long[] lines = new long[cap];
      int n = 0;
      TimestampColumn time = new TimestampColumn(tc, header[tc]);
      while (in.next()) {
        requireFields(in, header.length);
        long t = time.parse(in);
        String symbol = in.field(sc).strip();
        if (symbol.isEmpty()) {
          throw in.error(sc + 1, header[sc], in.field(sc), "blank symbol");
        }
        if (n == cap) {
          cap *= 2;
          times = Arrays.copyOf(times, cap);
          ids = Arrays.copyOf(ids, cap);
          vals = Arrays.copyOf(vals, cap);
          lines = Arrays.copyOf(lines, cap);
        }
        times[n] = t;
        ids[n] = assetIds.computeIfAbsent(symbol, k -> assetIds.size());
        vals[n] = parseValue(in, vc, header[vc], values, time, t);
        lines[n] = in.lineNumber();
        n++;
      }
      if (n == 0) {
        throw new CsvFormatException(source, in.lineNumber(), 0, null, null,
            "the file has a header but no data rows");
      }
      long[] distinct = Arrays.copyOf(times, n);
      Arrays.sort(distinct);
      int u = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || distinct[i] != distinct[u - 1]) {
          distinct[u++] = distinct[i];
        }
      }
      distinct = Arrays.copyOf(distinct, u);
      int assetsN = assetIds.size();
      double[][] cols = new double[assetsN][u];
      long[][] where = new long[assetsN][u];
      for (double[] c : cols) {
        Arrays.fill(c, Double.NaN);
      }
      List<String> names = List.copyOf(assetIds.keySet());
      TimeIndex.Kind kind = time.kind();
      for (int i = 0; i < n; i++) {
        int row = Arrays.binarySearch(distinct, times[i]);
        if (where[ids[i]][row] != 0) {
          throw new CsvFormatException(source, lines[i], tc + 1, header[tc],
              TimeIndex.format(kind, times[i]), "duplicate row for symbol '" + names.get(ids[i])
                  + "' (first seen on line " + where[ids[i]][row] + ")");
        }
        where[ids[i]][row] = lines[i];
        cols[ids[i]][row] = vals[i];
      }
      return new Parts(TimeIndex.trusted(kind, distinct), names, cols);
    }
  }

  private static int findColumn(CsvReader in, String[] header, String wanted, List<String> aliases,
      String role) {
    if (wanted != null) {
      for (int c = 0; c < header.length; c++) {
        if (header[c].strip().equalsIgnoreCase(wanted)) {
          return c;
        }
      }
      throw in.error(0, null, null, "no column named '" + wanted + "' in the header "
          + Arrays.toString(header));
    }
    // Aliases are in order of preference, except that two timestamp columns are ambiguous.
    int found = -1;
    for (String alias : aliases) {
      for (int c = 0; c < header.length; c++) {
        if (header[c].strip().toLowerCase(Locale.ROOT).equals(alias)) {
          if (found < 0) {
            found = c;
          } else if (role.equals("timestamp") && c != found) {
            throw in.error(c + 1, header[c], null, "two timestamp columns ('" + header[found]
                + "' and '" + header[c] + "'); name the one to use explicitly");
          }
        }
      }
      if (found >= 0 && !role.equals("timestamp")) {
        return found;
      }
    }
    if (found >= 0) {
      return found;
    }
    throw in.error(0, null, null, "cannot find the " + role + " column in the header "
        + Arrays.toString(header) + "; accepted names: " + aliases + " (or name it explicitly)");
  }
}
