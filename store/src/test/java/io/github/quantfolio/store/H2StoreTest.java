package io.github.quantfolio.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 file database. */
class H2StoreTest extends StoreContract {

  @TempDir
  static Path dir;

  private static ResultStore store;

  @BeforeAll
  static void open() {
    store = ResultStore.h2(dir.resolve("contract"));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Override
  ResultStore store() {
    return store;
  }
}
