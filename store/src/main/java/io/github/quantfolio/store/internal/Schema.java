package io.github.quantfolio.store.internal;

import io.github.quantfolio.store.StoreException;
import io.github.quantfolio.store.StoreVersionException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The store's schema, managed by Flyway: migrations {@code db/quantfolio/V<n>__*.sql} on the class
 * path, history in the table {@code quantfolio_schema_history} (so that a database shared with
 * an application's own Flyway history keeps both apart).
 */
public final class Schema {

  /** The Flyway history table of the store. */
  public static final String HISTORY_TABLE = "quantfolio_schema_history";

  /** Where the migrations are. */
  public static final String LOCATIONS = "classpath:db/quantfolio";

  /**
   * Flyway logs every open at INFO through {@code java.util.logging} when no other logging library
   * is present; the store keeps it to warnings unless the application set a level for
   * {@code org.flywaydb} itself. Held here so that the setting is not garbage collected.
   */
  private static final java.util.logging.Logger FLYWAY_LOG = quietFlyway();

  private Schema() {
  }

  private static java.util.logging.Logger quietFlyway() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.flywaydb");
    if (log.getLevel() == null) {
      log.setLevel(java.util.logging.Level.WARNING);
    }
    return log;
  }

  /**
   * Checks the schema version and migrates an older (or empty) schema to the newest this library
   * knows.
   *
   * @param dataSource the database
   * @param description how to name the store in messages (e.g. its file)
   * @return the schema version after migration
   * @throws StoreVersionException if the database holds migrations newer than this library's
   * @throws StoreException if Flyway fails
   */
  public static String migrate(DataSource dataSource, String description) {
    Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATIONS)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateOnMigrate(true)
        .load();
    String newest = null;
    for (MigrationInfo m : flyway.info().all()) {
      MigrationState s = m.getState();
      if (s == MigrationState.FUTURE_SUCCESS || s == MigrationState.FUTURE_FAILED) {
        newest = m.getVersion() == null ? "?" : m.getVersion().getVersion();
      }
    }
    if (newest != null) {
      throw new StoreVersionException("The store " + description + " was written by a newer "
          + "Quantfolio: its schema is at version " + newest + ", this quantfolio-store reads up "
          + "to version " + latestKnown(flyway) + ". Open it with a newer quantfolio-store; it "
          + "was left unchanged.");
    }
    try {
      MigrateResult r = flyway.migrate();
      return r.targetSchemaVersion != null ? r.targetSchemaVersion
          : flyway.info().current().getVersion().getVersion();
    } catch (RuntimeException e) {
      throw new StoreException("Could not migrate the schema of the store " + description + ": "
          + e.getMessage(), e);
    }
  }

  private static String latestKnown(Flyway flyway) {
    MigrationVersion max = null;
    for (MigrationInfo m : flyway.info().all()) {
      if (m.getState() != MigrationState.FUTURE_SUCCESS
          && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null
          && (max == null || m.getVersion().compareTo(max) > 0)) {
        max = m.getVersion();
      }
    }
    return max == null ? "none" : max.getVersion();
  }
}
