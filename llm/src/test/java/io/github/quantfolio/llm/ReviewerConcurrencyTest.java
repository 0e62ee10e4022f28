package io.github.quantfolio.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.ReviewDecision.Verdict;
import io.github.quantfolio.core.adapters.Side;
import io.github.quantfolio.core.adapters.TradeProposal;
import io.github.quantfolio.llm.FakeChat.Script;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One reviewer shared by 8 threads: each decision answers its own proposal. The fake answers by
 * the symbol it reads in the prompt (so a crossed request or answer shows as a wrong decision),
 * and fails the first request of every seventh symbol with a 500, so that retries interleave
 * too. (Failing every seventh request by arrival was flaky: under load one review's retries could
 * all arrive seventh.)
 */
class ReviewerConcurrencyTest {

  private static final Pattern SYMBOL = Pattern.compile("symbol: S(\\d+)\\\\n");

  @Test
  void concurrentReviewsEachGetTheirOwnAnswer() throws Exception {
    List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());
    try (FakeChat fake = new FakeChat()) {
      java.util.concurrent.ConcurrentHashMap<Integer, Integer> attempts =
          new java.util.concurrent.ConcurrentHashMap<>();
      fake.responder(req -> {
        Matcher m = SYMBOL.matcher(req.body());
        if (!m.find()) {
          return Script.respond(400, "no symbol");
        }
        int i = Integer.parseInt(m.group(1));
        if (attempts.merge(i, 1, Integer::sum) == 1 && i % 7 == 0) {
          return Script.respond(500, "flaky");
        }
        return Script.answer(answerFor(i));
      });
      ChatCompletionsReviewer r = fake.reviewer(waits)
          .withRetries(3, Duration.ZERO, Duration.ZERO).build();
      int n = 200;
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<ReviewDecision>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          TradeProposal p = proposal(i);
          futures.add(pool.submit((Callable<ReviewDecision>) () ->
              r.review(p, Fixtures.context())));
        }
        for (int i = 0; i < n; i++) {
          ReviewDecision d = futures.get(i).get();
          assertEquals("S" + i, d.rationale());
          switch (i % 3) {
            case 0 -> assertEquals(Verdict.APPROVE, d.verdict());
            case 1 -> assertEquals(Verdict.REJECT, d.verdict());
            default -> {
              assertEquals(Verdict.RESIZE, d.verdict());
              // multiplier x quantity, the product rounded once (BigDecimal is exact).
              double expected = new BigDecimal(multiplier(i))
                  .multiply(new BigDecimal(proposal(i).quantity())).doubleValue();
              assertEquals(expected, d.resizedQuantity(), "S" + i);
            }
          }
        }
      } finally {
        pool.shutdownNow();
      }
      // Every seventh symbol's first request failed and was retried: n answers plus the 500s.
      assertEquals(n + (n + 6) / 7, fake.count());
    }
  }

  private static TradeProposal proposal(int i) {
    return new TradeProposal("S" + i, Side.BUY, 10 + i, 50, "");
  }

  private static double multiplier(int i) {
    return 1.0 / (2 + i % 5);
  }

  private static String answerFor(int i) {
    return switch (i % 3) {
      case 0 -> FakeChat.answer("APPROVE", 1, "S" + i, 0.5);
      case 1 -> FakeChat.answer("REJECT", 0, "S" + i, 0.5);
      default -> FakeChat.answer("RESIZE", multiplier(i), "S" + i, 0.5);
    };
  }
}
