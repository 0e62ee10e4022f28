package io.github.quantfolio.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.quantfolio.llm.ChatCompletionsReviewer.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one request body to the chat-completions endpoint and retries what is worth retrying:
 * HTTP 429 and 5xx, timeouts and connection failures. Retry {@code k} (1-based) waits
 * {@code initialBackoff x 2^(k-1)}, at most {@code maxBackoff} (no jitter: waits are
 * reproducible), or what a {@code Retry-After: <seconds>} header asks; a {@code Retry-After}
 * beyond {@code maxBackoff} ends the call at once rather than retrying early. Other statuses
 * (4xx, 3xx: redirects are not followed) end the call at once.
 *
 * <p>Each attempt is bounded as a whole by the timeout (connection, headers and body), not only
 * until the headers arrive. Every failure is a {@link ReviewFailure} whose message quotes the
 * server only after redaction; the JDK's exceptions are never chained. Thread-safe.
 */
public final class ChatHttp {

  private final HttpClient client;
  private final URI endpoint;
  private final String apiKey;
  private final Duration timeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;
  private final Redactor redactor;

  /**
   * A transport.
   *
   * @param client the HTTP client
   * @param endpoint {@code {base}/chat/completions}
   * @param apiKey sent as {@code Authorization: Bearer}, or null for none
   * @param timeout the bound on each attempt, &gt; 0
   * @param maxRetries retries after the first attempt, &gt;= 0
   * @param initialBackoff the first wait, &gt;= 0
   * @param maxBackoff the longest wait, &gt;= initialBackoff
   * @param sleeper waits between attempts
   * @param redactor removes the key from quoted server text
   */
  public ChatHttp(HttpClient client, URI endpoint, String apiKey, Duration timeout,
      int maxRetries, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper,
      Redactor redactor) {
    this.client = client;
    this.endpoint = endpoint;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.sleeper = sleeper;
    this.redactor = redactor;
  }

  /**
   * Posts {@code json} until a 2xx response arrives, a failure is not worth retrying, or the
   * attempts run out.
   *
   * @param json the request body
   * @return the body of the 2xx response
   * @throws ReviewFailure naming the status or failure, and the number of attempts
   */
  public String post(String json) throws ReviewFailure {
    HttpRequest request = request(json);
    int attempts = maxRetries + 1;
    for (int attempt = 1; ; attempt++) {
      Duration wait = backoff(attempt);
      HttpResponse<String> r;
      try {
        r = exchange(request);
      } catch (IOException e) {
        String why = e instanceof HttpTimeoutException
            ? "no response within " + timeout.toMillis() + " ms"
            : "connection failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + redactor.quote(e.getMessage()) + ")");
        if (attempt >= attempts) {
          throw new ReviewFailure(why + " " + after(attempt));
        }
        pause(wait, attempt);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReviewFailure("interrupted during attempt " + attempt);
      }
      int status = r.statusCode();
      if (status >= 200 && status < 300) {
        return r.body();
      }
      String detail = errorMessage(r.body());
      if (status != 429 && status < 500) {
        throw new ReviewFailure("HTTP " + status + " (not retried): " + detail);
      }
      if (attempt >= attempts) {
        throw new ReviewFailure("HTTP " + status + " " + after(attempt) + ": " + detail);
      }
      Optional<Duration> asked = retryAfter(r);
      if (asked.isPresent()) {
        if (asked.get().compareTo(maxBackoff) > 0) {
          throw new ReviewFailure("HTTP " + status + " asks to retry after "
              + asked.get().toSeconds() + " s, beyond the longest back-off of "
              + maxBackoff.toMillis() + " ms (" + after(attempt) + "): " + detail);
        }
        wait = asked.get();
      }
      pause(wait, attempt);
    }
  }

  /** The wait before retry {@code retry} (1-based): initial x 2^(retry-1), capped. */
  Duration backoff(int retry) {
    Duration d = initialBackoff.multipliedBy(1L << Math.min(retry - 1, 30));
    return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
  }

  private static String after(int attempts) {
    return "after " + attempts + " attempt" + (attempts == 1 ? "" : "s");
  }

  /** One attempt, bounded as a whole by the timeout (the JDK's own bounds only the headers). */
  private HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<String>> f =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new HttpTimeoutException("timed out");
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (CancellationException e) {
      throw new IOException("cancelled");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      while (c instanceof CompletionException && c.getCause() != null) {
        c = c.getCause();
      }
      if (c instanceof IOException) {
        throw (IOException) c;
      }
      // Not an I/O failure (e.g. a client refusing the request): reported like one, by kind.
      throw new IOException(c == null ? "unknown failure" : c.getClass().getSimpleName()
          + (c.getMessage() == null ? "" : ": " + c.getMessage()));
    }
  }

  private void pause(Duration d, int attempt) throws ReviewFailure {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReviewFailure("interrupted while waiting to retry after attempt " + attempt);
    }
  }

  /**
   * The server's explanation in an error body, redacted and abbreviated. OpenAI, llama.cpp and
   * recent vLLM send {@code {"error": {"message": ...}}}, Ollama's native errors
   * {@code {"error": "..."}}, older vLLM {@code {"message": ...}}; anything else is quoted.
   */
  private String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    try {
      JsonNode n = Json.MAPPER.readTree(body);
      if (n != null && n.isObject()) {
        JsonNode error = n.get("error");
        if (error != null && error.path("message").isTextual()) {
          return redactor.quote(error.get("message").asText());
        }
        if (error != null && error.isTextual()) {
          return redactor.quote(error.asText());
        }
        if (n.path("message").isTextual()) {
          return redactor.quote(n.get("message").asText());
        }
      }
    } catch (IOException e) {
      // Not JSON: quote the body.
    }
    return redactor.quote(body);
  }

  /** {@code Retry-After} as delta-seconds; empty when absent or not in that form. */
  private static Optional<Duration> retryAfter(HttpResponse<?> r) {
    Optional<String> v = r.headers().firstValue("Retry-After").map(String::trim);
    if (v.isPresent() && v.get().matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v.get())));
    }
    return Optional.empty();
  }

  private HttpRequest request(String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (apiKey != null) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    return b.build();
  }
}
