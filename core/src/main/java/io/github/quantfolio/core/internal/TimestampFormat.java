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

  /**
   * Detects the format of {@code text} from its shape, or returns null if it has none of them. A
   * text of the right shape holding an impossible value (2018-04-31) is detected, so that
   * {@link #parse} can say what is wrong with it.
   */
  public static TimestampFormat detect(String text) {
    String t = text.trim();
    for (TimestampFormat f : values()) {
      if (f.matches(t)) {
        return f;
      }
    }
    return null;
  }

  /**
   * Whether {@code text} (surrounding blanks allowed) has this format's shape: digits and
   * separators in place, for epoch values an integer in this format's range. {@link #parse} may
   * still reject its value (a 31st of April, an hour 25).
   */
  public boolean matches(String text) {
    String t = text.trim();
    switch (this) {
      case ISO_DATE:
        return isDateShape(t) && t.length() == 10;
      case ISO_DATE_TIME:
        return t.length() > 11 && isDateShape(t.substring(0, 10))
            && (t.charAt(10) == 'T' || t.charAt(10) == 't' || t.charAt(10) == ' ');
      default:
        if (t.isEmpty() || !isInteger(t)) {
          return false;
        }
        try {
          boolean seconds = Math.abs(Long.parseLong(t)) < SECONDS_LIMIT;
          return seconds == (this == EPOCH_SECONDS);
        } catch (NumberFormatException e) {
          return this == EPOCH_MILLIS; // beyond the long range: parse says so
        }
    }
  }

  private static boolean isDateShape(String t) {
    if (t.length() < 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = t.charAt(i);
      boolean ok = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code text}, which {@link #matches} this format, to a raw index value (epoch day for
   * dates, epoch millis for instants).
   *
   * @throws IllegalArgumentException with the reason if the text does not hold a valid timestamp
   *     of this format (e.g. {@code "invalid date: Invalid date 'APRIL 31'"})
   */
  public long parse(String text) {
    String t = text.trim();
    if (!matches(t)) {
      throw new IllegalArgumentException("not " + example());
    }
    switch (this) {
      case ISO_DATE:
        return parseIsoDate(t);
      case ISO_DATE_TIME:
        return parseDateTime(t);
      default:
        long v;
        try {
          v = Long.parseLong(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("integer out of range");
        }
        return this == EPOCH_SECONDS ? Math.multiplyExact(v, 1000L) : v;
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

  /** Parses {@code yyyy-MM-dd} (shape already checked) without the formatter machinery. */
  static long parseIsoDate(String t) {
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
      v = v * 10 + (t.charAt(i) - '0');
    }
    return v;
  }

  private static long parseDateTime(String t) {
    String s = t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
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
      // The parser's own message quotes the rewritten text; its cause says what is wrong.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException("invalid date-time: " + cause.getMessage());
    }
  }
}
