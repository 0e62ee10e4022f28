package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared machinery of {@link PriceFrame} and {@link ReturnFrame}: an immutable T x N table of
 * doubles, column-major ({@code double[asset][row]}), labelled by a {@link TimeIndex} and asset
 * names, with a {@link Frequency}. Missing values are NaN.
 *
 * @param <F> the concrete frame type returned by transformations
 */
abstract class FrameBase<F extends FrameBase<F>> {

  final TimeIndex index;
  final List<String> assets;
  final Map<String, Integer> positions;
  final double[][] columns;
  final Frequency frequency;

  /** Trusted constructor: arguments are already validated and never shared mutably. */
  FrameBase(TimeIndex index, List<String> assets, double[][] columns, Frequency frequency) {
    this.index = index;
    this.assets = assets;
    this.columns = columns;
    this.frequency = frequency;
    Map<String, Integer> p = new HashMap<>(assets.size() * 2);
    for (int i = 0; i < assets.size(); i++) {
      p.put(assets.get(i), i);
    }
    this.positions = p;
  }

  /** Makes a frame of the concrete type from trusted parts. */
  abstract F create(TimeIndex index, List<String> assets, double[][] columns, Frequency frequency);

  /** The frame's kind for messages and {@code toString()}, e.g. "PriceFrame". */
  abstract String kindName();

  /** Digits after the point in {@code toString()}. */
  abstract int displayDecimals();

  /** Checks every value; subclasses reject what they cannot hold. */
  abstract void checkValue(double v, String asset, TimeIndex index, int row);

  /** Validates and copies user input shared by both frame types. */
  static double[][] validatedCopy(TimeIndex index, List<String> assets, double[][] columns) {
    Checks.notNull(index, "index");
    Checks.notNull(columns, "columns");
    if (columns.length != assets.size()) {
      throw new IllegalArgumentException("Expected one column per asset (" + assets.size()
          + " assets), but found " + columns.length + " columns");
    }
    double[][] copy = new double[columns.length][];
    for (int a = 0; a < columns.length; a++) {
      double[] c = columns[a];
      if (c == null) {
        throw new NullPointerException("Column of asset '" + assets.get(a) + "' is null");
      }
      if (c.length != index.size()) {
        throw new IllegalArgumentException("Column of asset '" + assets.get(a) + "' has "
            + c.length + " values, but the index has " + index.size() + " timestamps");
      }
      copy[a] = c.clone();
    }
    return copy;
  }

  final void checkAll() {
    for (int a = 0; a < columns.length; a++) {
      double[] c = columns[a];
      String name = assets.get(a);
      for (int t = 0; t < c.length; t++) {
        checkValue(c[t], name, index, t);
      }
    }
  }

  static Frequency inferOrNull(TimeIndex index) {
    try {
      return Frequency.infer(index);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- accessors

  /**
   * The row labels.
   *
   * @return the row labels
   */
  public TimeIndex index() {
    return index;
  }

  /**
   * The asset names, in column order (unmodifiable).
   *
   * @return the asset names, in column order (unmodifiable)
   */
  public List<String> assets() {
    return assets;
  }

  /**
   * The number of rows (timestamps), at least 1.
   *
   * @return the number of rows (timestamps), at least 1
   */
  public int rows() {
    return index.size();
  }

  /**
   * The number of assets (columns), at least 1.
   *
   * @return the number of assets (columns), at least 1
   */
  public int assetCount() {
    return assets.size();
  }

  /**
   * The sampling frequency used for annualisation: the one given at construction, else inferred
   * from the index (see {@link Frequency#infer(TimeIndex)}).
   *
   * @return the frequency of the rows
   * @throws IllegalStateException if none was given and none can be inferred (e.g. one row);
   *     set one with {@code withFrequency}
   */
  public Frequency frequency() {
    if (frequency == null) {
      throw new IllegalStateException("The frequency of this " + kindName() + " (" + index
          + ") is unknown: " + unknownFrequency(index) + "; set it with withFrequency(...)");
    }
    return frequency;
  }

  /** Why a frame or bars on {@code index} have no frequency, for messages. */
  static String unknownFrequency(TimeIndex index) {
    String why = Frequency.whyNotInferable(index);
    return why != null ? why : "it was not known for the data this was made from";
  }

  /**
   * A copy of this frame with the given frequency (for annualisation).
   *
   * @param frequency the sampling frequency of the rows, not null
   * @return a frame of the same type sharing the values
   */
  public F withFrequency(Frequency frequency) {
    return create(index, assets, columns, Checks.notNull(frequency, "frequency"));
  }

  /**
   * Whether the frame has a column named {@code asset}.
   *
   * @param asset the asset name
   * @return whether the frame has a column named {@code asset} (false for null)
   */
  public boolean hasAsset(String asset) {
    return positions.containsKey(asset);
  }

  /**
   * The column position of {@code asset}.
   *
   * @param asset the asset name, not null
   * @return the 0-based column position of {@code asset}
   * @throws IllegalArgumentException naming the asset and the known assets if absent
   */
  public int position(String asset) {
    Checks.notNull(asset, "asset");
    Integer p = positions.get(asset);
    if (p == null) {
      throw new IllegalArgumentException("Unknown " + columnNoun() + " '" + asset + "'; this "
          + kindName() + " has " + describeAssets());
    }
    return p;
  }

  private String describeAssets() {
    if (assets.size() <= 12) {
      return assets.toString();
    }
    return assets.size() + " assets " + assets.subList(0, 12).toString().replace("]", ", ...]");
  }

  /**
   * A copy of the column of {@code asset} (length {@link #rows()}, NaN where missing).
   *
   * @param asset the asset name, not null
   * @return a new array of {@link #rows()} values
   * @throws IllegalArgumentException if the asset is unknown
   */
  public double[] column(String asset) {
    return columns[position(asset)].clone();
  }

  /**
   * A copy of column {@code position} (NaN where missing).
   *
   * @param position the 0-based column position, {@code 0 <= position < assetCount()}
   * @return a new array of {@link #rows()} values
   * @throws IndexOutOfBoundsException if {@code position} is out of range
   */
  public double[] column(int position) {
    return columns[checkPosition(position)].clone();
  }

  private int checkPosition(int position) {
    if (position < 0 || position >= columns.length) {
      throw new IndexOutOfBoundsException(
          "Expected 0 <= position < " + columns.length + ", but found " + position);
    }
    return position;
  }

  /**
   * The value at {@code row} for {@code asset} (NaN if missing).
   *
   * @param row the 0-based row, {@code 0 <= row < rows()}
   * @param asset the asset name, not null
   * @return the value, or NaN if missing
   * @throws IllegalArgumentException if the asset is unknown
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public double get(int row, String asset) {
    return columns[position(asset)][Checks.index(row, rows(), "row")];
  }

  /**
   * The value at {@code row} and column {@code position} (NaN if missing).
   *
   * @param row the 0-based row, {@code 0 <= row < rows()}
   * @param position the 0-based column position, {@code 0 <= position < assetCount()}
   * @return the value, or NaN if missing
   * @throws IndexOutOfBoundsException if {@code row} or {@code position} is out of range
   */
  public double get(int row, int position) {
    return columns[checkPosition(position)][Checks.index(row, rows(), "row")];
  }

  /**
   * A copy of all values, column-major: {@code result[asset][row]}.
   *
   * @return a copy of all values, column-major: {@code result[asset][row]}
   */
  public double[][] toArray() {
    double[][] out = new double[columns.length][];
    for (int a = 0; a < out.length; a++) {
      out[a] = columns[a].clone();
    }
    return out;
  }

  /**
   * The number of valid (non-NaN) values of {@code asset}.
   *
   * @param asset the asset name, not null
   * @return the count, 0 to {@link #rows()}
   * @throws IllegalArgumentException if the asset is unknown
   */
  public int validCount(String asset) {
    int n = 0;
    for (double v : columns[position(asset)]) {
      if (v == v) {
        n++;
      }
    }
    return n;
  }

  /**
   * The first row holding a valid value of {@code asset}, or -1 if none.
   *
   * @param asset the asset name, not null
   * @return the 0-based row, or -1 if the column is all NaN
   * @throws IllegalArgumentException if the asset is unknown
   */
  public int firstValidRow(String asset) {
    double[] c = columns[position(asset)];
    for (int t = 0; t < c.length; t++) {
      if (c[t] == c[t]) {
        return t;
      }
    }
    return -1;
  }

  /**
   * The last row holding a valid value of {@code asset}, or -1 if none.
   *
   * @param asset the asset name, not null
   * @return the 0-based row, or -1 if the column is all NaN
   * @throws IllegalArgumentException if the asset is unknown
   */
  public int lastValidRow(String asset) {
    double[] c = columns[position(asset)];
    for (int t = c.length - 1; t >= 0; t--) {
      if (c[t] == c[t]) {
        return t;
      }
    }
    return -1;
  }

  /**
   * Whether any value is missing.
   *
   * @return whether any value is missing
   */
  public boolean hasMissing() {
    for (double[] c : columns) {
      for (double v : c) {
        if (v != v) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- selection

  /**
   * The named assets, in the given order (so a permutation of names permutes the columns).
   *
   * @param assets names of assets of this frame, at least one
   * @return a frame of those columns, same index and frequency
   * @throws IllegalArgumentException for an unknown, duplicate or blank name, or none
   */
  public F select(String... assets) {
    return select(Arrays.asList(Checks.notNull(assets, "assets")));
  }

  /**
   * The named assets, in the given order; see {@link #select(String...)}.
   *
   * @param names names of assets of this frame, at least one, in the wanted order
   * @return a frame of those columns, same index and frequency
   * @throws IllegalArgumentException for an unknown, duplicate or blank name, or none
   */
  public F select(Collection<String> names) {
    List<String> chosen = Checks.assetNames(names, "assets");
    double[][] cols = new double[chosen.size()][];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = columns[position(chosen.get(i))];
    }
    return create(index, chosen, cols, frequency);
  }

  /**
   * Rows {@code [from, to)}.
   *
   * @param from the first row, inclusive (0-based)
   * @param to the end row, exclusive: {@code 0 <= from < to <= rows()}
   * @return a frame of {@code to - from} rows, same assets and frequency
   * @throws IllegalArgumentException if the range is empty or out of bounds
   */
  public F slice(int from, int to) {
    TimeIndex sub = index.slice(from, to);
    double[][] cols = new double[columns.length][];
    for (int a = 0; a < cols.length; a++) {
      cols[a] = Arrays.copyOfRange(columns[a], from, to);
    }
    return create(sub, assets, cols, frequency);
  }

  /**
   * The first {@code n} rows (all rows if fewer).
   *
   * @param n the number of rows, &gt; 0
   * @return the first {@code min(n, rows())} rows
   */
  public F head(int n) {
    Checks.positive(n, "n");
    return slice(0, Math.min(n, rows()));
  }

  /**
   * The last {@code n} rows (all rows if fewer).
   *
   * @param n the number of rows, &gt; 0
   * @return the last {@code min(n, rows())} rows
   */
  public F tail(int n) {
    Checks.positive(n, "n");
    return slice(Math.max(0, rows() - n), rows());
  }

  /**
   * The rows dated {@code from} to {@code to}, both inclusive. On an instant index the dates are
   * UTC calendar days ({@code from} 00:00Z to the end of {@code to}).
   *
   * @param from the first date, inclusive
   * @param to the last date, inclusive, not before {@code from}
   * @return a frame of the rows in range, same assets and frequency
   * @throws IllegalArgumentException if {@code from} is after {@code to} or no row falls in range
   */
  public F between(LocalDate from, LocalDate to) {
    int[] r = datedRows(index, from, to, "rows", "this " + kindName() + " covers");
    return slice(r[0], r[1]);
  }

  /**
   * The positions {@code [a, b)} of the rows of {@code index} dated {@code from} to {@code to}
   * inclusive (UTC days on an instant index), for {@code between}; {@code noun} and {@code owner}
   * name what is missing and whose range it is in the message ("No bars in 1990-01-01 ..
   * 1990-02-01; Bars 'A01' covers 2015-01-02 .. 2024-08-29").
   */
  static int[] datedRows(TimeIndex index, LocalDate from, LocalDate to, String noun,
      String owner) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("Expected from <= to, but found from=" + from + ", to=" + to);
    }
    long lo;
    long hi;
    if (index.kind() == TimeIndex.Kind.DATE) {
      lo = from.toEpochDay();
      hi = to.toEpochDay();
    } else {
      lo = TimeIndex.startOfDayMillis(from);
      hi = TimeIndex.endOfDayMillis(to);
    }
    int a = index.ceilingPosition(lo);
    int b = index.floorEnd(hi);
    if (a >= b) {
      throw new IllegalArgumentException("No " + noun + " in " + from + " .. " + to + "; " + owner
          + " " + index.first() + " .. " + index.last());
    }
    return new int[] {a, b};
  }

  /**
   * The rows from {@code from} to {@code to}, both inclusive. Only for instant indexes.
   *
   * @param from the first instant, inclusive
   * @param to the last instant, inclusive, not before {@code from}
   * @return a frame of the rows in range, same assets and frequency
   * @throws IllegalArgumentException on a date index, if {@code from} is after {@code to}, or
   *     if no row falls in range
   */
  public F between(Instant from, Instant to) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    index.requireKind(TimeIndex.Kind.INSTANT, "between(Instant, Instant)");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("Expected from <= to, but found from=" + from + ", to=" + to);
    }
    return rangeRows(from.toEpochMilli(), to.toEpochMilli(), from + " .. " + to);
  }

  private F rangeRows(long lo, long hi, String what) {
    int a = index.ceilingPosition(lo);
    int b = index.floorEnd(hi);
    if (a >= b) {
      throw new IllegalArgumentException("No rows in " + what + "; this " + kindName() + " covers "
          + index.first() + " .. " + index.last());
    }
    return slice(a, b);
  }

  /**
   * The rows where every asset has a value.
   *
   * @return a frame of the complete rows (this frame if every row is complete)
   * @throws IllegalArgumentException if no row is complete (the message names the asset with
   *     the fewest values)
   */
  public F dropIncompleteRows() {
    int t = rows();
    boolean[] keep = new boolean[t];
    int n = 0;
    for (int r = 0; r < t; r++) {
      boolean ok = true;
      for (double[] c : columns) {
        if (c[r] != c[r]) {
          ok = false;
          break;
        }
      }
      keep[r] = ok;
      if (ok) {
        n++;
      }
    }
    if (n == t) {
      return self();
    }
    if (n == 0) {
      String sparsest = assets.get(0);
      for (String a : assets) {
        if (validCount(a) < validCount(sparsest)) {
          sparsest = a;
        }
      }
      throw new IllegalArgumentException("No row of this " + kindName()
          + " has a value for every asset (the sparsest, '" + sparsest + "', has "
          + validCount(sparsest) + " of " + t + ")");
    }
    long[] idx = new long[n];
    double[][] cols = new double[columns.length][n];
    for (int r = 0, k = 0; r < t; r++) {
      if (keep[r]) {
        idx[k] = index.value(r);
        for (int a = 0; a < cols.length; a++) {
          cols[a][k] = columns[a][r];
        }
        k++;
      }
    }
    return create(TimeIndex.trusted(index.kind(), idx), assets, cols, frequency);
  }

  /**
   * This frame on another index: values are kept where the timestamp exists in both, and NaN
   * elsewhere (no forward fill). The frequency is kept; call {@code withFrequency} if the new
   * index is sampled differently.
   *
   * @param target the new row timestamps, of the same kind (dates or instants) as this index
   * @return a frame on {@code target} with the same assets and frequency
   * @throws IllegalArgumentException if the index kinds differ
   */
  public F reindex(TimeIndex target) {
    index.requireSameKind(target);
    if (target.equals(index)) {
      return self();
    }
    long[] src = index.raw();
    long[] dst = target.raw();
    double[][] cols = new double[columns.length][dst.length];
    for (double[] c : cols) {
      Arrays.fill(c, Double.NaN);
    }
    for (int i = 0, j = 0; i < src.length && j < dst.length; ) {
      if (src[i] == dst[j]) {
        for (int a = 0; a < cols.length; a++) {
          cols[a][j] = columns[a][i];
        }
        i++;
        j++;
      } else if (src[i] < dst[j]) {
        i++;
      } else {
        j++;
      }
    }
    return create(target, assets, cols, frequency);
  }

  /**
   * The assets of this frame and of {@code other} side by side on one index: the intersection or
   * union of both indexes (see {@link Alignment}). This frame's frequency is kept.
   *
   * @param other a frame of the same type with no asset name in common with this one
   * @param alignment whether the result's index is the intersection or the union of both
   * @return this frame's assets followed by {@code other}'s, NaN where a frame lacks a timestamp
   * @throws IllegalArgumentException if both frames hold an asset of the same name, or the
   *     indexes are of different kinds or (for INTERSECTION) share no timestamp
   */
  public F join(F other, Alignment alignment) {
    Checks.notNull(other, "other");
    Checks.notNull(alignment, "alignment");
    for (String a : other.assets) {
      if (positions.containsKey(a)) {
        throw new IllegalArgumentException("Both frames hold an asset named '" + a
            + "'; rename or select before joining");
      }
    }
    TimeIndex target = alignment == Alignment.INTERSECTION
        ? index.intersection(other.index) : index.union(other.index);
    F left = reindex(target);
    F right = other.reindex(target);
    List<String> names = new ArrayList<>(assets);
    names.addAll(other.assets);
    double[][] cols = new double[names.size()][];
    System.arraycopy(left.columns, 0, cols, 0, assets.size());
    System.arraycopy(right.columns, 0, cols, assets.size(), other.assets.size());
    return joined(create(target, List.copyOf(names), cols, frequency), other);
  }

  /** Adjusts a join result; return frames drop a base that does not hold for both sides. */
  F joined(F result, F other) {
    return result;
  }

  /**
   * Per-period first/last valid value; documented on
   * {@link PriceFrame#resample(Frequency, Sampling)}.
   */
  F sampleLevels(Frequency target, Sampling sampling) {
    Checks.notNull(target, "target");
    Checks.notNull(sampling, "sampling");
    if (!target.isResamplingTarget()) {
      throw new IllegalArgumentException("Cannot resample to " + target
          + ": it defines no periods; use WEEKLY, MONTHLY, QUARTERLY, ANNUAL, DAILY or an intraday bar size");
    }
    if (target.bucket() == Frequency.Bucket.INTRADAY && index.kind() == TimeIndex.Kind.DATE) {
      throw new IllegalArgumentException("Cannot resample a daily (date) index to intraday " + target);
    }
    int t = rows();
    int[] bucketStart = new int[t + 1];
    int buckets = 0;
    long prevKey = 0;
    for (int r = 0; r < t; r++) {
      long key = target.bucketKey(index, r);
      if (r == 0 || key != prevKey) {
        bucketStart[buckets++] = r;
        prevKey = key;
      }
    }
    bucketStart[buckets] = t;
    long[] idx = new long[buckets];
    double[][] cols = new double[columns.length][buckets];
    for (int b = 0; b < buckets; b++) {
      int from = bucketStart[b];
      int to = bucketStart[b + 1];
      idx[b] = index.value(sampling == Sampling.LAST ? to - 1 : from);
      for (int a = 0; a < cols.length; a++) {
        double[] c = columns[a];
        double v = Double.NaN;
        if (sampling == Sampling.LAST) {
          for (int r = to - 1; r >= from && v != v; r--) {
            v = c[r];
          }
        } else {
          for (int r = from; r < to && v != v; r++) {
            v = c[r];
          }
        }
        cols[a][b] = v;
      }
    }
    TimeIndex out = TimeIndex.trusted(index.kind(), idx);
    return create(out, assets, cols, resampledFrequency(target, out));
  }

  /**
   * Calendar targets annualise as named; an intraday target's bars per day depend on where the
   * session meets the bucket grid (a 14:30-21:00 session has 7 hourly buckets, not 6.5), so
   * the result's frequency is inferred from its own index when possible.
   */
  static Frequency resampledFrequency(Frequency target, TimeIndex result) {
    if (target.bucket() != Frequency.Bucket.INTRADAY) {
      return target;
    }
    Frequency inferred = inferOrNull(result);
    return inferred != null ? inferred : target;
  }

  /**
   * Per-asset statistics over valid values; see {@link AssetSummary}.
   *
   * @return one summary per asset, in column order
   */
  public FrameSummary describe() {
    List<AssetSummary> out = new ArrayList<>(assets.size());
    for (int a = 0; a < columns.length; a++) {
      double[] c = columns[a];
      int n = 0;
      int first = -1;
      int last = -1;
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < c.length; r++) {
        double v = c[r];
        if (v == v) {
          if (first < 0) {
            first = r;
          }
          last = r;
          n++;
          sum += v;
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      double mean = n > 0 ? sum / n : Double.NaN;
      double ss = 0;
      for (double v : c) {
        if (v == v) {
          ss += (v - mean) * (v - mean);
        }
      }
      double std = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
      boolean overflow = n > 0 && !(Double.isFinite(mean) && (n < 2 || Double.isFinite(ss)));
      // Values that differ by less than about 1e-154 have squared deviations below the normal
      // range: they lose digits, or vanish and give a deviation of 0 for values that differ.
      boolean underflow = n > 1 && max > min && !(ss >= 0x1p-960);
      if (overflow || underflow) {
        // The same statistics on values scaled by a power of two (exact) that brings the
        // largest magnitude to [1, 2).
        double scale = Math.scalb(1.0, -Math.getExponent(Math.max(-min, max)));
        double s = 0;
        for (double v : c) {
          s += v == v ? v * scale : 0;
        }
        double m = s / n;
        double q = 0;
        for (double v : c) {
          if (v == v) {
            double d = v * scale - m;
            q += d * d;
          }
        }
        mean = m / scale;
        std = n > 1 ? Math.sqrt(q / (n - 1)) / scale : Double.NaN;
      }
      out.add(new AssetSummary(assets.get(a), n, first < 0 ? null : index.label(first),
          last < 0 ? null : index.label(last), mean, std,
          n > 0 ? min : Double.NaN, n > 0 ? max : Double.NaN, n > 0 ? c[last] : Double.NaN));
    }
    return new FrameSummary(out, columnNoun());
  }

  // ---------------------------------------------------------------- output

  /**
   * Writes the frame as a wide CSV: a header {@code date,<asset>,...} ({@code time} in place of
   * {@code date} on an instant index; names quoted when they hold a comma or quote), ISO dates
   * or instants, values as {@link Double#toString(double)} (a decimal form that reads back to
   * the same double), and an empty cell for NaN. Reading the file back with {@code readCsv}
   * gives bit-identical timestamps, names and values; the frequency is not stored and is
   * inferred again on reading.
   *
   * @param path the file to write (UTF-8), replaced if it exists
   * @throws UncheckedIOException if the file cannot be written
   */
  public void writeCsv(Path path) {
    Checks.notNull(path, "path");
    try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      writeCsv(w);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path, e);
    }
  }

  /**
   * Writes the CSV of {@link #writeCsv(Path)} to {@code out} (not closed).
   *
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException if writing fails
   */
  public void writeCsv(Writer out) {
    Checks.notNull(out, "out");
    try {
      Writer w = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
      StringBuilder sb = new StringBuilder(256);
      sb.append(index.kind() == TimeIndex.Kind.DATE ? "date" : "time");
      for (String a : assets) {
        sb.append(',').append(quote(a));
      }
      sb.append('\n');
      w.append(sb);
      for (int r = 0; r < rows(); r++) {
        sb.setLength(0);
        sb.append(index.label(r));
        for (double[] c : columns) {
          sb.append(',');
          if (c[r] == c[r]) {
            sb.append(c[r]);
          }
        }
        sb.append('\n');
        w.append(sb);
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.strip().equals(s)) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  @SuppressWarnings("unchecked")
  private F self() {
    return (F) this;
  }

  /**
   * Equal when the index, asset names, frequency and every value are identical (NaN equals NaN,
   * comparison is bitwise).
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    FrameBase<?> f = (FrameBase<?>) o;
    if (!index.equals(f.index) || !assets.equals(f.assets)
        || !java.util.Objects.equals(frequency, f.frequency)) {
      return false;
    }
    for (int a = 0; a < columns.length; a++) {
      if (!Arrays.equals(columns[a], f.columns[a])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = index.hashCode() * 31 + assets.hashCode();
    for (double[] c : columns) {
      h = h * 31 + Arrays.hashCode(c);
    }
    return h;
  }

  /**
   * Shape, date range, frequency, then the first and last 5 rows of at most 8 columns; the same as
   * {@code toString(10, 8)}.
   */
  @Override
  public String toString() {
    return toString(10, 8);
  }

  /**
   * Shape, date range, frequency, then at most {@code maxRows} rows (all of them if there are no
   * more; otherwise the first and last, with a line saying how many are left out) of the first
   * {@code maxColumns} columns (and a line saying how many more there are). Values are rounded
   * for display (4 decimals for prices, 6 for returns and values). To print everything, e.g. in
   * JShell: {@code frame.toString(frame.rows(), frame.assetCount())}, or
   * {@code toString(Integer.MAX_VALUE, Integer.MAX_VALUE)}.
   *
   * @param maxRows the most rows to show, {@code >= 1}
   * @param maxColumns the most columns (assets) to show, {@code >= 1}
   * @return the table as text, one line per row
   * @throws IllegalArgumentException if a limit is below 1
   * @since 0.1.0
   */
  public String toString(int maxRows, int maxColumns) {
    Checks.positive(maxRows, "maxRows");
    Checks.positive(maxColumns, "maxColumns");
    int shownAssets = Math.min(assets.size(), maxColumns);
    StringBuilder sb = new StringBuilder();
    sb.append(kindName()).append(": ").append(rows()).append(" rows x ").append(assets.size())
        .append(' ').append(columnNoun()).append(assets.size() == 1 ? ", " : "s, ")
        .append(index.first()).append(" .. ").append(index.last()).append(", ")
        .append(frequency == null ? "frequency unknown" : frequency.toString())
        .append(headerNote()).append('\n');
    String[] header = new String[shownAssets + 1];
    header[0] = index.kind() == TimeIndex.Kind.DATE ? "date" : "time";
    for (int a = 0; a < shownAssets; a++) {
      header[a + 1] = assets.get(a);
    }
    TextTable table = new TextTable(header);
    int t = rows();
    int headRows = t <= maxRows ? t : (maxRows + 1) / 2;
    int tailRows = t <= maxRows ? 0 : maxRows / 2;
    for (int r = 0; r < headRows; r++) {
      table.row(rowCells(r, shownAssets));
    }
    if (t > maxRows) {
      table.note("... " + (t - headRows - tailRows) + " more rows ...");
      for (int r = t - tailRows; r < t; r++) {
        table.row(rowCells(r, shownAssets));
      }
    }
    sb.append(table.render());
    if (shownAssets < assets.size()) {
      sb.append("... ").append(assets.size() - shownAssets).append(" more ").append(columnNoun())
          .append("s not shown (toString(maxRows, maxColumns) shows more)\n");
    }
    return sb.toString();
  }

  /** Extra text after the shape line, e.g. the return type. */
  String headerNote() {
    return "";
  }

  /** What a column is, for {@code toString()}: "asset", or "column" for general values. */
  String columnNoun() {
    return "asset";
  }

  private Object[] rowCells(int r, int shownAssets) {
    Object[] cells = new Object[shownAssets + 1];
    cells[0] = index.label(r);
    for (int a = 0; a < shownAssets; a++) {
      cells[a + 1] = displayCell(columns[a][r]);
    }
    return cells;
  }

  /**
   * A value as {@code toString()} shows it: {@link #displayDecimals()} places, or scientific
   * notation for the whole column where the column's values are too large or too small for them.
   */
  TextTable.Num displayCell(double v) {
    return TextTable.fixed(v, displayDecimals());
  }
}
