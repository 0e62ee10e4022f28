package io.github.quantfolio.backtest;

import java.util.Objects;

/**
 * Entry and exit conditions of one asset, one flag per bar, evaluated at the bar's close.
 *
 * <p>State machine per asset (decisions at bar {@code t}, fills as per {@link FillTiming}):
 * <ul>
 *   <li>flat: a long entry (without a long exit on the same bar) opens a long position; a short
 *       entry (without a short exit) opens a short one; both at once are ignored as contradictory;
 *   <li>long: a long exit closes; a short entry closes and reverses to short; further long entries
 *       are ignored (no pyramiding);
 *   <li>short: mirrored.
 * </ul>
 * The arrays are not copied; do not change them while a backtest runs.
 *
 * @param longEntry long entry flags (length T)
 * @param longExit long exit flags (length T)
 * @param shortEntry short entry flags (length T)
 * @param shortExit short exit flags (length T)
 * @since 0.1.0
 */
public record TradeSignals(boolean[] longEntry, boolean[] longExit, boolean[] shortEntry,
    boolean[] shortExit) {

  /**
   * Validates that all four arrays exist and have one length.
   *
   * @param longEntry long entry flags (length T)
   * @param longExit long exit flags (length T)
   * @param shortEntry short entry flags (length T)
   * @param shortExit short exit flags (length T)
   */
  public TradeSignals {
    Objects.requireNonNull(longEntry, "Argument 'longEntry' must not be null");
    Objects.requireNonNull(longExit, "Argument 'longExit' must not be null");
    Objects.requireNonNull(shortEntry, "Argument 'shortEntry' must not be null");
    Objects.requireNonNull(shortExit, "Argument 'shortExit' must not be null");
    int n = longEntry.length;
    if (longExit.length != n || shortEntry.length != n || shortExit.length != n) {
      throw new IllegalArgumentException("Expected signal arrays of equal length, but found "
          + "longEntry " + n + ", longExit " + longExit.length + ", shortEntry "
          + shortEntry.length + ", shortExit " + shortExit.length);
    }
  }

  /**
   * Long-only signals.
   *
   * @param entry long entry flags, one per bar (not copied)
   * @param exit long exit flags, same length (not copied)
   * @return signals without short entries or exits
   */
  public static TradeSignals longOnly(boolean[] entry, boolean[] exit) {
    Objects.requireNonNull(entry, "Argument 'entry' must not be null");
    return new TradeSignals(entry, exit, new boolean[entry.length], new boolean[entry.length]);
  }

  /**
   * Short-only signals.
   *
   * @param entry short entry flags, one per bar (not copied)
   * @param exit short exit flags, same length (not copied)
   * @return signals without long entries or exits
   */
  public static TradeSignals shortOnly(boolean[] entry, boolean[] exit) {
    Objects.requireNonNull(entry, "Argument 'entry' must not be null");
    return new TradeSignals(new boolean[entry.length], new boolean[entry.length], entry, exit);
  }

  /**
   * The number of bars.
   *
   * @return the number of bars
   */
  public int length() {
    return longEntry.length;
  }

  /**
   * True if any short entry is set.
   *
   * @return true if any short entry is set
   */
  public boolean hasShortEntries() {
    for (boolean b : shortEntry) {
      if (b) {
        return true;
      }
    }
    return false;
  }
}
