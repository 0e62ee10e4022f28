package io.github.quantfolio.broker.alpaca.internal;

import java.util.List;

/**
 * Removes the API keys from any text built from what a server sent, before that text goes into
 * a message. A misbehaving server (or proxy) may echo request headers into an error body; this is
 * the one place that keeps them out of exceptions and orders. Redact first, abbreviate after, so
 * a cut can never leave part of a key behind.
 */
public final class Redactor {

  /** Longest server text quoted in a message. */
  private static final int MAX_QUOTE = 300;

  private final List<String> secrets;

  /**
   * A redactor of {@code secrets} (each not empty).
   *
   * @param secrets the values to remove
   */
  public Redactor(String... secrets) {
    this.secrets = List.of(secrets);
  }

  /**
   * {@code text} with every occurrence of a secret replaced by {@code ***}.
   *
   * @param text any text, or null (returned as "null")
   * @return the text without secrets
   */
  public String clean(String text) {
    String out = String.valueOf(text);
    for (String s : secrets) {
      out = out.replace(s, "***");
    }
    return out;
  }

  /**
   * Server text to quote in a message: redacted, whitespace collapsed, at most 300 characters.
   *
   * @param text any text, or null
   * @return the quotable text
   */
  public String quote(String text) {
    String out = clean(text).replaceAll("\\s+", " ").trim();
    return out.length() <= MAX_QUOTE ? out : out.substring(0, MAX_QUOTE) + "...";
  }
}
