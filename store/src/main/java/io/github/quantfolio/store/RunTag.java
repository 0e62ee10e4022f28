package io.github.quantfolio.store;

import io.github.quantfolio.core.internal.Checks;
import java.util.UUID;

/**
 * How a run is filed: its id (the key that makes saving idempotent), the strategy's name and its
 * parameters (any value Jackson writes as JSON: a record, a map, an array, a number or a string).
 *
 * @param runId the run id, 1 to 100 characters; saving a second run under an id already stored
 *     writes nothing
 * @param strategy the strategy (or method) name, 1 to 400 characters, e.g. {@code "SMA crossover"}
 * @param parameters the parameters, or null for none (stored as JSON {@code null})
 * @since 0.1.0
 */
public record RunTag(String runId, String strategy, Object parameters) {

  /**
   * Validates the id and the strategy name.
   *
   * @param runId the run id, 1 to 100 characters, not blank
   * @param strategy the strategy name, 1 to 400 characters, not blank
   * @param parameters the parameters, may be null
   * @throws IllegalArgumentException if the id or name is blank or too long
   */
  public RunTag {
    text(runId, "runId", 100);
    text(strategy, "strategy", 400);
  }

  /**
   * A tag with a fresh random id (a UUID).
   *
   * @param strategy the strategy name
   * @param parameters the parameters, may be null
   * @return the tag
   */
  public static RunTag of(String strategy, Object parameters) {
    return new RunTag(UUID.randomUUID().toString(), strategy, parameters);
  }

  /**
   * A tag with the given id: saving twice under it stores the run once.
   *
   * @param runId the run id
   * @param strategy the strategy name
   * @param parameters the parameters, may be null
   * @return the tag
   */
  public static RunTag of(String runId, String strategy, Object parameters) {
    return new RunTag(runId, strategy, parameters);
  }

  private static void text(String s, String name, int max) {
    Checks.notNull(s, name);
    if (s.isBlank() || s.length() > max) {
      throw new IllegalArgumentException("Expected " + name + " of 1 to " + max
          + " characters, not blank, but found '" + (s.length() > 40 ? s.substring(0, 40) + "..."
          : s) + "' (" + s.length() + " characters)");
    }
  }
}
