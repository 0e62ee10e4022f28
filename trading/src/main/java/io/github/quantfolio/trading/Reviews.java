package io.github.quantfolio.trading;

import io.github.quantfolio.core.adapters.ReviewContext;
import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.TradeProposal;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks the reviewer, turning its failures (exception, null, timeout) into rejections. */
final class Reviews {

  /** Runs reviews that have a timeout; daemon threads, so an abandoned review cannot keep the
   * JVM alive. */
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "quantfolio-reviewer");
    t.setDaemon(true);
    return t;
  });

  private Reviews() {
  }

  static ReviewDecision ask(PipelineConfig config, TradeProposal proposal,
      ReviewContext context) {
    Duration timeout = config.reviewTimeout();
    ReviewDecision d;
    try {
      if (timeout == null) {
        d = config.reviewer().review(proposal, context);
      } else {
        Future<ReviewDecision> f = POOL.submit(() -> config.reviewer().review(proposal, context));
        try {
          d = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          f.cancel(true);
          return ReviewDecision.reject("reviewer timed out after " + timeout.toMillis() + " ms",
              0);
        } catch (ExecutionException e) {
          return failed(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          f.cancel(true);
          return ReviewDecision.reject("interrupted while waiting for the reviewer", 0);
        }
      }
    } catch (RuntimeException e) {
      return failed(e);
    }
    return d != null ? d : ReviewDecision.reject("the reviewer returned null", 0);
  }

  private static ReviewDecision failed(Throwable e) {
    return ReviewDecision.reject("reviewer failed: " + e, 0);
  }
}
