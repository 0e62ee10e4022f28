package io.github.quantfolio.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a file store shows: reopening, schema versions, and a writer killed mid-batch. */
class H2FileStoreTest {

  @TempDir
  Path dir;

  @Test
  void aFileStoreKeepsItsRunsWhenReopened() {
    Path file = dir.resolve("runs");
    try (ResultStore s = ResultStore.h2(file)) {
      s.save(RunTag.of("r1", "SMA", 1), Fixtures.tiny());
      assertEquals("3", s.schemaVersion());
    }
    assertTrue(Files.exists(dir.resolve("runs.mv.db")));
    try (ResultStore s = ResultStore.h2(dir.resolve("runs.mv.db"))) { // same file
      assertEquals(Fixtures.tiny().equityFrame(), s.loadBacktest("r1").orElseThrow().equity());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResultStore.h2(dir.resolve("a;MODE=MySQL")));
    assertTrue(e.getMessage().contains("without ';'"), e.getMessage());
  }

  @Test
  void aStoreWrittenByANewerVersionIsRefusedAndLeftUnchanged() throws SQLException {
    Path file = dir.resolve("newer");
    try (ResultStore s = ResultStore.h2(file)) {
      // what a future quantfolio-store with a migration V4 would have recorded
      try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO \"quantfolio_schema_history\" (\"installed_rank\", "
            + "\"version\", \"description\", \"type\", \"script\", \"checksum\", "
            + "\"installed_by\", \"execution_time\", \"success\") VALUES (99, '4', 'future', "
            + "'SQL', 'V4__future.sql', 1, 'sa', 1, TRUE)");
      }
    }
    long history = count(file, "SELECT COUNT(*) FROM \"quantfolio_schema_history\"");
    StoreVersionException e = assertThrows(StoreVersionException.class,
        () -> ResultStore.h2(file));
    assertTrue(e.getMessage().contains("schema is at version 4")
        && e.getMessage().contains("reads up to version 3")
        && e.getMessage().contains("newer.mv.db"), e.getMessage());
    assertEquals(history, count(file, "SELECT COUNT(*) FROM \"quantfolio_schema_history\""));
    // and the file is not locked by the refused open
    assertThrows(StoreVersionException.class, () -> ResultStore.h2(file));
  }

  @Test
  void aStoreAtAnOlderVersionIsMigratedWithItsData() throws SQLException {
    Path file = dir.resolve("older");
    JdbcDataSource ds = h2(file);
    // a store as quantfolio-store at schema version 1 left it, with one sweep in it
    Flyway.configure().dataSource(ds).locations("classpath:db/quantfolio")
        .table("quantfolio_schema_history").target("1").load().migrate();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO sweeps VALUES ('old', 'SMA', '[1]', '[\"A\"]', 1, NULL, "
          + "TIMESTAMP '2024-01-02 03:04:05')");
      st.executeUpdate("INSERT INTO sweep_rows VALUES ('old', 0, 'A', '1', 0.1, NULL, 0.2, 0.5, "
          + "0.6, -0.1, NULL, 3, 0.5, 0.9, 300, 0.02, FALSE, NULL)");
    }
    assertEquals(0, count(file, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE "
        + "INDEX_NAME = 'BACKTEST_RUNS_DATES'"));
    try (ResultStore s = ResultStore.h2(file)) {
      assertEquals("3", s.schemaVersion());
      StoredSweep<Integer> old = s.loadSweep("old", Integer.class).orElseThrow();
      assertEquals(1, old.rows().get(0).parameters());
      assertEquals(0.5, old.rows().get(0).metrics().sharpeRatio());
      assertTrue(Double.isNaN(old.rows().get(0).metrics().cagr()));
    }
    assertEquals(1, count(file, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE "
        + "INDEX_NAME = 'BACKTEST_RUNS_DATES'"));
  }

  @Test
  void aDatabaseWithTablesOfItsOwnGetsTheStoreBesideThem() throws SQLException {
    Path file = dir.resolve("shared");
    try (Connection c = h2(file).getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE app_orders (id INT PRIMARY KEY)");
      st.executeUpdate("INSERT INTO app_orders VALUES (1)");
    }
    try (ResultStore s = ResultStore.h2(file)) {
      assertEquals("3", s.schemaVersion());
      s.save(RunTag.of("r", "SMA", null), Fixtures.tiny());
      assertEquals(1, s.findRuns(RunQuery.all()).size());
    }
    assertEquals(1, count(file, "SELECT COUNT(*) FROM app_orders"));
  }

  @Test
  void aWriterKilledMidBatchLeavesOnlyWholeRuns() throws Exception {
    Path file = dir.resolve("killed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        KillableWriter.class.getName(), file.toString()).redirectError(
            ProcessBuilder.Redirect.DISCARD).start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < 6 && (line = out.readLine()) != null) {
        acknowledged.add(line.substring("saved ".length()));
      }
      assertEquals(6, acknowledged.size(), "the writer stopped early (exit "
          + (child.isAlive() ? "-" : child.exitValue()) + ")");
      Thread.sleep(25); // into the next save
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertFalse(child.isAlive());
    try (ResultStore s = ResultStore.h2(file)) {
      Set<String> stored = new HashSet<>();
      int backtests = 0;
      for (RunSummary r : s.findRuns(RunQuery.all().strategy("kill"))) {
        stored.add(r.runId());
        backtests++;
        StoredBacktest b = s.loadBacktest(r.runId()).orElseThrow(); // checks the point count
        assertEquals(Fixtures.backtest().equityFrame(), b.equity(), r.runId());
        assertEquals(Fixtures.backtest().trades(), b.trades(), r.runId());
      }
      int sweeps = 0;
      for (String id : ids(s, "SELECT sweep_id FROM sweeps")) {
        stored.add(id);
        sweeps++;
        assertEquals(30 * Fixtures.sweep().size(), s.loadSweep(id, Object.class).orElseThrow()
            .rows().size(), id);
      }
      // every save that returned is there, and nothing else but possibly the one in flight
      assertTrue(stored.containsAll(acknowledged), stored + " vs " + acknowledged);
      assertTrue(stored.size() <= acknowledged.size() + 1, stored + " vs " + acknowledged);
      assertTrue(backtests >= 3 && sweeps >= 3);
      // no orphans in the child tables
      for (String sql : List.of("SELECT COUNT(*) FROM equity_points e WHERE NOT EXISTS (SELECT 1"
          + " FROM backtest_runs r WHERE r.run_id = e.run_id)", "SELECT COUNT(*) FROM sweep_rows "
          + "w WHERE NOT EXISTS (SELECT 1 FROM sweeps s WHERE s.sweep_id = w.sweep_id)")) {
        assertEquals(0, count(s, sql), sql);
      }
    }
  }

  private static List<String> ids(ResultStore s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static JdbcDataSource h2(Path file) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + file.toAbsolutePath());
    ds.setUser("sa");
    return ds;
  }

  private static long count(Path file, String sql) throws SQLException {
    try (Connection c = h2(file).getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long count(ResultStore s, String sql) throws SQLException {
    try (Connection c = s.dataSource().getConnection(); PreparedStatement ps =
        c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

}
