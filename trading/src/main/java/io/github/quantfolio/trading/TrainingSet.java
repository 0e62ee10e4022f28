package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Features;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A training matrix for signal models: one {@link TrainingRow} per symbol and bar, with the
 * {@link FeatureBuilder} features as of bar t and the forward return over a horizon h,
 * {@code close[t + h] / close[t] - 1}, as label (class up when it is {@code > 0}). Immutable and
 * thread-safe; rows are ordered by as-of instant, then symbol.
 *
 * <h2>What is left out, and counted</h2>
 *
 * A bar gives no row when a feature is NaN (the look-back warm-up, or a gap in the bars: counted
 * in {@link #excludedIncompleteFeatures()}), or, with complete features, when it has no label
 * (its close or the close h bars later is missing, or it is one of the last h bars: counted in
 * {@link #excludedNoLabel()}). Sets derived by {@link #split}, {@link #walkForward} and
 * {@link #availableAt} keep those counts and add theirs ({@link #purged()},
 * {@link #embargoed()}, {@link #excludedOutside()}); {@link #toString()} shows every count, so
 * nothing disappears silently. For a derived set,
 * {@code size() + purged() + embargoed() + excludedOutside()} is the size of the set it came from.
 *
 * <h2>Purging and embargo (M. López de Prado, <i>Advances in Financial Machine Learning</i>,
 * 2018, ch. 7)</h2>
 *
 * A row's label window is the bars {@code (t, t + h]}: instants {@code (asOf, labelEnd]}. For an
 * evaluation period {@code [from, to]} (closed, instants), the evaluation rows are those with
 * {@code from <= asOf <= to}; a training row must not have a label that overlaps it:
 *
 * <ul>
 *   <li><b>Purging</b>: a row with {@code asOf < from} and {@code labelEnd >= from} is dropped
 *       (its label was realised during the evaluation period).
 *   <li><b>Embargo</b> of e bars: a row after the period ({@code asOf > to}) within the first e
 *       bars of its symbol after {@code to} is dropped: the evaluation rows' own labels extend up
 *       to h bars past {@code to}, and serially correlated features right after the period would
 *       leak them back into training.
 * </ul>
 *
 * Every remaining training row has {@code (asOf, labelEnd]} disjoint from {@code [from, to]} and
 * is not itself an evaluation row.
 *
 * @since 0.1.0
 */
public final class TrainingSet {

  private static final Comparator<TrainingRow> ORDER =
      Comparator.comparing(TrainingRow::asOf).thenComparing(TrainingRow::symbol);

  private final int horizon;
  private final List<String> featureNames;
  private final List<TrainingRow> rows;
  private final Map<String, TimeIndex> indexes;
  private final int incompleteFeatures;
  private final int noLabel;
  private final int purged;
  private final int embargoed;
  private final int outside;
  private final String selection;

  private TrainingSet(int horizon, List<String> featureNames, List<TrainingRow> rows,
      Map<String, TimeIndex> indexes, int incompleteFeatures, int noLabel, int purged,
      int embargoed, int outside, String selection) {
    this.horizon = horizon;
    this.featureNames = featureNames;
    this.rows = List.copyOf(rows);
    this.indexes = indexes;
    this.incompleteFeatures = incompleteFeatures;
    this.noLabel = noLabel;
    this.purged = purged;
    this.embargoed = embargoed;
    this.outside = outside;
    this.selection = selection;
  }

  /**
   * The training rows of one instrument.
   *
   * @param bars the bars
   * @param features the feature definition
   * @param horizon h, the label horizon in bars, {@code >= 1}
   * @return the training set
   * @throws IllegalArgumentException if {@code horizon < 1}
   * @see #of(Collection, FeatureBuilder, int)
   */
  public static TrainingSet of(Bars bars, FeatureBuilder features, int horizon) {
    return of(List.of(Objects.requireNonNull(bars, "TrainingSet: bars must not be null")),
        features, horizon);
  }

  /**
   * The training rows of several instruments: for every symbol and bar t with complete features
   * ({@link FeatureBuilder#featureSeries(Bars)}) and a label {@code close[t + h] / close[t] - 1}
   * (both closes present, {@code t + h} within the bars), one row.
   *
   * @param bars the bars, one per symbol (distinct symbols), not empty
   * @param features the feature definition
   * @param horizon h, the label horizon in bars, {@code >= 1}
   * @return the training set (possibly empty; see the counts)
   * @throws IllegalArgumentException if {@code horizon < 1}, {@code bars} is empty or two bars
   *     share a symbol
   */
  public static TrainingSet of(Collection<Bars> bars, FeatureBuilder features, int horizon) {
    Objects.requireNonNull(bars, "TrainingSet: bars must not be null");
    Objects.requireNonNull(features, "TrainingSet: features must not be null");
    if (horizon < 1) {
      throw new IllegalArgumentException("TrainingSet: expected horizon >= 1, but found "
          + horizon);
    }
    if (bars.isEmpty()) {
      throw new IllegalArgumentException("TrainingSet: bars must hold at least one symbol");
    }
    List<String> names = features.names();
    Map<String, TimeIndex> indexes = new TreeMap<>();
    List<TrainingRow> rows = new ArrayList<>();
    int incomplete = 0;
    int noLabel = 0;
    for (Bars b : bars) {
      Objects.requireNonNull(b, "TrainingSet: bars holds a null element");
      if (indexes.put(b.symbol(), b.index()) != null) {
        throw new IllegalArgumentException("TrainingSet: two bars have the symbol '" + b.symbol()
            + "'");
      }
      double[][] values = features.values(b);
      double[] close = b.close();
      TimeIndex index = b.index();
      for (int t = 0; t < values.length; t++) {
        if (hasNaN(values[t])) {
          incomplete++;
        } else if (t + horizon >= close.length || close[t] != close[t]
            || close[t + horizon] != close[t + horizon]) {
          noLabel++;
        } else {
          Features f = new Features(b.symbol(), index.instant(t), names, values[t]);
          rows.add(new TrainingRow(f, t, index.instant(t + horizon), t + horizon,
              close[t + horizon] / close[t] - 1));
        }
      }
    }
    rows.sort(ORDER);
    return new TrainingSet(horizon, names, rows, Collections.unmodifiableMap(indexes),
        incomplete, noLabel, 0, 0, 0, "");
  }

  private static boolean hasNaN(double[] v) {
    for (double x : v) {
      if (x != x) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------- accessors

  /**
   * h, the label horizon in bars.
   *
   * @return the horizon
   */
  public int horizon() {
    return horizon;
  }

  /**
   * The feature names, the order of every row's values.
   *
   * @return an unmodifiable list
   */
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * The rows, ordered by as-of instant, then symbol.
   *
   * @return an unmodifiable list
   */
  public List<TrainingRow> rows() {
    return rows;
  }

  /**
   * The number of rows.
   *
   * @return the number of rows
   */
  public int size() {
    return rows.size();
  }

  /**
   * The symbols the set was built from (whether or not they have rows here), sorted.
   *
   * @return an unmodifiable list
   */
  public List<String> symbols() {
    return List.copyOf(indexes.keySet());
  }

  /**
   * Bars (of the source data) left out because a feature was NaN: the warm-up of the look-back
   * or a gap.
   *
   * @return the count
   */
  public int excludedIncompleteFeatures() {
    return incompleteFeatures;
  }

  /**
   * Bars (of the source data) with complete features left out for want of a label: among the
   * last h bars, or a missing close at t or t + h.
   *
   * @return the count
   */
  public int excludedNoLabel() {
    return noLabel;
  }

  /**
   * Rows of the parent set dropped because their label window reached into the evaluation period
   * or past the cut-off (0 for a set made by {@code of}).
   *
   * @return the count
   */
  public int purged() {
    return purged;
  }

  /**
   * Rows of the parent set dropped by the embargo (0 for a set made by {@code of}).
   *
   * @return the count
   */
  public int embargoed() {
    return embargoed;
  }

  /**
   * Rows of the parent set outside this selection: the other side of a split, or rows after a
   * cut-off (0 for a set made by {@code of}).
   *
   * @return the count
   */
  public int excludedOutside() {
    return outside;
  }

  /**
   * The feature values, one row per {@link #rows()} element (a new array).
   *
   * @return a {@code size() x featureNames().size()} matrix
   */
  public double[][] featureMatrix() {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = rows.get(i).features().values();
    }
    return m;
  }

  /**
   * The labels' forward returns, in row order (a new array).
   *
   * @return one forward return per row
   */
  public double[] forwardReturns() {
    double[] r = new double[rows.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = rows.get(i).forwardReturn();
    }
    return r;
  }

  /** The bars' index of {@code symbol} (for the walk-forward schedule). */
  TimeIndex index(String symbol) {
    return indexes.get(symbol);
  }

  // ----------------------------------------------------------------------------------- splits

  /**
   * Splits into evaluation rows ({@code from <= asOf <= to}) and training rows, purged and
   * embargoed (see the class documentation). Training rows come from both sides of the period.
   *
   * @param from the first instant of the evaluation period
   * @param to the last instant of the evaluation period, not before {@code from}
   * @param embargoBars e, the number of bars after the period whose rows are dropped from
   *     training, {@code >= 0}
   * @return the split
   * @throws IllegalArgumentException if {@code to} is before {@code from} or {@code e < 0}
   */
  public TrainingSplit split(Instant from, Instant to, int embargoBars) {
    Objects.requireNonNull(from, "TrainingSet.split: from must not be null");
    Objects.requireNonNull(to, "TrainingSet.split: to must not be null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("TrainingSet.split: the evaluation period ends (" + to
          + ") before it starts (" + from + ")");
    }
    if (embargoBars < 0) {
      throw new IllegalArgumentException("TrainingSet.split: expected embargoBars >= 0, but "
          + "found " + embargoBars);
    }
    return split(from, to, embargoBars, false);
  }

  /**
   * {@link #split(Instant, Instant, int)} for the dates {@code from} to {@code to} inclusive:
   * from the start of {@code from} to the end of {@code to}, UTC (every bar of those dates, dated
   * or intraday).
   *
   * @param from the first date of the evaluation period
   * @param to the last date of the evaluation period, not before {@code from}
   * @param embargoBars e, {@code >= 0}
   * @return the split
   * @throws IllegalArgumentException if {@code to} is before {@code from} or {@code e < 0}
   */
  public TrainingSplit split(LocalDate from, LocalDate to, int embargoBars) {
    Objects.requireNonNull(from, "TrainingSet.split: from must not be null");
    Objects.requireNonNull(to, "TrainingSet.split: to must not be null");
    return split(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1), embargoBars);
  }

  /**
   * Walk-forward folds: the distinct as-of instants of the rows are cut into {@code folds + 1}
   * consecutive blocks of (nearly) equal length; fold i (1..folds) evaluates on block i and trains
   * on the rows before it whose label ends before the block starts (purged; rows after the block
   * are outside, so no embargo is needed). Training windows expand fold by fold.
   *
   * @param folds the number of folds, {@code >= 1}, with {@code folds + 1} at most the number of
   *     distinct as-of instants
   * @return the folds in time order
   * @throws IllegalArgumentException if {@code folds} is out of range
   */
  public List<TrainingSplit> walkForward(int folds) {
    List<Instant> times = new ArrayList<>();
    for (TrainingRow r : rows) {
      if (times.isEmpty() || !times.get(times.size() - 1).equals(r.asOf())) {
        times.add(r.asOf());
      }
    }
    if (folds < 1 || folds + 1 > times.size()) {
      throw new IllegalArgumentException("TrainingSet.walkForward: expected 1 <= folds <= "
          + (times.size() - 1) + " (distinct as-of instants - 1), but found " + folds);
    }
    List<TrainingSplit> out = new ArrayList<>();
    int n = times.size();
    for (int i = 1; i <= folds; i++) {
      int start = (int) ((long) i * n / (folds + 1));
      int end = (int) ((long) (i + 1) * n / (folds + 1));
      out.add(split(times.get(start), times.get(end - 1), 0, true));
    }
    return List.copyOf(out);
  }

  private TrainingSplit split(Instant from, Instant to, int e, boolean pastOnly) {
    List<TrainingRow> train = new ArrayList<>();
    List<TrainingRow> test = new ArrayList<>();
    int purge = 0;
    int embargo = 0;
    int after = 0;
    Map<String, Integer> firstAfter = new TreeMap<>();
    for (TrainingRow r : rows) {
      if (!r.asOf().isBefore(from) && !r.asOf().isAfter(to)) {
        test.add(r);
      } else if (r.asOf().isBefore(from)) {
        if (r.labelEnd().isBefore(from)) {
          train.add(r);
        } else {
          purge++;
        }
      } else if (pastOnly) {
        after++;
      } else {
        int k = firstAfter.computeIfAbsent(r.symbol(),
            s -> AsOf.endPosition(indexes.get(s), to));
        if (r.bar() < k + e) {
          embargo++;
        } else {
          train.add(r);
        }
      }
    }
    String period = "[" + from + ", " + to + "]";
    TrainingSet trainSet = derived(train, purge, embargo, after + test.size(),
        "training for evaluation " + period + (pastOnly ? ", past only" : ", embargo " + e
            + " bars"));
    TrainingSet testSet = derived(test, 0, 0, rows.size() - test.size(), "evaluation " + period);
    return new TrainingSplit(trainSet, testSet, from, to, e);
  }

  /**
   * The rows a model trained at {@code cutoff} may learn from: those whose label window ends at
   * or before the cut-off, and, with an embargo of e bars, at least e bars of the symbol before
   * the last bar at or before the cut-off ({@code labelEndBar + e <= that bar}). A row with
   * {@code asOf <= cutoff} whose label ends later is counted as purged, one cut by the embargo as
   * embargoed, a row after the cut-off as outside.
   *
   * @param cutoff the training cut-off
   * @param embargoBars e, {@code >= 0}
   * @return the rows known at the cut-off
   * @throws IllegalArgumentException if {@code e < 0}
   */
  public TrainingSet availableAt(Instant cutoff, int embargoBars) {
    Objects.requireNonNull(cutoff, "TrainingSet.availableAt: cutoff must not be null");
    if (embargoBars < 0) {
      throw new IllegalArgumentException("TrainingSet.availableAt: expected embargoBars >= 0, "
          + "but found " + embargoBars);
    }
    Map<String, Integer> last = new TreeMap<>();
    List<TrainingRow> kept = new ArrayList<>();
    int purge = 0;
    int embargo = 0;
    int after = 0;
    for (TrainingRow r : rows) {
      int pos = last.computeIfAbsent(r.symbol(),
          s -> AsOf.endPosition(indexes.get(s), cutoff) - 1);
      if (r.asOf().isAfter(cutoff)) {
        after++;
      } else if (r.labelEndBar() > pos) {
        purge++;
      } else if (r.labelEndBar() + embargoBars > pos) {
        embargo++;
      } else {
        kept.add(r);
      }
    }
    return derived(kept, purge, embargo, after, "available at cut-off " + cutoff
        + (embargoBars > 0 ? ", embargo " + embargoBars + " bars" : ""));
  }

  private TrainingSet derived(List<TrainingRow> kept, int purge, int embargo, int out,
      String what) {
    return new TrainingSet(horizon, featureNames, kept, indexes, incompleteFeatures, noLabel,
        purge, embargo, out, what);
  }

  /**
   * A summary: horizon, symbols, rows, time span, the selection this set is (if derived) and every
   * exclusion count, e.g. {@code TrainingSet[horizon 5 bars, 3 symbols, 6711 rows,
   * 2016-01-05T00:00:00Z .. 2024-12-24T00:00:00Z; excluded: 747 with NaN features (warm-up or
   * gaps), 15 without a label (last 5 bars or a missing close)]}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("TrainingSet[horizon ").append(horizon).append(" bars, ")
        .append(indexes.size()).append(indexes.size() == 1 ? " symbol, " : " symbols, ")
        .append(rows.size()).append(" rows");
    if (!rows.isEmpty()) {
      s.append(", ").append(rows.get(0).asOf()).append(" .. ")
          .append(rows.get(rows.size() - 1).asOf());
    }
    if (!selection.isEmpty()) {
      s.append("; ").append(selection);
    }
    s.append("; excluded: ").append(incompleteFeatures)
        .append(" with NaN features (warm-up or gaps), ").append(noLabel)
        .append(" without a label (last ").append(horizon).append(" bars or a missing close)");
    if (!selection.isEmpty()) {
      s.append(", ").append(purged).append(" purged, ").append(embargoed).append(" embargoed, ")
          .append(outside).append(" outside the selection");
    }
    return s.append(']').toString();
  }
}
