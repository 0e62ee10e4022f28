package io.github.quantfolio.broker.alpaca;

/**
 * A call to Alpaca failed: the connection (after the retries), an HTTP error that is not an
 * order rejection (401 bad keys, 404, 429 or 5xx after the retries, ...), or a response this
 * library cannot read (malformed JSON, a missing field, an unknown order status). The message
 * names the endpoint (e.g. {@code GET /v2/account}), the HTTP status where there is one and
 * Alpaca's own message, with the API keys removed wherever the server echoed them.
 *
 * <p>An order that Alpaca refuses (HTTP 403 or 422, e.g. insufficient buying power) is not an
 * exception: {@link AlpacaBroker#submit} returns it REJECTED with Alpaca's message.
 *
 * @since 0.1.0
 */
public final class AlpacaException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Method and path of the call that failed. */
  private final String endpoint;
  /** HTTP status of the failing response, 0 when there was none. */
  private final int status;

  /**
   * A failure of {@code endpoint}.
   *
   * @param endpoint method and path, e.g. {@code GET /v2/account}
   * @param status the HTTP status of the response, or 0 when none was received
   * @param message what went wrong, free of credentials
   */
  public AlpacaException(String endpoint, int status, String message) {
    super(message);
    this.endpoint = endpoint;
    this.status = status;
  }

  /**
   * The endpoint that failed.
   *
   * @return method and path, e.g. {@code POST /v2/orders}
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The HTTP status of the failing response.
   *
   * @return the status of the response that failed or could not be read (200 for a malformed
   *     body), or 0 when there was none (timeout, connection failure)
   */
  public int status() {
    return status;
  }
}
