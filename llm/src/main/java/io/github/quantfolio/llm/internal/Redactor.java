package io.github.quantfolio.llm.internal;

/**
 * Removes the API key from any text built from what a server or model sent, before it goes into
 * a decision: a misbehaving server or proxy may echo the {@code Authorization} header into an
 * error body or even into the answer. Redact first, abbreviate after, so that a cut can never
 * leave part of the key behind.
 */
public final class Redactor {

  /** Longest server text quoted in a rationale. */
  static final int MAX_QUOTE = 300;

  /** The key, or null when none is set (then nothing is replaced). */
  private final String secret;

  /**
   * A redactor of {@code secret}.
   *
   * @param secret the API key, or null for none
   */
  public Redactor(String secret) {
    this.secret = secret == null || secret.isEmpty() ? null : secret;
  }

  /**
   * {@code text} with every occurrence of the key replaced by {@code ***}.
   *
   * @param text any text, or null (returned as "null")
   * @return the text without the key
   */
  public String clean(String text) {
    String out = String.valueOf(text);
    return secret == null ? out : out.replace(secret, "***");
  }

  /**
   * Server text to quote in a rationale: redacted, whitespace collapsed, at most 300 characters.
   *
   * @param text any text, or null
   * @return the quotable text
   */
  public String quote(String text) {
    String out = clean(text).replaceAll("\\s+", " ").trim();
    return out.length() <= MAX_QUOTE ? out : out.substring(0, MAX_QUOTE) + "...";
  }
}
