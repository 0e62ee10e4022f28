package io.github.quantfolio.core.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The timestamp formats accepted in CSV files. A file's format is detected from its first data
 * row and then required of every row, so that a file never mixes dates and instants.
 *
 * <ul>
 *   <li>{@link #ISO_DATE}: {@code 2018-04-11} (a date index).
 *   <li>{@link #ISO_DATE_TIME}: {@code 2018-04-11T14:30:00Z}, {@code 2018-04-11T10:30:00-04:00},
 *       or without an offset ({@code 2018-04-11 14:30} or with {@code T}), which is read as UTC
 *       (an instant index).
 *   <li>{@link #EPOCH_SECONDS} / {@link #EPOCH_MILLIS}: an integer; values with absolute value
 *       below 10^11 are seconds (10^11 s is the year 5138), larger ones milliseconds (10^11 ms
 *       is 1973-03-03) (an instant index).
 * </ul>
 */
public enum TimestampFormat {
  /** {@code yyyy-MM-dd}. */
  ISO_DATE,
  /** ISO-8601 date-time, with or without offset (no offset = UTC). */
  ISO_DATE_TIME,
  /** Integer seconds since 1970-01-01T00:00Z. */
  EPOCH_SECONDS,
  /** Integer milliseconds since 1970-01-01T00:00Z. */
  EPOCH_MILLIS;

  private static final long SECONDS_LIMIT = 100_000_000_000L;

  /** Whether this format yields dates (true) or instants (false). */
  public boolean isDate() {
    return this == ISO_DATE;
  }

  /** Detects the format of {@code text}, or returns null if it matches none. */
  public static TimestampFormat detect(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    if (isInteger(t)) {
      try {
        long v = Long.parseLong(t);
        return Math.abs(v) < SECONDS_LIMIT ? EPOCH_SECONDS : EPOCH_MILLIS;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (t.length() == 10) {
      try {
        parseIsoDate(t);
        return ISO_DATE;
      } catch (RuntimeException e) {
        return null;
      }
    }
    try {
      parseDateTime(t);
      return ISO_DATE_TIME;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Parses {@code text} in this format to a raw index value (epoch day for dates, epoch millis
   * for instants).
   *
   * @throws IllegalArgumentException with a short reason if the text does not match
   */
  public long parse(String text) {
    switch (this) {
      case ISO_DATE:
        return parseIsoDate(text);
      case ISO_DATE_TIME:
        return parseDateTime(text.trim());
      case EPOCH_SECONDS:
      case EPOCH_MILLIS: {
        String t = text.trim();
        if (!isInteger(t)) {
          throw new IllegalArgumentException("expected an integer epoch timestamp");
        }
        long v;
        try {
          v = Long.parseLong(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("integer out of range");
        }
        TimestampFormat actual = Math.abs(v) < SECONDS_LIMIT ? EPOCH_SECONDS : EPOCH_MILLIS;
        if (actual != this) {
          throw new IllegalArgumentException("expected epoch " + (this == EPOCH_SECONDS
              ? "seconds (below 10^11)" : "milliseconds (10^11 or more)") + " like the first row");
        }
        return this == EPOCH_SECONDS ? Math.multiplyExact(v, 1000L) : v;
      }
      default:
        throw new AssertionError(this);
    }
  }

  /** Describes the expected shape for messages. */
  public String example() {
    switch (this) {
      case ISO_DATE:
        return "an ISO date like 2018-04-11";
      case ISO_DATE_TIME:
        return "an ISO date-time like 2018-04-11T14:30:00Z";
      case EPOCH_SECONDS:
        return "epoch seconds like 1523457000";
      default:
        return "epoch milliseconds like 1523457000000";
    }
  }

  private static boolean isInteger(String t) {
    int i = t.charAt(0) == '-' ? 1 : 0;
    if (i == t.length()) {
      return false;
    }
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Parses {@code yyyy-MM-dd} without the formatter machinery (hot path of CSV reading). */
  static long parseIsoDate(String t) {
    if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      if (t.trim().length() != t.length()) {
        return parseIsoDate(t.trim());
      }
      throw new IllegalArgumentException("expected an ISO date like 2018-04-11");
    }
    int y = digits(t, 0, 4);
    int m = digits(t, 5, 7);
    int d = digits(t, 8, 10);
    try {
      return LocalDate.of(y, m, d).toEpochDay();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid date: " + e.getMessage());
    }
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("expected an ISO date like 2018-04-11");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static long parseDateTime(String t) {
    String s = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    if (s.length() < 11 || s.charAt(10) != 'T') {
      throw new IllegalArgumentException("expected an ISO date-time like 2018-04-11T14:30:00Z");
    }
    try {
      char last = s.charAt(s.length() - 1);
      if (last == 'Z' || last == 'z') {
        // OffsetDateTime accepts minutes-only times (14:30Z), which Instant.parse does not.
        return OffsetDateTime.parse(s.substring(0, s.length() - 1) + "+00:00").toInstant()
            .toEpochMilli();
      }
      int tail = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
      if (tail > 10) {
        return OffsetDateTime.parse(s).toInstant().toEpochMilli();
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid date-time: " + e.getMessage());
    }
  }
}
