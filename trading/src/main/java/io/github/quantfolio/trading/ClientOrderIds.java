package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * Deterministic client order ids: the same decision always yields the same id, so a decision
 * cycle retried after a crash or a timeout re-submits ids the broker has already seen, and the
 * broker (which executes at most one order per id) cannot trade twice.
 *
 * <p>An id is {@code "q"} followed by the first 31 characters of the unpadded base64url encoding
 * of {@code SHA-256(runId, decisionTime, symbol, leg)}: 32 characters of {@code [A-Za-z0-9_-]},
 * which IBKR, Alpaca, Binance and Coinbase all accept, carrying 186 bits of the hash (a collision
 * between two different decisions is not a practical concern).
 *
 * @since 0.1.0
 */
public final class ClientOrderIds {

  /** The length of every id. */
  public static final int LENGTH = 32;

  private ClientOrderIds() {
  }

  /**
   * The id of the order for {@code symbol} decided in run {@code runId} at {@code decisionTime}.
   *
   * @param runId the caller's name for the trading run or strategy instance (not blank)
   * @param decisionTime the time of the decision the order implements
   * @param symbol the instrument (not blank)
   * @param leg distinguishes several orders for one symbol in one decision (0 for the first; a
   *     reversal from long to short is leg 0 to close and leg 1 to open), &gt;= 0
   * @return a 32-character id of {@code [A-Za-z0-9_-]}
   */
  public static String of(String runId, Instant decisionTime, String symbol, int leg) {
    return of(runId, decisionTime, symbol, leg, sha256());
  }

  /** As {@link #of(String, Instant, String, int)} with a digest to reuse (not thread-safe). */
  static String of(String runId, Instant decisionTime, String symbol, int leg,
      MessageDigest sha256) {
    check(runId, decisionTime);
    text(symbol, "symbol");
    Checks.notNegative(leg, "leg");
    String key = runId.length() + ":" + runId + "|" + decisionTime + "|" + symbol.length() + ":"
        + symbol + "|" + leg;
    byte[] hash = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
    return "q" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash)
        .substring(0, LENGTH - 1);
  }

  /** Validates the parts of an id that a whole plan shares. */
  static void check(String runId, Instant decisionTime) {
    text(runId, "runId");
    Checks.notNull(decisionTime, "decisionTime");
  }

  private static void text(String s, String name) {
    Checks.notNull(s, name);
    if (s.isBlank()) {
      throw new IllegalArgumentException("Argument '" + name + "' must not be blank");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
