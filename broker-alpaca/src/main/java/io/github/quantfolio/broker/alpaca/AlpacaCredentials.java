package io.github.quantfolio.broker.alpaca;

import java.util.Objects;

/**
 * An Alpaca API key pair, sent as the {@code APCA-API-KEY-ID} and {@code APCA-API-SECRET-KEY}
 * headers. The caller supplies it (from the environment, a vault, a prompt); this library never
 * reads keys from anywhere itself, and never writes them into a {@code toString()}, an exception
 * message or any other text: {@link #toString()} masks both.
 *
 * <p>Paper and live accounts have different key pairs; pass the pair that belongs to the endpoint
 * you connect to ({@link AlpacaBroker#paper} or {@link AlpacaBroker#live}).
 *
 * @param keyId the API key id (printable ASCII without spaces, not blank)
 * @param secretKey the API secret key (printable ASCII without spaces, not blank)
 * @since 0.1.0
 */
public record AlpacaCredentials(String keyId, String secretKey) {

  /**
   * Validates both keys; messages name the field, never its value.
   *
   * @param keyId the API key id
   * @param secretKey the API secret key
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if either is blank or holds a character that cannot go into
   *     an HTTP header (space, control character, non-ASCII)
   */
  public AlpacaCredentials {
    check(keyId, "keyId");
    check(secretKey, "secretKey");
  }

  /**
   * The key pair from two values the caller has read, for example
   * {@code AlpacaCredentials.of(System.getenv("APCA_API_KEY_ID"), System.getenv("APCA_API_SECRET_KEY"))}.
   *
   * @param keyId the API key id
   * @param secretKey the API secret key
   * @return the credentials
   */
  public static AlpacaCredentials of(String keyId, String secretKey) {
    return new AlpacaCredentials(keyId, secretKey);
  }

  private static void check(String value, String name) {
    Objects.requireNonNull(value, () -> "Argument '" + name + "' must not be null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("Argument '" + name + "' must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        // Position only: the value itself is a secret.
        throw new IllegalArgumentException("Argument '" + name + "' holds a character that cannot"
            + " be sent in an HTTP header (space, control or non-ASCII) at position " + i);
      }
    }
  }

  /** Masks both keys: {@code AlpacaCredentials[keyId=***, secretKey=***]}. */
  @Override
  public String toString() {
    return "AlpacaCredentials[keyId=***, secretKey=***]";
  }
}
