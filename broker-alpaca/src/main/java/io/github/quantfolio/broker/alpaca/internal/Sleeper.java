package io.github.quantfolio.broker.alpaca.internal;

import java.time.Duration;

/** Waits between retries; tests substitute one that records the waits. */
@FunctionalInterface
public interface Sleeper {

  /** {@link Thread#sleep(long)} for real. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /**
   * Waits for {@code d}.
   *
   * @param d the wait, &gt;= 0
   * @throws InterruptedException if interrupted while waiting
   */
  void sleep(Duration d) throws InterruptedException;
}
