package io.github.quantfolio.broker.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.quantfolio.broker.alpaca.AlpacaCredentials;
import io.github.quantfolio.broker.alpaca.AlpacaException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sends one call to Alpaca with the key headers, and retries what is worth retrying: HTTP 429
 * and 5xx, timeouts and connection failures, with exponential back-off
 * ({@code baseDelay x 2^(attempt-1)}, at most {@code maxDelay}; no jitter, so waits are
 * reproducible), or the server's {@code Retry-After} when it sends one. A {@code Retry-After}
 * longer than {@code maxDelay} ends the call at once rather than retrying early. Every other
 * status is returned to the caller, who decides what it means. Thread-safe.
 *
 * <p>Retrying a POST is safe only because every order carries its client order id, which Alpaca
 * refuses to reuse; the caller resolves the resulting duplicate.
 */
public final class AlpacaHttp {

  private final HttpClient client;
  private final AlpacaCredentials credentials;
  private final Redactor redactor;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final Duration requestTimeout;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * A transport.
   *
   * @param client the HTTP client (redirects must not be followed: they would resend the keys)
   * @param credentials the keys sent with every request
   * @param maxAttempts attempts per call, &gt;= 1
   * @param baseDelay the first back-off wait
   * @param maxDelay the longest wait between attempts
   * @param requestTimeout how long to wait for a response
   * @param sleeper waits between attempts
   * @param clock reads {@code Retry-After} dates
   */
  public AlpacaHttp(HttpClient client, AlpacaCredentials credentials, int maxAttempts,
      Duration baseDelay, Duration maxDelay, Duration requestTimeout, Sleeper sleeper,
      Clock clock) {
    this.client = client;
    this.credentials = credentials;
    this.redactor = new Redactor(credentials.keyId(), credentials.secretKey());
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.requestTimeout = requestTimeout;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * The redactor of this transport's keys.
   *
   * @return the redactor
   */
  public Redactor redactor() {
    return redactor;
  }

  /**
   * Sends {@code method uri} (with {@code jsonBody} for a POST) until it gets a response that is
   * not retried, or the attempts run out.
   *
   * @param method GET, POST or DELETE
   * @param uri the full address
   * @param jsonBody the body of a POST, or null
   * @param endpoint how messages name the call, e.g. {@code POST /v2/orders}
   * @return the response
   * @throws AlpacaException when the attempts run out, {@code Retry-After} asks for more than the
   *     longest wait, or the thread is interrupted
   */
  public Response send(String method, URI uri, String jsonBody, String endpoint) {
    HttpRequest request = request(method, uri, jsonBody);
    boolean uncertain = false;
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r;
      try {
        r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        uncertain = true;
        // The JDK's message is quoted redacted and the exception not chained: a malformed
        // response can make it quote what the server sent.
        String why = e instanceof HttpTimeoutException
            ? "no response within " + requestTimeout.toMillis() + " ms"
            : e.getClass().getSimpleName() + " (" + redactor.quote(e.getMessage()) + ")";
        if (attempt >= maxAttempts) {
          throw new AlpacaException(endpoint, 0, endpoint + " failed after " + attempt
              + " attempt" + (attempt == 1 ? "" : "s") + ": " + why);
        }
        pause(backoff(attempt), endpoint);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AlpacaException(endpoint, 0, endpoint + " was interrupted");
      }
      int status = r.statusCode();
      if (status != 429 && status < 500) {
        return new Response(endpoint, status, r.body(), uncertain);
      }
      uncertain |= status >= 500;
      Response failed = new Response(endpoint, status, r.body(), uncertain);
      if (attempt >= maxAttempts) {
        throw new AlpacaException(endpoint, status, "HTTP " + status + " from " + endpoint
            + " on each of " + attempt + " attempts, last: " + message(failed));
      }
      Optional<Duration> asked = retryAfter(r);
      if (asked.isPresent() && asked.get().compareTo(maxDelay) > 0) {
        throw new AlpacaException(endpoint, status, "HTTP " + status + " from " + endpoint
            + " asks to retry after " + asked.get().toMillis() + " ms, more than the longest"
            + " wait of " + maxDelay.toMillis() + " ms: " + message(failed));
      }
      pause(asked.orElse(backoff(attempt)), endpoint);
    }
  }

  /**
   * Alpaca's explanation in an error body ({@code {"code": ..., "message": "..."}}), or the body
   * itself when it has none; redacted and abbreviated.
   *
   * @param r a response
   * @return the message
   */
  public String message(Response r) {
    if (r.body() == null || r.body().isBlank()) {
      return "(empty body)";
    }
    try {
      JsonNode node = Json.MAPPER.readTree(r.body());
      if (node != null && node.path("message").isTextual()) {
        return redactor.quote(node.get("message").asText());
      }
    } catch (IOException e) {
      // Not JSON: quote the body.
    }
    return redactor.quote(r.body());
  }

  /**
   * The exception for a response that is an error, e.g.
   * {@code HTTP 401 from GET /v2/account: unauthorized.}.
   *
   * @param r the response
   * @return the exception
   */
  public AlpacaException error(Response r) {
    return new AlpacaException(r.endpoint(), r.status(), "HTTP " + r.status() + " from "
        + r.endpoint() + ": " + message(r));
  }

  /** The wait before attempt {@code attempt + 1}. */
  Duration backoff(int attempt) {
    Duration d = baseDelay.multipliedBy(1L << Math.min(attempt - 1, 30));
    return d.compareTo(maxDelay) > 0 || d.isNegative() ? maxDelay : d;
  }

  private void pause(Duration d, String endpoint) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlpacaException(endpoint, 0, endpoint + " was interrupted while waiting to retry");
    }
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; empty when absent or unreadable. */
  private Optional<Duration> retryAfter(HttpResponse<?> r) {
    Optional<String> v = r.headers().firstValue("Retry-After").map(String::trim);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String s = v.get();
    if (s.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
    }
    try {
      Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private HttpRequest request(String method, URI uri, String jsonBody) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("APCA-API-KEY-ID", credentials.keyId())
        .header("APCA-API-SECRET-KEY", credentials.secretKey())
        .header("Accept", "application/json");
    if (jsonBody != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }
}
