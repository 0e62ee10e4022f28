package io.github.quantfolio.optimize;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.RebalanceAnalysis.AssetRisk;
import io.github.quantfolio.optimize.RebalanceAnalysis.Concentration;
import io.github.quantfolio.optimize.RebalanceAnalysis.CorrelatedPair;
import io.github.quantfolio.optimize.RebalanceAnalysis.Correlation;
import io.github.quantfolio.optimize.RebalanceAnalysis.Excess;
import io.github.quantfolio.optimize.RebalanceAnalysis.Health;
import io.github.quantfolio.optimize.RebalanceAnalysis.Level;
import io.github.quantfolio.optimize.RebalanceRecommendation.Action;
import io.github.quantfolio.optimize.RebalanceRecommendation.Priority;
import io.github.quantfolio.optimize.RebalanceRecommendation.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 001's rebalancing analysis of a long book ({@link AdvisorBook}) over the last
 * {@code L = lookback} returns of a price history. With weights {@code w_i} of portfolio value
 * {@code V} and window returns {@code r_it = p_it / p_i,t-1 - 1}:
 * <ul>
 *   <li><b>Concentration</b>: {@code HHI = sum w_i^2} (cash is no position), level low below
 *       {@code hhiMedium}, high above {@code hhiHigh}; a position above {@code maxPositionWeight}
 *       is sold to {@code positionTargetWeight} (HIGH priority, confidence 0.85 as in the seed's
 *       example), trade value {@code (w_i - target) V}; a category above
 *       {@code maxCategoryWeight} is sold pro rata to {@code categoryTargetWeight}: member
 *       {@code i} to {@code w_i x target / W_c} (MEDIUM, 0.75).</li>
 *   <li><b>Correlation</b>: Pearson correlation of the window returns; the average is over the
 *       finite off-diagonal pairs; a pair of major positions ({@code w >= majorPositionWeight})
 *       above {@code correlationThreshold} is flagged and its weaker performer (lower window
 *       return {@code p_T / p_0 - 1}; the later in book order on a tie) sold by
 *       {@code correlationReduction} of its weight (MEDIUM, 0.70), once per symbol. A constant
 *       series has no correlation (NaN) and is never flagged.</li>
 *   <li><b>Volatility</b>: {@code sigma_i = s_i sqrt(P)} with {@code s_i} the sample standard
 *       deviation (n - 1) of the window returns and {@code P} the history's periods per year; a
 *       large position ({@code w >= largePositionWeight}) with {@code sigma_i > highVolatility} is
 *       re-sized to {@code w_i x highVolatility / sigma_i}, the weight at which it carries the
 *       volatility it would at the limit (MEDIUM, 0.70).</li>
 *   <li><b>Momentum</b>: a major position whose window return is below
 *       {@code momentumThreshold} is sold by {@code momentumReduction} of its weight (LOW,
 *       0.60).</li>
 *   <li><b>Health</b>: {@code max(0, 100 - positionPenalty x #positions
 *       - min(correlationPenaltyMax, correlationPenaltyPerPair x #pairs)
 *       - categoryPenalty x #categories)}, floored at 0 as the seed's 0-100 range requires.</li>
 *   <li><b>Heat</b>: the share of {@code V} at risk, {@code sum w_i h_i}, with {@code h_i} the
 *       stop distance where one is given ("portfolio heat" as traders use it after Van K.
 *       Tharp: total risk to the stops) and otherwise the one-period 95 % parametric VaR
 *       {@code 1.6449 s_i} (RiskMetrics Technical Document, 4th ed., J.P. Morgan/Reuters 1996).
 *       Summing position VaRs assumes perfect correlation, an upper bound of the normal
 *       portfolio VaR.</li>
 * </ul>
 * Recommendations are sorted by priority, then trade value (largest first), then symbol; a symbol
 * may get several, and {@link RebalanceAnalysis#targetWeights()} takes the lowest target. The
 * correlation step costs {@code O(n^2 L)} on primitive arrays. Thread-safe and immutable.
 *
 * @since 0.1.0
 */
public final class RebalanceAdvisor {

  /** Confidence of a trim above the position limit: the seed's example response. */
  static final double CONFIDENCE_CONCENTRATION = 0.85;
  /** Confidence of a category trim (choice: below a single-position limit breach). */
  static final double CONFIDENCE_CATEGORY = 0.75;
  /** Confidence of correlation and volatility reductions (choice). */
  static final double CONFIDENCE_RISK = 0.70;
  /** Confidence of a momentum reduction (choice: the least certain signal). */
  static final double CONFIDENCE_MOMENTUM = 0.60;
  /** The standard normal 95 % quantile, Phi^-1(0.95), to 17 digits. */
  static final double Z95 = 1.6448536269514722;

  private final AdvisorConfig config;

  private RebalanceAdvisor(AdvisorConfig config) {
    this.config = config;
  }

  /**
   * An advisor with {@link AdvisorConfig#defaults()}.
   *
   * @return the advisor
   */
  public static RebalanceAdvisor defaults() {
    return new RebalanceAdvisor(AdvisorConfig.defaults());
  }

  /**
   * An advisor with the given thresholds.
   *
   * @param config the thresholds, not null
   * @return the advisor
   */
  public static RebalanceAdvisor of(AdvisorConfig config) {
    return new RebalanceAdvisor(Checks.notNull(config, "config"));
  }

  /**
   * The thresholds.
   *
   * @return the configuration
   */
  public AdvisorConfig config() {
    return config;
  }

  /**
   * Analyses a book over the last {@code lookback} returns of {@code history}.
   *
   * @param book the book, not null
   * @param history prices of every symbol of the book (other columns are ignored), at least
   *     {@code lookback + 1} rows, no missing price in the last {@code lookback + 1} rows
   * @return the analysis
   * @throws IllegalArgumentException for a symbol without history, too few rows or a missing
   *     price in the window (named with the date)
   * @throws IllegalStateException if the history's frequency is unknown (set it with
   *     {@code withFrequency})
   */
  public RebalanceAnalysis analyse(AdvisorBook book, PriceFrame history) {
    Checks.notNull(book, "book");
    Checks.notNull(history, "history");
    List<String> syms = book.symbols();
    int n = syms.size();
    int len = config.lookback();
    if (history.rows() < len + 1) {
      throw new IllegalArgumentException("History has " + history.rows() + " rows; the "
          + len + "-return window needs " + (len + 1));
    }
    int from = history.rows() - len - 1;
    for (String s : syms) {
      if (!history.hasAsset(s)) {
        throw new IllegalArgumentException("No price history for held symbol '" + s + "'");
      }
    }
    double periods = history.frequency().periodsPerYear();
    double[] w = book.weightsView();
    double v = book.value();
    // u_i: window returns centred and scaled to unit norm, so corr(i, j) = u_i . u_j
    double[] u = new double[n * len];
    double[] sd = new double[n];
    double[] mom = new double[n];
    double[] p = new double[len + 1];
    for (int i = 0; i < n; i++) {
      // only the window's rows: the cost does not grow with the length of the history
      int col = history.position(syms.get(i));
      for (int t = from; t <= from + len; t++) {
        p[t - from] = history.get(t, col);
        if (Double.isNaN(p[t - from])) {
          throw new IllegalArgumentException("Price of '" + syms.get(i) + "' on "
              + history.index().label(t) + " is missing in the " + len + "-return window");
        }
      }
      double mean = 0;
      for (int t = 0; t < len; t++) {
        double r = p[t + 1] / p[t] - 1;
        u[i * len + t] = r;
        mean += r;
      }
      mean /= len;
      double ss = 0;
      for (int t = 0; t < len; t++) {
        double d = u[i * len + t] - mean;
        u[i * len + t] = d;
        ss += d * d;
      }
      sd[i] = Math.sqrt(ss / (len - 1));
      double norm = ss > 0 ? 1 / Math.sqrt(ss) : Double.NaN;
      for (int t = 0; t < len; t++) {
        u[i * len + t] *= norm;
      }
      mom[i] = p[len] / p[0] - 1;
    }
    double[][] corr = new double[n][n];
    double sum = 0;
    long count = 0;
    for (int i = 0; i < n; i++) {
      corr[i][i] = Double.isNaN(u[i * len]) ? Double.NaN : 1;
      for (int j = i + 1; j < n; j++) {
        double dot = 0;
        for (int t = 0, a = i * len, b = j * len; t < len; t++) {
          dot += u[a + t] * u[b + t];
        }
        double c = Math.max(-1, Math.min(1, dot)); // rounding can push |dot| past 1
        if (Double.isNaN(dot)) {
          c = Double.NaN;
        } else {
          sum += c;
          count++;
        }
        corr[i][j] = c;
        corr[j][i] = c;
      }
    }
    List<RebalanceRecommendation> recs = new ArrayList<>();
    Concentration conc = concentration(book, recs);
    // correlation: flagged pairs of major positions, the weaker sold once (at its highest pair)
    List<CorrelatedPair> pairs = new ArrayList<>();
    boolean[] weakerFlagged = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (w[i] < config.majorPositionWeight()) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (w[j] >= config.majorPositionWeight() && corr[i][j] > config.correlationThreshold()) {
          int weak = mom[i] < mom[j] ? i : j;
          pairs.add(new CorrelatedPair(syms.get(i), syms.get(j), corr[i][j], syms.get(weak)));
          weakerFlagged[weak] = true;
        }
      }
    }
    List<AssetRisk> assets = new ArrayList<>(n);
    double heat = 0;
    double[] stops = book.stopsView();
    for (int i = 0; i < n; i++) {
      double vol = sd[i] * Math.sqrt(periods);
      assets.add(new AssetRisk(syms.get(i), book.categoriesView()[i], w[i], vol, mom[i]));
      heat += w[i] * (Double.isNaN(stops[i]) ? Z95 * sd[i] : stops[i]);
      if (weakerFlagged[i]) {
        recs.add(sell(syms.get(i), Reason.CORRELATION_RISK, w[i],
            w[i] * (1 - config.correlationReduction()), v, Priority.MEDIUM, CONFIDENCE_RISK));
      }
      if (w[i] >= config.largePositionWeight() && vol > config.highVolatility()) {
        recs.add(sell(syms.get(i), Reason.VOLATILITY_RISK, w[i],
            w[i] * config.highVolatility() / vol, v, Priority.MEDIUM, CONFIDENCE_RISK));
      }
      if (w[i] >= config.majorPositionWeight() && mom[i] < config.momentumThreshold()) {
        recs.add(sell(syms.get(i), Reason.NEGATIVE_MOMENTUM, w[i],
            w[i] * (1 - config.momentumReduction()), v, Priority.LOW, CONFIDENCE_MOMENTUM));
      }
    }
    recs.sort(Comparator.comparing(RebalanceRecommendation::priority)
        .thenComparing(Comparator.comparingDouble(RebalanceRecommendation::tradeValue).reversed())
        .thenComparing(RebalanceRecommendation::symbol));
    double posDed = config.positionPenalty() * conc.positions().size();
    double corrDed = Math.min(config.correlationPenaltyMax(),
        config.correlationPenaltyPerPair() * pairs.size());
    double catDed = config.categoryPenalty() * conc.categories().size();
    Health health = new Health(Math.max(0, 100 - posDed - corrDed - catDed), posDed, corrDed,
        catDed);
    Correlation correlation = new Correlation(syms, corr, count == 0 ? Double.NaN : sum / count,
        pairs);
    return new RebalanceAnalysis(v, assets, conc, correlation, categoryAllocation(book), heat,
        health, recs, config.healthThreshold(), config.maxPositionWeight());
  }

  private Concentration concentration(AdvisorBook book, List<RebalanceRecommendation> recs) {
    List<String> syms = book.symbols();
    double[] w = book.weightsView();
    double v = book.value();
    double hhi = 0;
    List<Excess> over = new ArrayList<>();
    for (int i = 0; i < w.length; i++) {
      hhi += w[i] * w[i];
      if (w[i] > config.maxPositionWeight()) {
        double target = config.positionTargetWeight();
        over.add(new Excess(syms.get(i), w[i], w[i] - config.maxPositionWeight(),
            (w[i] - config.maxPositionWeight()) * v, (w[i] - target) * v));
        recs.add(sell(syms.get(i), Reason.CONCENTRATION_RISK, w[i], target, v, Priority.HIGH,
            CONFIDENCE_CONCENTRATION));
      }
    }
    Level level = hhi > config.hhiHigh() ? Level.HIGH
        : hhi >= config.hhiMedium() ? Level.MEDIUM : Level.LOW;
    Map<String, Double> cats = categoryWeights(book);
    List<Excess> overCats = new ArrayList<>();
    String[] c = book.categoriesView();
    for (Map.Entry<String, Double> e : cats.entrySet()) {
      double cw = e.getValue();
      if (cw > config.maxCategoryWeight()) {
        double target = config.categoryTargetWeight();
        overCats.add(new Excess(e.getKey(), cw, cw - config.maxCategoryWeight(),
            (cw - config.maxCategoryWeight()) * v, (cw - target) * v));
        for (int i = 0; i < w.length; i++) {
          if (c[i].equals(e.getKey()) && w[i] > 0) {
            recs.add(sell(syms.get(i), Reason.CATEGORY_CONCENTRATION, w[i], w[i] * target / cw, v,
                Priority.MEDIUM, CONFIDENCE_CATEGORY));
          }
        }
      }
    }
    return new Concentration(hhi, level, over, overCats);
  }

  private static Map<String, Double> categoryWeights(AdvisorBook book) {
    Map<String, Double> cats = new LinkedHashMap<>();
    double[] w = book.weightsView();
    String[] c = book.categoriesView();
    for (int i = 0; i < w.length; i++) {
      cats.merge(c[i], w[i], Double::sum);
    }
    return cats;
  }

  private static Map<String, Double> categoryAllocation(AdvisorBook book) {
    List<Map.Entry<String, Double>> es = new ArrayList<>(categoryWeights(book).entrySet());
    es.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    Map<String, Double> m = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : es) {
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private static RebalanceRecommendation sell(String symbol, Reason reason, double weight,
      double target, double value, Priority priority, double confidence) {
    double t = Math.min(weight, target); // rounding of w x f / f may land a hair above w
    return new RebalanceRecommendation(symbol, Action.SELL, reason, (weight - t) * value,
        priority, confidence, weight, t);
  }

  /**
   * The configuration in one line.
   */
  @Override
  public String toString() {
    return "RebalanceAdvisor: " + config;
  }
}
