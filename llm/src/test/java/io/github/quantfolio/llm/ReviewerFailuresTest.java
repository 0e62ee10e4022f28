package io.github.quantfolio.llm;

import static io.github.quantfolio.llm.FakeChat.answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.quantfolio.core.adapters.ReviewDecision;
import io.github.quantfolio.core.adapters.ReviewDecision.Verdict;
import io.github.quantfolio.llm.FakeChat.Script;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's failures: HTTP errors, retries and their waits, timeouts, connection failures,
 * interrupts. Each ends in a REJECT with confidence 0 whose rationale says what happened.
 */
class ReviewerFailuresTest {

  private static final String OK = answer("APPROVE", 1, "fine", 0.8);
  private static final String ERROR_500 = "{\"error\":{\"message\":\"The server had an error"
      + " while processing your request.\",\"type\":\"server_error\"}}";

  private FakeChat fake;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeChat();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private ReviewDecision review(ChatCompletionsReviewer r) {
    return r.review(Fixtures.proposal(), Fixtures.context());
  }

  private static void assertFailure(ReviewDecision d, String rationale) {
    assertEquals(Verdict.REJECT, d.verdict(), d.toString());
    assertEquals(0, d.confidence());
    assertEquals(rationale, d.rationale());
    assertEquals(List.of(), d.riskFlags());
  }

  @Test
  void serverErrorsAreRetriedWithDoublingWaitsThenRejected() {
    fake.script(Script.respond(500, ERROR_500), Script.respond(502, "Bad Gateway"),
        Script.respond(500, ERROR_500));
    ReviewDecision d = review(fake.reviewer(waits).build());
    assertFailure(d, "LLM reviewer: HTTP 500 after 3 attempts: The server had an error while"
        + " processing your request.");
    assertEquals("", d.rawAnswer());
    assertEquals(3, fake.count());
    // Initial back-off 100 ms, then 200 ms (doubling).
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
  }

  @Test
  void aServerErrorThenAnAnswerIsTheAnswer() {
    fake.script(Script.respond(503, ""), Script.respond(500, ERROR_500), Script.answer(OK));
    ReviewDecision d = review(fake.reviewer(waits).build());
    assertEquals(Verdict.APPROVE, d.verdict());
    assertEquals(3, fake.count());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
  }

  @Test
  void theBackOffIsCapped() {
    for (int i = 0; i < 6; i++) {
      fake.script(Script.respond(500, ERROR_500));
    }
    ChatCompletionsReviewer r = fake.reviewer(waits)
        .withRetries(5, Duration.ofMillis(10), Duration.ofMillis(30)).build();
    assertFailure(review(r), "LLM reviewer: HTTP 500 after 6 attempts: The server had an error"
        + " while processing your request.");
    // 10, 20, then 40 capped at 30, three times.
    assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(30),
        Duration.ofMillis(30), Duration.ofMillis(30)), waits);
  }

  @Test
  void zeroRetriesMeansOneAttempt() {
    fake.script(Script.respond(500, ERROR_500), Script.answer(OK));
    ChatCompletionsReviewer r = fake.reviewer(waits)
        .withRetries(0, Duration.ZERO, Duration.ZERO).build();
    assertFailure(review(r), "LLM reviewer: HTTP 500 after 1 attempt: The server had an error"
        + " while processing your request.");
    assertEquals(1, fake.count());
  }

  @Test
  void unauthorizedIsNotRetried() {
    fake.script(Script.respond(401, "{\"error\":{\"message\":\"Incorrect API key provided.\","
        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"), Script.answer(OK));
    assertFailure(review(fake.reviewer(waits).build()),
        "LLM reviewer: HTTP 401 (not retried): Incorrect API key provided.");
    assertEquals(1, fake.count());
    assertTrue(waits.isEmpty());
  }

  @Test
  void otherClientErrorsAreNotRetriedAndQuoteTheServer() {
    fake.script(Script.respond(400, "{\"error\":\"model 'nope' not found\"}"),
        Script.respond(404, "{\"object\":\"error\",\"message\":\"The model `x` does not exist.\"}"),
        Script.respond(422, "<html>unprocessable</html>"),
        Script.respond(403, ""));
    ChatCompletionsReviewer r = fake.reviewer(waits).build();
    assertFailure(review(r), "LLM reviewer: HTTP 400 (not retried): model 'nope' not found");
    assertFailure(review(r), "LLM reviewer: HTTP 404 (not retried): The model `x` does not"
        + " exist.");
    assertFailure(review(r), "LLM reviewer: HTTP 422 (not retried): <html>unprocessable</html>");
    assertFailure(review(r), "LLM reviewer: HTTP 403 (not retried): (empty body)");
    assertEquals(4, fake.count());
  }

  @Test
  void aRedirectIsNotFollowed() {
    fake.script(Script.respond(307, "",
        Map.of("Location", "http://127.0.0.1:1/v1/chat/completions")));
    assertFailure(review(fake.reviewer(waits).build()),
        "LLM reviewer: HTTP 307 (not retried): (empty body)");
    assertEquals(1, fake.count());
  }

  @Test
  void tooManyRequestsIsRetriedThenAnswered() {
    fake.script(Script.respond(429, "{\"error\":{\"message\":\"Rate limit reached\"}}"),
        Script.answer(OK));
    ReviewDecision d = review(fake.reviewer(waits).build());
    assertEquals(Verdict.APPROVE, d.verdict());
    assertEquals(2, fake.count());
    assertEquals(List.of(Duration.ofMillis(100)), waits);
  }

  @Test
  void retryAfterIsHonouredWithinTheLongestBackOff() {
    fake.script(Script.respond(429, "slow down", Map.of("Retry-After", "1")),
        Script.respond(429, "slow down", Map.of("Retry-After", "0")), Script.answer(OK));
    ChatCompletionsReviewer r = fake.reviewer(waits)
        .withRetries(2, Duration.ofMillis(100), Duration.ofSeconds(2)).build();
    assertEquals(Verdict.APPROVE, review(r).verdict());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ZERO), waits);
  }

  @Test
  void retryAfterBeyondTheLongestBackOffEndsTheReview() {
    fake.script(Script.respond(429, "{\"error\":{\"message\":\"quota\"}}",
        Map.of("Retry-After", "60")), Script.answer(OK));
    assertFailure(review(fake.reviewer(waits).build()), "LLM reviewer: HTTP 429 asks to retry"
        + " after 60 s, beyond the longest back-off of 1000 ms (after 1 attempt): quota");
    assertEquals(1, fake.count());
    assertTrue(waits.isEmpty());
  }

  @Test
  void anUnreadableRetryAfterFallsBackToTheBackOff() {
    fake.script(Script.respond(503, "busy", Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")),
        Script.answer(OK));
    assertEquals(Verdict.APPROVE, review(fake.reviewer(waits).build()).verdict());
    assertEquals(List.of(Duration.ofMillis(100)), waits);
  }

  @Test
  void aSlowServerTimesOutAndIsRejected() {
    fake.script(Script.slow(Duration.ofSeconds(3), OK));
    ChatCompletionsReviewer r = fake.reviewer(waits).withTimeout(Duration.ofMillis(300))
        .withRetries(0, Duration.ZERO, Duration.ZERO).build();
    long t0 = System.nanoTime();
    assertFailure(review(r), "LLM reviewer: no response within 300 ms after 1 attempt");
    // Not a timing test: only that the review did not wait for the slow answer.
    assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos());
  }

  @Test
  void aTimeoutIsRetriedAndTheRetryAnswers() {
    // 1 s is ample for the prompt answer on a loaded machine, and far below the 5 s stall.
    fake.script(Script.slow(Duration.ofSeconds(5), answer("REJECT", 0, "late", 0.5)),
        Script.answer(OK));
    ChatCompletionsReviewer r = fake.reviewer(waits).withTimeout(Duration.ofSeconds(1)).build();
    ReviewDecision d = review(r);
    assertEquals(Verdict.APPROVE, d.verdict());
    assertEquals("fine", d.rationale());
    assertEquals(2, fake.count());
    assertEquals(List.of(Duration.ofMillis(100)), waits);
  }

  @Test
  void aBodyThatNeverEndsTimesOutToo() {
    fake.script(Script.stalledBody(Duration.ofSeconds(3), OK),
        Script.stalledBody(Duration.ofSeconds(3), OK));
    ChatCompletionsReviewer r = fake.reviewer(waits).withTimeout(Duration.ofMillis(300))
        .withRetries(1, Duration.ZERO, Duration.ZERO).build();
    assertFailure(review(r), "LLM reviewer: no response within 300 ms after 2 attempts");
    assertEquals(2, fake.count());
  }

  @Test
  void aRefusedConnectionIsRetriedThenRejected() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ChatCompletionsReviewer r = ChatCompletionsReviewer
        .builder(URI.create("http://127.0.0.1:" + port + "/v1"), "m")
        .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(5)).withSleeper(waits::add)
        .build();
    ReviewDecision d = review(r);
    assertEquals(Verdict.REJECT, d.verdict());
    assertEquals(0, d.confidence());
    assertTrue(d.rationale().startsWith("LLM reviewer: connection failed: ConnectException"),
        d.rationale());
    assertTrue(d.rationale().endsWith(" after 3 attempts"), d.rationale());
    assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(5)), waits);
  }

  @Test
  void anInterruptedReviewIsRejectedAndKeepsTheFlag() {
    fake.script(Script.answer(OK));
    ChatCompletionsReviewer r = fake.reviewer(waits).build();
    Thread.currentThread().interrupt();
    ReviewDecision d = review(r);
    boolean flag = Thread.interrupted();
    assertTrue(flag);
    assertFailure(d, "LLM reviewer: interrupted during attempt 1");
  }

  @Test
  void anInterruptDuringTheBackOffIsRejectedAndKeepsTheFlag() {
    fake.script(Script.respond(500, ERROR_500), Script.answer(OK));
    ChatCompletionsReviewer r = fake.reviewer(waits).withSleeper(d -> {
      throw new InterruptedException();
    }).build();
    ReviewDecision d = review(r);
    boolean flag = Thread.interrupted();
    assertTrue(flag);
    assertFailure(d, "LLM reviewer: interrupted while waiting to retry after attempt 1");
    assertEquals(1, fake.count());
  }

  @Test
  void nullArgumentsThrowNamingTheArgument() {
    ChatCompletionsReviewer r = fake.reviewer(waits).build();
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> r.review(null, Fixtures.context()));
    assertEquals("Argument 'proposal' must not be null", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> r.review(Fixtures.proposal(), null));
    assertEquals("Argument 'context' must not be null", e.getMessage());
    assertEquals(0, fake.count());
  }
}
