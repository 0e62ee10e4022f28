package io.github.quantfolio.trading;

import io.github.quantfolio.core.TimeIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Finds the as-of bar of a {@link TimeIndex} for {@link FeatureBuilder} and {@link TrainingSet},
 * with messages that name the series ({@code what}, e.g. {@code "bars of 'A01'"}), the value
 * looked for and the range the index covers.
 */
final class AsOf {

  static final long MILLIS_PER_DAY = 86_400_000L;
  private static final Instant MIN_MILLIS = Instant.ofEpochMilli(Long.MIN_VALUE);
  private static final Instant MAX_MILLIS = Instant.ofEpochMilli(Long.MAX_VALUE);

  private AsOf() {
  }

  /** Requires {@code 0 <= i < index.size()}. */
  static int checkPosition(TimeIndex index, int i, String what) {
    if (i < 0 || i >= index.size()) {
      throw new IllegalArgumentException("FeatureBuilder: as-of index " + i + " is outside the "
          + what + " (" + index.size() + " bars, positions 0.." + (index.size() - 1) + ", "
          + index.first() + " .. " + index.last() + ")");
    }
    return i;
  }

  /**
   * The position whose {@link TimeIndex#instant(int)} equals {@code asOf}: on a date index the
   * start of a UTC day.
   */
  static int position(TimeIndex index, Instant asOf, String what) {
    Objects.requireNonNull(asOf, "FeatureBuilder: asOf must not be null");
    int i = -1;
    if (asOf.getNano() % 1_000_000 == 0 && inMillisRange(asOf)) {
      long ms = asOf.toEpochMilli();
      if (index.kind() == TimeIndex.Kind.INSTANT) {
        i = index.indexOf(asOf);
      } else if (Math.floorMod(ms, MILLIS_PER_DAY) == 0) {
        i = index.indexOf(LocalDate.ofEpochDay(Math.floorDiv(ms, MILLIS_PER_DAY)));
      }
    }
    if (i < 0) {
      String hint = index.kind() == TimeIndex.Kind.DATE
          ? "; these bars are dated and a date's instant is the start of its UTC day (e.g. "
              + index.instant(0) + " for " + index.first() + ")"
          : "";
      throw new IllegalArgumentException("FeatureBuilder: as-of " + asOf + " is not a bar of the "
          + what + " (" + index.size() + " bars, " + index.first() + " .. " + index.last() + ")"
          + hint);
    }
    return i;
  }

  private static boolean inMillisRange(Instant x) {
    return !x.isBefore(MIN_MILLIS) && !x.isAfter(MAX_MILLIS);
  }

  /** The bar of {@code date} on a date index; the last bar of that UTC date on an instant index. */
  static int position(TimeIndex index, LocalDate date, String what) {
    Objects.requireNonNull(date, "FeatureBuilder: date must not be null");
    int i;
    if (index.kind() == TimeIndex.Kind.DATE) {
      i = index.indexOf(date);
    } else {
      long endOfDay;
      try {
        endOfDay = Math.addExact(Math.multiplyExact(date.toEpochDay(), MILLIS_PER_DAY),
            MILLIS_PER_DAY - 1);
      } catch (ArithmeticException beyondMillis) {
        endOfDay = date.getYear() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
      }
      i = index.floorEnd(endOfDay) - 1;
      if (i >= 0 && !index.date(i).equals(date)) {
        i = -1;
      }
    }
    if (i < 0) {
      throw new IllegalArgumentException("FeatureBuilder: as-of date " + date + " is not a bar of"
          + " the " + what + " (" + index.size() + " bars, " + index.first() + " .. "
          + index.last() + ")");
    }
    return i;
  }

  /** The number of bars at or before {@code x}, i.e. the position of the first bar after it. */
  static int endPosition(TimeIndex index, Instant x) {
    long ms;
    try {
      ms = x.toEpochMilli();
    } catch (ArithmeticException beyondMillis) { // e.g. Instant.MAX: before or after every bar
      return x.isAfter(Instant.EPOCH) ? index.size() : 0;
    }
    return index.kind() == TimeIndex.Kind.DATE
        ? index.floorEnd(Math.floorDiv(ms, MILLIS_PER_DAY))
        : index.floorEnd(ms);
  }
}
