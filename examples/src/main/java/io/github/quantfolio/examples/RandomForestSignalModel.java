package io.github.quantfolio.examples;

import io.github.quantfolio.core.adapters.Features;
import io.github.quantfolio.core.adapters.Signal;
import io.github.quantfolio.core.adapters.SignalModel;
import io.github.quantfolio.trading.TrainingRow;
import io.github.quantfolio.trading.TrainingSet;
import io.github.quantfolio.trading.WalkForwardSignalModel;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A {@link SignalModel} backed by a <a href="https://tribuo.org">Tribuo</a> random forest
 * (L. Breiman, <i>Random Forests</i>, Machine Learning 45, 2001): bagged CART classification trees
 * that each consider a random fraction of the features at every split, trained on a
 * {@link TrainingSet} to tell whether the forward return will be positive (label {@code UP}) or
 * not ({@code DOWN}).
 *
 * <p>{@link #predict(Features)} averages the trees' leaf class frequencies into
 * {@code p_up} (Tribuo's {@link FullyWeightedVotingCombiner}) and answers
 * {@code Signal(value = 2 p_up - 1, confidence = max(p_up, 1 - p_up))}: value +1 when every tree
 * is sure of a rise, 0 at even odds, -1 when every tree is sure of a fall.
 *
 * <p><b>Deterministic.</b> Each training builds a new Tribuo trainer seeded from
 * {@link Config#seed()} (a Tribuo trainer's random state advances with every use), and the rows
 * come in the training set's fixed order, so the same training set and seed give the same forest
 * and the same predictions. Training and prediction run on the calling thread. Walk-forward use:
 * pass {@link #trainer(Config)} to
 * {@link WalkForwardSignalModel#train(Map, io.github.quantfolio.trading.FeatureBuilder,
 * io.github.quantfolio.trading.WalkForwardSchedule, Function)}.
 *
 * <p>Features with a NaN value (the look-back warm-up) get {@link Signal#none()}: the forest was
 * trained on complete rows only.
 *
 * <p>Loading this class sets the level of Tribuo's {@code org.tribuo.ensemble.BaggingTrainer}
 * logger to WARNING (it logs every tree at INFO).
 */
public final class RandomForestSignalModel implements SignalModel {

  /** The class label of a positive forward return. */
  public static final String UP = "UP";
  /** The class label of a zero or negative forward return. */
  public static final String DOWN = "DOWN";

  private static final LabelFactory LABELS = new LabelFactory();
  /**
   * Tribuo's bagging trainer logs every tree it builds at INFO; held here (a logger's level is
   * lost when it is garbage collected) and set to WARNING so that examples print their results,
   * not a hundred lines per training.
   */
  private static final Logger BAGGING_LOG = quiet("org.tribuo.ensemble.BaggingTrainer");

  private final Model<Label> forest;
  private final List<String> names;
  private final String[] nameArray;
  private final int rows;

  /**
   * The forest's parameters.
   *
   * @param trees the number of trees, {@code >= 1}
   * @param maxDepth the deepest a tree grows, {@code >= 1}
   * @param featureFraction the fraction of the features each split considers, in (0, 1]
   * @param seed the random seed (bootstrap samples and feature choices)
   */
  public record Config(int trees, int maxDepth, float featureFraction, long seed) {

    /**
     * Validates the parameters.
     *
     * @param trees {@code >= 1}
     * @param maxDepth {@code >= 1}
     * @param featureFraction in (0, 1]
     * @param seed any
     */
    public Config {
      if (trees < 1) {
        throw new IllegalArgumentException("RandomForestSignalModel.Config: expected trees >= 1,"
            + " but found " + trees);
      }
      if (maxDepth < 1) {
        throw new IllegalArgumentException("RandomForestSignalModel.Config: expected maxDepth >="
            + " 1, but found " + maxDepth);
      }
      if (!(featureFraction > 0 && featureFraction <= 1)) {
        throw new IllegalArgumentException("RandomForestSignalModel.Config: expected 0 < "
            + "featureFraction <= 1, but found " + featureFraction);
      }
    }

    /**
     * 100 trees of depth at most 6, half the features per split, seed 42.
     *
     * @return the default parameters
     */
    public static Config defaults() {
      return new Config(100, 6, 0.5f, 42);
    }

    /**
     * A copy with another number of trees.
     *
     * @param count {@code >= 1}
     * @return a new config
     */
    public Config withTrees(int count) {
      return new Config(count, maxDepth, featureFraction, seed);
    }

    /**
     * A copy with another maximum depth.
     *
     * @param depth {@code >= 1}
     * @return a new config
     */
    public Config withMaxDepth(int depth) {
      return new Config(trees, depth, featureFraction, seed);
    }

    /**
     * A copy with another seed.
     *
     * @param newSeed the seed
     * @return a new config
     */
    public Config withSeed(long newSeed) {
      return new Config(trees, maxDepth, featureFraction, newSeed);
    }
  }

  private static Logger quiet(String name) {
    Logger log = Logger.getLogger(name);
    log.setLevel(Level.WARNING);
    return log;
  }

  private RandomForestSignalModel(Model<Label> forest, List<String> names, int rows) {
    this.forest = forest;
    this.names = names;
    this.nameArray = names.toArray(new String[0]);
    this.rows = rows;
  }

  /**
   * Trains a forest on every row of {@code set} (label {@link #UP} when the forward return is
   * {@code > 0}).
   *
   * @param set the training rows, not empty
   * @param config the forest's parameters
   * @return the trained model
   * @throws IllegalArgumentException if the set is empty (the message shows its counts)
   */
  public static RandomForestSignalModel train(TrainingSet set, Config config) {
    Objects.requireNonNull(set, "RandomForestSignalModel: set must not be null");
    Objects.requireNonNull(config, "RandomForestSignalModel: config must not be null");
    if (set.size() == 0) {
      throw new IllegalArgumentException("RandomForestSignalModel: cannot train on an empty "
          + "training set: " + set);
    }
    String[] names = set.featureNames().toArray(new String[0]);
    List<TrainingRow> rows = set.rows();
    // A fixed provenance time (the last label's end) keeps the model free of the wall clock.
    OffsetDateTime when = OffsetDateTime.ofInstant(rows.get(rows.size() - 1).labelEnd(),
        ZoneOffset.UTC);
    MutableDataset<Label> data = new MutableDataset<>(
        new SimpleDataSourceProvenance("quantfolio TrainingSet", when, LABELS), LABELS);
    for (TrainingRow r : rows) {
      data.add(new ArrayExample<>(new Label(r.up() ? UP : DOWN), names, r.features().values()));
    }
    CARTClassificationTrainer tree = new CARTClassificationTrainer(config.maxDepth(),
        config.featureFraction(), config.seed());
    RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree,
        new FullyWeightedVotingCombiner(), config.trees(), config.seed());
    return new RandomForestSignalModel(forest.train(data), set.featureNames(), set.size());
  }

  /**
   * A trainer for {@link WalkForwardSignalModel}: {@code set -> train(set, config)}.
   *
   * @param config the forest's parameters
   * @return the trainer function
   */
  public static Function<TrainingSet, SignalModel> trainer(Config config) {
    Objects.requireNonNull(config, "RandomForestSignalModel: config must not be null");
    return set -> train(set, config);
  }

  /**
   * The forest's probability that the forward return is positive: the mean over the trees of
   * the {@code UP} share of the leaf each tree sends the features to.
   *
   * @param features features named as the training set's, none NaN
   * @return {@code p_up} in [0, 1]
   * @throws IllegalArgumentException if the names differ from the training set's or a value is
   *     NaN
   */
  public double probabilityUp(Features features) {
    Objects.requireNonNull(features, "RandomForestSignalModel: features must not be null");
    if (!features.names().equals(names)) {
      throw new IllegalArgumentException("RandomForestSignalModel: features of '"
          + features.symbol() + "' as of " + features.asOf() + " are named " + features.names()
          + ", but the forest was trained on " + names);
    }
    double[] v = features.values();
    for (int i = 0; i < v.length; i++) {
      if (v[i] != v[i]) {
        throw new IllegalArgumentException("RandomForestSignalModel: feature '" + names.get(i)
            + "' of '" + features.symbol() + "' as of " + features.asOf() + " is NaN");
      }
    }
    Prediction<Label> p = forest.predict(new ArrayExample<>(LABELS.getUnknownOutput(),
        nameArray, v));
    Map<String, Label> scores = p.getOutputScores();
    double up = scores.containsKey(UP) ? scores.get(UP).getScore() : 0;
    double down = scores.containsKey(DOWN) ? scores.get(DOWN).getScore() : 0;
    return up / (up + down); // one class present in training: 1 or 0
  }

  /**
   * {@code Signal(2 p_up - 1, max(p_up, 1 - p_up))}, or {@link Signal#none()} if a feature is
   * NaN.
   *
   * @param features features named as the training set's
   * @return the signal
   * @throws IllegalArgumentException if the names differ from the training set's
   */
  @Override
  public Signal predict(Features features) {
    Objects.requireNonNull(features, "RandomForestSignalModel: features must not be null");
    for (double x : features.values()) {
      if (x != x) {
        return Signal.none();
      }
    }
    double pUp = probabilityUp(features);
    return new Signal(2 * pUp - 1, Math.max(pUp, 1 - pUp));
  }

  /**
   * The feature names the forest was trained on.
   *
   * @return an unmodifiable list
   */
  public List<String> featureNames() {
    return names;
  }

  /**
   * The number of rows the forest was trained on.
   *
   * @return the row count
   */
  public int trainingRows() {
    return rows;
  }

  @Override
  public String toString() {
    return "RandomForestSignalModel[" + rows + " rows, features " + names + "]";
  }
}
