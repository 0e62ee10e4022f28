package io.github.quantfolio.backtest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs jobs {@code 0 .. jobs - 1} on up to {@code threads} threads (the caller's included), each
 * job exactly once. Jobs must write only their own slot of a result array, so that results do not
 * depend on the thread count or the scheduling. The first exception stops the remaining jobs and
 * is rethrown.
 */
public final class Parallel {

  private Parallel() {
  }

  /** Runs {@code job} for every index; returns when all have finished. */
  public static void forEach(int jobs, int threads, String name, IntConsumer job) {
    AtomicInteger next = new AtomicInteger();
    // Throwable, not RuntimeException: an Error in a worker thread would otherwise vanish into
    // its uncaught-exception handler and leave its result slot silently empty.
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      int k;
      while (failure.get() == null && (k = next.getAndIncrement()) < jobs) {
        try {
          job.accept(k);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    int n = Math.min(threads, jobs);
    List<Thread> pool = new ArrayList<>(Math.max(0, n - 1));
    for (int i = 1; i < n; i++) {
      Thread t = new Thread(worker, name + "-" + i);
      t.setDaemon(true);
      t.start();
      pool.add(t);
    }
    worker.run();
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name + " workers", e);
      }
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
    if (f != null) {
      throw new IllegalStateException(name + " job failed", f); // a sneaky checked exception
    }
  }
}
