package io.github.quantfolio.core;

import io.github.quantfolio.core.internal.Checks;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An immutable T x N table of per-period returns (simple or log), with the same accessors and
 * selection operations as {@link PriceFrame}. For other per-period numbers (equity, weights,
 * costs) use {@link ValueFrame}.
 *
 * <p><b>Values.</b> Present returns are finite, and simple returns are at least -1 (-100 %, a
 * total loss: a price cannot fall below 0); a missing return is {@code NaN}. Anything else is
 * rejected naming the asset, the date and the value. Returns made by {@link PriceFrame#returns()}
 * are NaN wherever either price is missing.
 *
 * <p><b>Base timestamp.</b> A return frame made from prices remembers the timestamp of the price
 * row that was dropped (the row before its first return), so that {@link #toPrices(double)} can
 * rebuild a price frame with the original index. Frames built with {@code of} have none until
 * {@link #withBase(LocalDate)} or {@link #withBase(Instant)} sets it.
 *
 * <p>Statistics ({@link #mean(String)}, {@link #std(String)}, {@link #describe()}) use valid
 * values only and say how many they used; they are per period, not annualised.
 *
 * @since 0.1.0
 */
public final class ReturnFrame extends FrameBase<ReturnFrame> {

  /** How a return relates two consecutive prices. */
  public enum Type {
    /** {@code r = p_t / p_(t-1) - 1}. */
    SIMPLE,
    /** {@code r = ln(p_t / p_(t-1))}. */
    LOG
  }

  private final Type type;
  private final boolean hasBase;
  private final long base;

  private ReturnFrame(TimeIndex index, List<String> assets, double[][] columns, Frequency frequency,
      Type type, boolean hasBase, long base) {
    super(index, assets, columns, frequency);
    this.type = type;
    this.hasBase = hasBase;
    this.base = base;
  }

  /**
   * Simple returns from column-major data ({@code columns[asset][row]}, copied); the frequency
   * is inferred from the index when possible.
   *
   * @param index the row timestamps
   * @param assets the asset names, one per column: unique, not blank
   * @param columns one array per asset, each as long as the index (copied): simple returns per
   *     period as fractions (0.01 = 1 %), finite and &gt;= -1, NaN where missing
   * @return the frame, without a base timestamp
   * @throws IllegalArgumentException if the shapes disagree, a present value is infinite or a
   *     simple return is below -1 (the message names the asset, the date and the value)
   */
  public static ReturnFrame of(TimeIndex index, List<String> assets, double[][] columns) {
    return of(index, assets, columns, Type.SIMPLE);
  }

  /**
   * Returns of the given type; see {@link #of(TimeIndex, List, double[][])}.
   *
   * @param index the row timestamps
   * @param assets the asset names, one per column: unique, not blank
   * @param columns one array per asset, each as long as the index (copied): returns per period,
   *     finite (simple returns as fractions, &gt;= -1), NaN where missing
   * @param type whether the values are simple or log returns
   * @return the frame, without a base timestamp
   * @throws IllegalArgumentException as for {@link #of(TimeIndex, List, double[][])}
   */
  public static ReturnFrame of(TimeIndex index, List<String> assets, double[][] columns, Type type) {
    List<String> names = Checks.assetNames(assets, "assets");
    double[][] copy = validatedCopy(index, names, columns);
    ReturnFrame f = new ReturnFrame(index, names, copy, inferOrNull(index),
        Checks.notNull(type, "type"), false, 0);
    f.checkAll();
    return f;
  }

  static ReturnFrame trusted(TimeIndex index, List<String> assets, double[][] columns,
      Frequency frequency, Type type, long base) {
    return new ReturnFrame(index, assets, columns, frequency, type, true, base);
  }

  /**
   * Reads simple returns from a wide CSV laid out as for {@link PriceFrame#readCsv(Path)}
   * (empty cell = missing; any finite number {@code >= -1} accepted).
   *
   * @param path the CSV file (UTF-8)
   * @return simple returns, without a base timestamp; the frequency is inferred when possible
   * @throws CsvFormatException naming file, line, column and value of the first problem
   */
  public static ReturnFrame readCsv(Path path) {
    Checks.notNull(path, "path");
    return readCsv(FrameCsv.open(path), FrameCsv.sourceName(path));
  }

  /**
   * Reads simple returns from {@code reader} (closed afterwards); see {@link #readCsv(Path)}.
   *
   * @param reader the CSV text; closed when this method returns
   * @param sourceName the name of the input in error messages, e.g. a file name or URL
   * @return simple returns, without a base timestamp; the frequency is inferred when possible
   * @throws CsvFormatException as for {@link #readCsv(Path)}
   */
  public static ReturnFrame readCsv(Reader reader, String sourceName) {
    Checks.notNull(reader, "reader");
    FrameCsv.Parts p = FrameCsv.readWide(reader, Checks.notNull(sourceName, "sourceName"),
        FrameCsv.Values.RETURNS);
    return new ReturnFrame(p.index(), p.assets(), p.columns(), inferOrNull(p.index()),
        Type.SIMPLE, false, 0);
  }

  @Override
  ReturnFrame create(TimeIndex index, List<String> assets, double[][] columns,
      Frequency frequency) {
    // Only a leading run of rows keeps the base: after a later start, a dropped row or a
    // reindex, the row before the first return is no longer the base price's row.
    boolean keepBase = hasBase && isPrefixOfThis(index);
    return new ReturnFrame(index, assets, columns, frequency, type, keepBase, base);
  }

  @Override
  ReturnFrame joined(ReturnFrame result, ReturnFrame other) {
    // The base stays only if both frames share it and start on the same row; otherwise the other
    // frame's assets would appear to start from this frame's base.
    boolean shared = result.hasBase && other.hasBase && other.base == base
        && other.index.value(0) == index.value(0) && result.index.value(0) == index.value(0);
    return shared ? result
        : new ReturnFrame(result.index, result.assets, result.columns, result.frequency, type,
            false, 0);
  }

  private boolean isPrefixOfThis(TimeIndex other) {
    if (other == index) {
      return true;
    }
    if (other.size() > index.size()) {
      return false;
    }
    for (int i = 0; i < other.size(); i++) {
      if (other.value(i) != index.value(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  String kindName() {
    return "ReturnFrame";
  }

  @Override
  int displayDecimals() {
    return 6;
  }

  @Override
  String headerNote() {
    return ", " + typeName() + " returns";
  }

  private String typeName() {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  void checkValue(double v, String asset, TimeIndex index, int row) {
    if (v == v && !Double.isFinite(v)) {
      throw new IllegalArgumentException("Return of '" + asset + "' on " + index.label(row) + " is "
          + v + "; returns must be finite (NaN for missing)");
    }
    if (v < -1 && type == Type.SIMPLE) {
      throw new IllegalArgumentException("Simple return of '" + asset + "' on " + index.label(row)
          + " is " + v + "; a simple return is at least -1 (-100 %, a total loss)");
    }
  }

  /**
   * Simple or log returns.
   *
   * @return {@link Type#SIMPLE} or {@link Type#LOG}
   */
  public Type type() {
    return type;
  }

  /**
   * Whether the base timestamp (the price row before the first return) is known.
   *
   * @return whether the base timestamp (the price row before the first return) is known
   */
  public boolean hasBase() {
    return hasBase;
  }

  /**
   * This frame with a base date: the timestamp of the price before the first return.
   *
   * @param base the date of the price row before the first return, before the first row
   * @return a frame sharing the values, with the base set
   * @throws IllegalArgumentException if the index holds instants or {@code base} is not before
   *     the first row
   */
  public ReturnFrame withBase(LocalDate base) {
    index.requireKind(TimeIndex.Kind.DATE, "a LocalDate base");
    return withBaseValue(Checks.notNull(base, "base").toEpochDay());
  }

  /**
   * This frame with a base instant; see {@link #withBase(LocalDate)}.
   *
   * @param base the instant of the price row before the first return, before the first row
   * @return a frame sharing the values, with the base set
   * @throws IllegalArgumentException if the index holds dates or {@code base} is not before the
   *     first row
   */
  public ReturnFrame withBase(Instant base) {
    index.requireKind(TimeIndex.Kind.INSTANT, "an Instant base");
    return withBaseValue(Checks.notNull(base, "base").toEpochMilli());
  }

  private ReturnFrame withBaseValue(long raw) {
    if (raw >= index.value(0)) {
      throw new IllegalArgumentException("The base " + TimeIndex.format(index.kind(), raw)
          + " must come before the first return row " + index.first());
    }
    return new ReturnFrame(index, assets, columns, frequency, type, true, raw);
  }

  /**
   * This frame converted to the other return type ({@code ln(1 + r)} or {@code exp(r) - 1}).
   *
   * @param target the wanted return type
   * @return this frame if it is already of type {@code target}, else a converted copy (NaN stays
   *     NaN; base and frequency are kept)
   * @throws IllegalArgumentException if a value has no finite equivalent (a simple return of -1
   *     has no log return; the message names asset and date)
   */
  public ReturnFrame as(Type target) {
    Checks.notNull(target, "target");
    if (target == type) {
      return this;
    }
    double[][] out = toArray();
    for (double[] c : out) {
      for (int t = 0; t < c.length; t++) {
        c[t] = target == Type.LOG ? Math.log1p(c[t]) : Math.expm1(c[t]);
      }
    }
    for (int a = 0; a < out.length; a++) {
      for (int t = 0; t < out[a].length; t++) {
        if (!Double.isFinite(out[a][t]) && out[a][t] == out[a][t]) {
          throw new IllegalArgumentException("Return of '" + assets.get(a) + "' on "
              + index.label(t) + " is " + columns[a][t] + " and has no finite " + target
              + " equivalent");
        }
        if (out[a][t] != out[a][t] && columns[a][t] == columns[a][t]) {
          throw new IllegalArgumentException("Return of '" + assets.get(a) + "' on "
              + index.label(t) + " is " + columns[a][t] + " (<= -100%) and has no log equivalent");
        }
      }
    }
    return new ReturnFrame(index, assets, out, frequency, target, hasBase, base);
  }

  /**
   * Rebuilds prices starting from {@code initialValue} for every asset. The result has one more
   * row than this frame: the base timestamp, then this frame's timestamps. Each asset starts at
   * {@code initialValue} on the row before its first valid return (the base row for assets whose
   * returns start at once, later for late listings, whose earlier rows are NaN) and compounds:
   * {@code p_t = p_(t-1) (1 + r_t)} (or {@code exp(r_t)} for log returns). Trailing NaN after an
   * asset's last valid return give NaN prices (a delisting); an asset with no valid return at
   * all has no price on any row (its column is all NaN).
   *
   * @param initialValue the starting price of every asset, finite and &gt; 0 (e.g. 1 or 100)
   * @return prices on {@link #rows()} + 1 rows, with this frame's frequency
   * @throws IllegalArgumentException if the base timestamp is unknown (see {@link #hasBase()}),
   *     if an asset has a NaN return between two valid ones (the price level after such a gap
   *     is unknowable; the message names asset and date), or if a price would not be finite and
   *     positive (a simple return of -100 %, or a compounded price that underflows to 0 or
   *     overflows; the message says which, with the asset, date, price and return)
   */
  public PriceFrame toPrices(double initialValue) {
    Checks.positive(initialValue, "initialValue");
    double[] init = new double[columns.length];
    java.util.Arrays.fill(init, initialValue);
    return buildPrices(init);
  }

  /**
   * Rebuilds prices with a starting value per asset; see {@link #toPrices(double)}.
   *
   * @param initialPrices one finite value &gt; 0 per asset of this frame, found by name (other
   *     assets are ignored)
   * @return prices on {@link #rows()} + 1 rows, with this frame's frequency
   * @throws IllegalArgumentException as for {@link #toPrices(double)}, or if an asset of this
   *     frame is missing from {@code initialPrices}
   */
  public PriceFrame toPrices(AssetVector initialPrices) {
    Checks.notNull(initialPrices, "initialPrices");
    double[] init = new double[columns.length];
    for (int a = 0; a < init.length; a++) {
      init[a] = Checks.positive(initialPrices.get(assets.get(a)),
          "initial price of '" + assets.get(a) + "'");
    }
    return buildPrices(init);
  }

  private PriceFrame buildPrices(double[] init) {
    if (!hasBase) {
      throw new IllegalArgumentException("This ReturnFrame does not know the timestamp before its "
          + "first return; set it with withBase(...) before toPrices");
    }
    int t = rows();
    long[] idx = new long[t + 1];
    idx[0] = base;
    for (int i = 0; i < t; i++) {
      idx[i + 1] = index.value(i);
    }
    double[][] out = new double[columns.length][t + 1];
    for (int a = 0; a < columns.length; a++) {
      double[] r = columns[a];
      double[] p = out[a];
      java.util.Arrays.fill(p, Double.NaN);
      int first = -1;
      int last = -1;
      for (int i = 0; i < t; i++) {
        if (r[i] == r[i]) {
          if (first < 0) {
            first = i;
          }
          last = i;
        }
      }
      if (first < 0) {
        continue; // no return at all: no price either
      }
      p[first] = init[a];
      for (int i = first; i <= last; i++) {
        if (r[i] != r[i]) {
          throw new IllegalArgumentException("Return of '" + assets.get(a) + "' on "
              + index.label(i) + " is NaN between valid returns; prices after the gap cannot be "
              + "rebuilt (fill or drop the gap first)");
        }
        double v = type == Type.SIMPLE ? p[i] * (1.0 + r[i]) : p[i] * Math.exp(r[i]);
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
          throw compoundingError(a, i, p[i], r[i], v);
        }
        p[i + 1] = v;
      }
    }
    TimeIndex priceIndex = TimeIndex.trusted(index.kind(), idx);
    return PriceFrame.trusted(priceIndex, assets, out, frequency);
  }

  /** Why compounding {@code price} by return {@code r} (row i of asset a) gave {@code v}. */
  private IllegalArgumentException compoundingError(int a, int i, double price, double r,
      double v) {
    String at = "Compounding the returns of '" + assets.get(a) + "' gives ";
    String step = " on " + index.label(i) + ": " + price
        + (type == Type.SIMPLE ? " x (1 " + (r < 0 ? "- " + -r : "+ " + r) + ")"
            : " x exp(" + r + ")");
    if (type == Type.SIMPLE && r == -1) {
      return new IllegalArgumentException(at + "the price 0" + step + "; a return of -100 % "
          + "(a total loss) leaves no price, and prices must be > 0");
    }
    if (v == 0) {
      return new IllegalArgumentException(at + "a price below the smallest positive double" + step
          + " underflows to 0");
    }
    return new IllegalArgumentException(at + "a price beyond the largest double" + step
        + " overflows to " + v);
  }

  /**
   * The mean of {@code asset}'s valid returns (per period).
   *
   * @param asset the asset name, not null
   * @return the mean return per period (not annualised), a fraction for simple returns
   * @throws IllegalArgumentException if the asset is unknown or has no valid return
   */
  public double mean(String asset) {
    AssetSummary s = summarize(asset);
    if (s.count() < 1) {
      throw new IllegalArgumentException("Asset '" + asset + "' has no valid return");
    }
    return s.mean();
  }

  /**
   * The sample standard deviation (divisor n - 1) of {@code asset}'s valid returns (per period).
   *
   * @param asset the asset name, not null
   * @return the standard deviation per period (not annualised), &gt;= 0
   * @throws IllegalArgumentException if the asset is unknown or has fewer than 2 valid returns
   */
  public double std(String asset) {
    AssetSummary s = summarize(asset);
    if (s.count() < 2) {
      throw new IllegalArgumentException("Asset '" + asset + "' has " + s.count()
          + (s.count() == 1 ? " valid return" : " valid returns")
          + "; a standard deviation needs at least 2");
    }
    return s.std();
  }

  /**
   * {@link #mean(String)} of every asset.
   *
   * @return the per-period means, in asset order
   * @throws IllegalArgumentException if an asset has no valid return
   */
  public AssetVector means() {
    double[] out = new double[assets.size()];
    for (int a = 0; a < out.length; a++) {
      out[a] = mean(assets.get(a));
    }
    return AssetVector.trusted(assets, out, "mean " + typeName() + " return (per period)");
  }

  /**
   * {@link #std(String)} of every asset.
   *
   * @return the per-period standard deviations, in asset order
   * @throws IllegalArgumentException if an asset has fewer than 2 valid returns
   */
  public AssetVector stdDevs() {
    double[] out = new double[assets.size()];
    for (int a = 0; a < out.length; a++) {
      out[a] = std(assets.get(a));
    }
    return AssetVector.trusted(assets, out, "std of " + typeName() + " returns (per period)");
  }

  private AssetSummary summarize(String asset) {
    return select(asset).describe().assets().get(0);
  }
}
