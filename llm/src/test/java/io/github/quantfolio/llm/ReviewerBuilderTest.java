package io.github.quantfolio.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Settings out of range are refused when the reviewer is built, with the value named. */
class ReviewerBuilderTest {

  private static final URI LOCAL = URI.create("http://127.0.0.1:8080/v1");

  private static void refused(String message, Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  private static void nullRefused(String message, Executable e) {
    assertEquals(message, assertThrows(NullPointerException.class, e).getMessage());
  }

  private static ChatCompletionsReviewer.Builder local() {
    return ChatCompletionsReviewer.builder(LOCAL, "m");
  }

  @Test
  void baseUrls() {
    nullRefused("Argument 'baseUrl' must not be null",
        () -> ChatCompletionsReviewer.builder(null, "m"));
    refused("Expected baseUrl http(s)://host[:port][/path] (e.g. https://api.openai.com/v1), but"
        + " found ftp://example.com/v1",
        () -> ChatCompletionsReviewer.builder(URI.create("ftp://example.com/v1"), "m"));
    refused("Expected baseUrl http(s)://host[:port][/path] (e.g. https://api.openai.com/v1), but"
        + " found api.openai.com/v1",
        () -> ChatCompletionsReviewer.builder(URI.create("api.openai.com/v1"), "m"));
    refused("Argument 'baseUrl' must not hold user info; pass a key with withApiKey",
        () -> ChatCompletionsReviewer.builder(URI.create("https://u:p@example.com/v1"), "m"));
    refused("Argument 'baseUrl' must not hold a query or a fragment",
        () -> ChatCompletionsReviewer.builder(URI.create("https://example.com/v1?x=1"), "m"));
    assertEquals(URI.create("https://example.com/v1"), ChatCompletionsReviewer
        .builder(URI.create("https://example.com/v1//"), "m").build().baseUrl());
    // Plain http to another host is fine without a key (a LAN Ollama), refused with one.
    ChatCompletionsReviewer.builder(URI.create("http://gpu-box:11434/v1"), "m").build();
    refused("An API key is sent only over https or to the loopback interface, but baseUrl is"
        + " http://gpu-box:8000/v1; use https, or no key",
        () -> ChatCompletionsReviewer.builder(URI.create("http://gpu-box:8000/v1"), "m")
            .withApiKey("k").build());
    ChatCompletionsReviewer.builder(URI.create("http://localhost:8000/v1"), "m").withApiKey("k")
        .build();
    ChatCompletionsReviewer.builder(URI.create("http://[::1]:8000/v1"), "m").withApiKey("k")
        .build();
  }

  @Test
  void models() {
    nullRefused("Argument 'model' must not be null",
        () -> ChatCompletionsReviewer.builder(LOCAL, null));
    String expected = "Expected a model name without control characters or surrounding spaces,"
        + " not blank (e.g. gpt-4o-mini), but found ";
    refused(expected + "\" \"", () -> ChatCompletionsReviewer.builder(LOCAL, " "));
    refused(expected + "\" llama3\"", () -> ChatCompletionsReviewer.builder(LOCAL, " llama3"));
    refused(expected + "\"a?b\"", () -> ChatCompletionsReviewer.builder(LOCAL, "a\nb"));
    assertEquals("Qwen/Qwen2.5-7B-Instruct", ChatCompletionsReviewer
        .builder(LOCAL, "Qwen/Qwen2.5-7B-Instruct").build().model());
  }

  @Test
  void apiKeys() {
    nullRefused("Argument 'apiKey' must not be null", () -> local().withApiKey(null));
    refused("Argument 'apiKey' must not be empty", () -> local().withApiKey(""));
    refused("Argument 'apiKey' holds a character that cannot be sent in an HTTP header (space,"
        + " control or non-ASCII) at position 6", () -> local().withApiKey("Bearer sk-1"));
    refused("Argument 'apiKey' holds a character that cannot be sent in an HTTP header (space,"
        + " control or non-ASCII) at position 4", () -> local().withApiKey("sk-1\u00e9"));
  }

  @Test
  void timeoutsAndRetries() {
    nullRefused("Argument 'timeout' must not be null", () -> local().withTimeout(null));
    refused("Expected timeout > 0, but found PT0S", () -> local().withTimeout(Duration.ZERO));
    refused("Expected timeout > 0, but found PT-1S",
        () -> local().withTimeout(Duration.ofSeconds(-1)));
    refused("Expected 0 <= maxRetries <= 10, but found -1",
        () -> local().withRetries(-1, Duration.ZERO, Duration.ZERO));
    refused("Expected 0 <= maxRetries <= 10, but found 11",
        () -> local().withRetries(11, Duration.ZERO, Duration.ZERO));
    refused("Expected 0 <= initialBackoff <= maxBackoff, but found PT-0.001S and PT1S",
        () -> local().withRetries(1, Duration.ofMillis(-1), Duration.ofSeconds(1)));
    refused("Expected 0 <= initialBackoff <= maxBackoff, but found PT2S and PT1S",
        () -> local().withRetries(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    nullRefused("Argument 'initialBackoff' must not be null",
        () -> local().withRetries(1, null, Duration.ZERO));
    nullRefused("Argument 'maxBackoff' must not be null",
        () -> local().withRetries(1, Duration.ZERO, null));
  }

  @Test
  void promptsClientsAndSleepers() {
    nullRefused("Argument 'systemPrompt' must not be null", () -> local().withSystemPrompt(null));
    refused("Argument 'systemPrompt' must not be blank", () -> local().withSystemPrompt(" \n"));
    nullRefused("Argument 'client' must not be null", () -> local().withHttpClient(null));
    nullRefused("Argument 'sleeper' must not be null", () -> local().withSleeper(null));
  }
}
