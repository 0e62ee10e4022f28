package io.github.quantfolio.broker.alpaca.internal;

/**
 * An HTTP response that the retry loop hands back (any status except 429 and 5xx, which it
 * retries).
 *
 * @param endpoint method and path template, e.g. {@code GET /v2/orders:by_client_order_id}
 * @param status the HTTP status
 * @param body the body as text (may be empty)
 * @param uncertain whether an earlier attempt of the same call ended without a definite answer
 *     (timeout, connection failure, 5xx): a POST may then have taken effect already
 */
public record Response(String endpoint, int status, String body, boolean uncertain) {

  /**
   * Whether the status is 2xx.
   *
   * @return true for 200..299
   */
  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
