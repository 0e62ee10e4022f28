package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that a replay moves forward by hand, so that brokers, accounts and audit entries see
 * the simulated time instead of the wall clock. Time never goes back. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ReplayClock extends Clock {

  private volatile Instant now;

  private ReplayClock(Instant start) {
    this.now = start;
  }

  /**
   * A clock showing {@code start}.
   *
   * @param start the first time
   * @return the clock
   */
  public static ReplayClock startingAt(Instant start) {
    return new ReplayClock(Checks.notNull(start, "start"));
  }

  /**
   * Moves the clock to {@code time}.
   *
   * @param time not before the current time
   * @throws IllegalArgumentException if {@code time} is before the current time
   */
  public synchronized void advanceTo(Instant time) {
    Checks.notNull(time, "time");
    if (time.isBefore(now)) {
      throw new IllegalArgumentException("A replay clock cannot go back from " + now + " to "
          + time);
    }
    now = time;
  }

  /**
   * The current replay time.
   *
   * @return the instant the clock shows
   */
  @Override
  public Instant instant() {
    return now;
  }

  /**
   * Always UTC.
   *
   * @return {@link ZoneOffset#UTC}
   */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * This clock (its zone is fixed to UTC; instants do not depend on zones).
   *
   * @param zone ignored
   * @return this clock
   */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  /** For example {@code ReplayClock[2024-05-01T00:00:00Z]}. */
  @Override
  public String toString() {
    return "ReplayClock[" + now + "]";
  }
}
