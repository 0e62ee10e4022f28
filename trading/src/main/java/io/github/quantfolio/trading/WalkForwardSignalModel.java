package io.github.quantfolio.trading;

import io.github.quantfolio.core.Bars;
import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.SignalModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link SignalModel} retrained walk-forward: at each cut-off of a {@link WalkForwardSchedule}
 * a trainer (any {@code TrainingSet -> SignalModel} function: a random forest, a logistic
 * regression, a rule fitted to data) learns from the rows of the history available at that
 * cut-off ({@link TrainingSet#availableAt(Instant, int)}: label windows ending at or before it,
 * less the embargo), and {@link #predict(Features)} uses the latest model whose cut-off is at or
 * before {@link Features#asOf()}.
 *
 * <p><b>No look-ahead.</b> The model of cut-off c is trained only on features and labels of bars
 * at or before c: features are computed from bars up to their as-of bar
 * ({@link FeatureBuilder}), and a row is used only once its label's last bar is at or before c.
 * Changing the history after c therefore does not change that model. Training is deterministic
 * when the trainer is: building again from a longer history reproduces the earlier cut-offs and
 * their models, which is how a live process retrains.
 *
 * <p><b>No view.</b> {@link #predict(Features)} returns {@link Signal#none()} for features with a
 * NaN value (the look-back warm-up: no model was trained on such rows) and for an as-of before the
 * first cut-off (no model yet). Features with other names than the training set's are an error.
 *
 * <p>All models are trained when the object is built, in cut-off order, on the calling thread;
 * the object is then immutable and thread-safe if the trained models are.
 *
 * @since 0.1.0
 */
public final class WalkForwardSignalModel implements SignalModel {

  private final TrainingSet all;
  private final WalkForwardSchedule schedule;
  private final NavigableMap<Instant, SignalModel> models;

  private WalkForwardSignalModel(TrainingSet all, WalkForwardSchedule schedule,
      NavigableMap<Instant, SignalModel> models) {
    this.all = all;
    this.schedule = schedule;
    this.models = Collections.unmodifiableNavigableMap(models);
  }

  /**
   * Builds the training set of {@code history} and trains one model per cut-off of
   * {@code schedule} (see {@link WalkForwardSchedule} for where they fall).
   *
   * @param history the bars of each symbol, keyed by their symbol, not empty
   * @param features the feature definition (the models see {@link FeatureBuilder#names()})
   * @param schedule horizon, embargo, retraining interval and the minimum training size
   * @param trainer turns the rows available at a cut-off into a model; must not return null
   * @return the walk-forward model
   * @throws IllegalArgumentException if {@code history} is empty, a key differs from its bars'
   *     symbol, or the history never makes {@code minTrainingRows} rows available (the message
   *     gives how many it makes)
   * @throws NullPointerException if the trainer returns null (the message names the cut-off)
   */
  public static WalkForwardSignalModel train(Map<String, Bars> history, FeatureBuilder features,
      WalkForwardSchedule schedule, Function<TrainingSet, SignalModel> trainer) {
    Objects.requireNonNull(history, "WalkForwardSignalModel: history must not be null");
    Objects.requireNonNull(features, "WalkForwardSignalModel: features must not be null");
    Objects.requireNonNull(schedule, "WalkForwardSignalModel: schedule must not be null");
    Objects.requireNonNull(trainer, "WalkForwardSignalModel: trainer must not be null");
    List<Bars> bars = new ArrayList<>();
    for (Map.Entry<String, Bars> e : new TreeMap<>(history).entrySet()) {
      Objects.requireNonNull(e.getValue(), "WalkForwardSignalModel: bars of '" + e.getKey()
          + "' must not be null");
      if (!e.getKey().equals(e.getValue().symbol())) {
        throw new IllegalArgumentException("WalkForwardSignalModel: history key '" + e.getKey()
            + "' holds the bars of '" + e.getValue().symbol() + "'");
      }
      bars.add(e.getValue());
    }
    TrainingSet all = TrainingSet.of(bars, features, schedule.horizon());
    long[] timeline = timeline(bars);
    int e = schedule.embargoBars();
    long[] eligible = new long[all.size()];
    int known = 0;
    for (TrainingRow r : all.rows()) {
      TimeIndex index = all.index(r.symbol());
      int j = r.labelEndBar() + e;
      if (j < index.size()) {
        eligible[known++] = index.epochMillis(j); // the row is usable from this instant on
      }
    }
    if (known < schedule.minTrainingRows()) {
      throw new IllegalArgumentException("WalkForwardSignalModel: the history makes at most "
          + known + " rows available for training (horizon " + schedule.horizon() + ", embargo "
          + e + "), fewer than minTrainingRows " + schedule.minTrainingRows() + "; " + all);
    }
    Arrays.sort(eligible, 0, known);
    int first = Arrays.binarySearch(timeline, eligible[schedule.minTrainingRows() - 1]);
    NavigableMap<Instant, SignalModel> models = new TreeMap<>();
    for (int p = first; p < timeline.length; p += schedule.retrainEveryBars()) {
      Instant cutoff = Instant.ofEpochMilli(timeline[p]);
      SignalModel m = trainer.apply(all.availableAt(cutoff, e));
      models.put(cutoff, Objects.requireNonNull(m,
          () -> "WalkForwardSignalModel: the trainer returned null at cut-off " + cutoff));
    }
    return new WalkForwardSignalModel(all, schedule, models);
  }

  /** The sorted distinct epoch millis of every bar of every symbol. */
  private static long[] timeline(List<Bars> bars) {
    int n = 0;
    for (Bars b : bars) {
      n += b.size();
    }
    long[] t = new long[n];
    int k = 0;
    for (Bars b : bars) {
      TimeIndex index = b.index();
      for (int i = 0; i < index.size(); i++) {
        t[k++] = index.epochMillis(i);
      }
    }
    Arrays.sort(t);
    int u = 0;
    for (int i = 0; i < n; i++) {
      if (u == 0 || t[i] != t[u - 1]) {
        t[u++] = t[i];
      }
    }
    return Arrays.copyOf(t, u);
  }

  /**
   * The signal of the latest model trained at or before {@code features.asOf()};
   * {@link Signal#none()} if a feature is NaN or no model was trained by then.
   *
   * @param features the features, named as the training set's
   * @return the signal, never null
   * @throws IllegalArgumentException if the feature names differ from the training set's
   * @throws IllegalStateException if the chosen model returns null
   */
  @Override
  public Signal predict(Features features) {
    Objects.requireNonNull(features, "WalkForwardSignalModel: features must not be null");
    if (!features.names().equals(all.featureNames())) {
      throw new IllegalArgumentException("WalkForwardSignalModel: features of '"
          + features.symbol() + "' as of " + features.asOf() + " are named " + features.names()
          + ", but the models were trained on " + all.featureNames());
    }
    for (double v : features.values()) {
      if (v != v) {
        return Signal.none();
      }
    }
    Map.Entry<Instant, SignalModel> m = models.floorEntry(features.asOf());
    if (m == null) {
      return Signal.none();
    }
    Signal s = m.getValue().predict(features);
    if (s == null) {
      throw new IllegalStateException("WalkForwardSignalModel: the model of cut-off "
          + m.getKey() + " returned null for '" + features.symbol() + "' as of "
          + features.asOf());
    }
    return s;
  }

  /**
   * The cut-offs, in time order.
   *
   * @return an unmodifiable list
   */
  public List<Instant> cutoffs() {
    return List.copyOf(models.keySet());
  }

  /**
   * The cut-off of the model that {@link #predict(Features)} uses for features as of
   * {@code asOf}: the latest at or before it.
   *
   * @param asOf an as-of instant
   * @return the cut-off, or empty before the first one
   */
  public Optional<Instant> cutoffFor(Instant asOf) {
    return Optional.ofNullable(models.floorKey(Objects.requireNonNull(asOf, "asOf")));
  }

  /**
   * The model trained at exactly {@code cutoff}.
   *
   * @param cutoff one of {@link #cutoffs()}
   * @return the model
   * @throws IllegalArgumentException if no model was trained at that instant
   */
  public SignalModel modelAt(Instant cutoff) {
    SignalModel m = models.get(Objects.requireNonNull(cutoff, "cutoff"));
    if (m == null) {
      throw new IllegalArgumentException("WalkForwardSignalModel: no model was trained at "
          + cutoff + "; cut-offs are " + models.firstKey() + " .. " + models.lastKey() + " ("
          + models.size() + ")");
    }
    return m;
  }

  /**
   * The rows the model of {@code cutoff} was trained on (what the trainer received).
   *
   * @param cutoff a cut-off
   * @return {@code trainingSet().availableAt(cutoff, schedule().embargoBars())}
   */
  public TrainingSet trainingSetAt(Instant cutoff) {
    return all.availableAt(cutoff, schedule.embargoBars());
  }

  /**
   * Every row of the history (labels up to the end of the history).
   *
   * @return the full training set
   */
  public TrainingSet trainingSet() {
    return all;
  }

  /**
   * The schedule.
   *
   * @return the schedule
   */
  public WalkForwardSchedule schedule() {
    return schedule;
  }

  /**
   * A summary: the number of models, the first and last cut-offs and the schedule.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "WalkForwardSignalModel[" + models.size() + " models, cut-offs " + models.firstKey()
        + " .. " + models.lastKey() + ", " + schedule + "]";
  }
}
