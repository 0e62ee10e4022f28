package io.github.quantfolio.risk;

import io.github.quantfolio.core.TimeIndex;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.core.internal.TextTable;
import io.github.quantfolio.risk.internal.Moments;
import io.github.quantfolio.risk.internal.ReturnChecks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The drawdowns of a return series: the underwater curve and every episode from a peak through
 * its valley to the recovery, deepest first. Wealth starts at 1 before the first return (that
 * start counts as a peak, as in {@link Metrics#maxDrawdown}); NaN returns count as no change.
 *
 * @since 0.1.0
 */
public final class Drawdowns {

  /**
   * One drawdown episode. Positions index the return series; {@code peak = -1} means the
   * starting wealth, before the first return.
   *
   * @param peak position of the last period at the high-water mark before the fall (-1 = start)
   * @param valley position of the lowest wealth
   * @param recovery position where wealth first regains the peak, or -1 if it never does
   * @param peakDate timestamp of {@code peak} (null for the start or without an index)
   * @param valleyDate timestamp of {@code valley} (null without an index)
   * @param recoveryDate timestamp of {@code recovery} (null if not recovered or no index)
   * @param depth the fall at the valley as a negative fraction (-0.25 = 25% below the peak)
   * @param length periods from peak to recovery, or to the last period if not recovered
   * @param recoveryTime periods from valley to recovery, or -1 if not recovered
   */
  public record Episode(int peak, int valley, int recovery, String peakDate, String valleyDate,
      String recoveryDate, double depth, int length, int recoveryTime) {

    /**
     * Whether wealth regained the peak.
     *
     * @return whether wealth regained the peak
     */
    public boolean recovered() {
      return recovery >= 0;
    }
  }

  private final double[] underwater;
  private final List<Episode> episodes;

  private Drawdowns(double[] underwater, List<Episode> episodes) {
    this.underwater = underwater;
    this.episodes = episodes;
  }

  /**
   * Drawdowns of per-period simple returns, without timestamps.
   *
   * @param returns per-period simple returns (NaN = no change), at least one valid
   * @return the drawdowns, without dates
   * @throws IllegalArgumentException if {@code returns} is empty or all NaN, or holds an infinity
   *     or a return below -1 (named by position)
   */
  public static Drawdowns of(double[] returns) {
    return build(ReturnChecks.simple(returns, "returns"), null);
  }

  /**
   * Drawdowns of per-period simple returns labelled by {@code index} (one timestamp per return).
   *
   * @param returns per-period simple returns (NaN = no change), at least one valid
   * @param index the timestamp of each return, same length as {@code returns}, not null
   * @return the drawdowns, with the dates of peaks, valleys and recoveries
   * @throws IllegalArgumentException if the lengths differ, if {@code returns} is empty or all
   *     NaN, or holds an infinity or a return below -1 (named by date)
   */
  public static Drawdowns of(double[] returns, TimeIndex index) {
    Checks.notNull(index, "index");
    if (index.size() != Checks.notNull(returns, "returns").length) {
      throw new IllegalArgumentException("Expected one timestamp per return (" + returns.length
          + "), but the index has " + index.size());
    }
    return build(ReturnChecks.simple(returns, "returns", index), index);
  }

  private static Drawdowns build(double[] returns, TimeIndex index) {
    if (Moments.countValid(returns) == 0) {
      throw new IllegalArgumentException("Drawdowns need at least one return, but 'returns' "
          + (returns.length == 0 ? "is empty" : "holds only NaN (" + returns.length + " values)"));
    }
    double[] dd = Metrics.drawdownSeries(returns);
    List<Episode> out = new ArrayList<>();
    int n = dd.length;
    int peak = -1;
    int t = 0;
    while (t < n) {
      if (dd[t] == 0) {
        peak = t;
        t++;
        continue;
      }
      int valley = t;
      while (t < n && dd[t] < 0) {
        if (dd[t] < dd[valley]) {
          valley = t;
        }
        t++;
      }
      int recovery = t < n ? t : -1;
      out.add(new Episode(peak, valley, recovery, label(index, peak), label(index, valley),
          label(index, recovery), dd[valley], (recovery >= 0 ? recovery : n - 1) - peak,
          recovery >= 0 ? recovery - valley : -1));
    }
    out.sort(Comparator.comparingDouble(Episode::depth).thenComparingInt(Episode::peak));
    return new Drawdowns(dd, List.copyOf(out));
  }

  private static String label(TimeIndex index, int position) {
    return index == null || position < 0 ? null : index.label(position);
  }

  /**
   * A copy of the underwater curve: {@code W_t / max(1, W_1..W_t) - 1}, values in [-1, 0] (-1
   * after a total loss).
   *
   * @return the underwater curve, one value per return, in [-1, 0]
   */
  public double[] underwater() {
    return underwater.clone();
  }

  /**
   * Every episode, deepest first (ties: earlier first). Empty if wealth never falls.
   *
   * @return every episode, deepest first (empty if wealth never falls); unmodifiable
   */
  public List<Episode> episodes() {
    return episodes;
  }

  /**
   * The {@code n} deepest episodes (fewer if there are fewer).
   *
   * @param n the number of episodes wanted, &gt;= 1
   * @return the {@code n} deepest episodes, deepest first
   */
  public List<Episode> top(int n) {
    Checks.positive(n, "n");
    return episodes.subList(0, Math.min(n, episodes.size()));
  }

  /**
   * The deepest fall as a negative fraction, 0 if none.
   *
   * @return the deepest fall as a negative fraction (-0.25 = 25 %), 0 if wealth never falls
   */
  public double maxDrawdown() {
    return episodes.isEmpty() ? 0.0 : episodes.get(0).depth();
  }

  /**
   * The five deepest episodes as a table: dates (or positions), depth in percent below the peak,
   * length and recovery time in periods ("-" while not recovered).
   */
  @Override
  public String toString() {
    TextTable t = new TextTable("#", "peak", "valley", "recovery", "depth %", "length (periods)",
        "recovery (periods)");
    int k = 1;
    for (Episode e : top(5)) {
      t.row(Integer.toString(k++), e.peakDate() != null ? e.peakDate()
              : e.peak() < 0 ? "start" : Integer.toString(e.peak()),
          e.valleyDate() != null ? e.valleyDate() : Integer.toString(e.valley()),
          !e.recovered() ? "-" : e.recoveryDate() != null ? e.recoveryDate()
              : Integer.toString(e.recovery()),
          TextTable.num(100 * e.depth(), 2), Integer.toString(e.length()),
          e.recovered() ? Integer.toString(e.recoveryTime()) : "-");
    }
    return "Drawdowns: " + episodes.size() + " episodes, max " + TextTable.num(100 * maxDrawdown(), 2)
        + "%" + (episodes.size() > 5 ? ", the 5 deepest:" : "") + "\n" + t.render();
  }
}
