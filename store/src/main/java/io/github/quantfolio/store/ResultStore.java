package io.github.quantfolio.store;

import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.PortfolioResult;
import io.github.quantfolio.backtest.SweepMetric;
import io.github.quantfolio.backtest.SweepResult;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.backtest.WalkForwardResult;
import io.github.quantfolio.core.internal.Checks;
import io.github.quantfolio.optimize.OptimalPortfolio;
import io.github.quantfolio.store.internal.CsvExport;
import io.github.quantfolio.store.internal.Jdbc;
import io.github.quantfolio.store.internal.QuerySql;
import io.github.quantfolio.store.internal.Readers;
import io.github.quantfolio.store.internal.Schema;
import io.github.quantfolio.store.internal.Writers;
import io.github.quantfolio.trading.DecisionRecord;
import io.github.quantfolio.trading.LedgerSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A database of results: optimisations, backtests with their trades and equity curves,
 * walk-forward portfolios with their rebalance log, parameter sweeps, walk-forward folds, and
 * the trading pipeline's decision records and ledger snapshots. Plain JDBC, one transaction per
 * save, schema managed by Flyway (see {@code docs/store.md} for the tables).
 *
 * <pre>{@code
 * try (ResultStore store = ResultStore.h2(Path.of("results"))) {   // results.mv.db
 *   String id = store.save(RunTag.of("SMA crossover", params), backtestResult);
 *   StoredBacktest back = store.loadBacktest(id).orElseThrow();
 *   List<RunSummary> best = store.best(Metric.SHARPE, 5);
 * }
 * }</pre>
 *
 * <p><b>Transactions.</b> Each {@code save} runs in one transaction: the parent row and all its
 * children (trades, equity points, rebalances, sweep rows, folds, records) are committed
 * together or not at all; a failure rolls everything back and throws {@link StoreException}.
 *
 * <p><b>Idempotence.</b> Every save is keyed by an id ({@link RunTag#runId()}, or the batch id
 * of decision records and ledger snapshots). Saving under an id that is already stored writes
 * nothing and returns the id: the first save wins, also when two threads or processes race (the
 * loser's primary-key violation is recognised and its transaction rolled back).
 *
 * <p><b>NaN.</b> A metric that is NaN (undefined) is stored as SQL NULL and read back as NaN;
 * infinities are stored as they are. Inside JSON columns non-finite numbers are the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. Every other double comes back bit for
 * bit, with one exception: H2 has a single zero, so a column value of {@code -0.0} is read back
 * from H2 as {@code 0.0} (PostgreSQL and the JSON columns keep the sign).
 *
 * <p><b>Versions.</b> Opening a store migrates an older schema to this library's and refuses one
 * written by a newer library ({@link StoreVersionException}), leaving it unchanged.
 *
 * <p>Thread-safe: each call takes its own connection from the data source.
 *
 * @since 0.1.0
 */
public final class ResultStore implements AutoCloseable {

  private final DataSource dataSource;
  private final String description;
  private final Runnable onClose;
  private final String schemaVersion;

  private ResultStore(DataSource dataSource, String description, Runnable onClose) {
    this.dataSource = dataSource;
    this.description = description;
    this.onClose = onClose;
    String v;
    try {
      v = Schema.migrate(dataSource, description);
    } catch (RuntimeException e) {
      onClose.run();
      throw e;
    }
    this.schemaVersion = v;
  }

  /**
   * Opens (or creates) an embedded H2 file store: one file {@code <file>.mv.db}, no server. The
   * file is locked by this process while open; every commit is written to the file before the
   * save returns ({@code WRITE_DELAY=0}), so a process killed after a save returned keeps it.
   *
   * @param file the file's path, with or without the {@code .mv.db} extension; its directory must
   *     exist
   * @return the open store (close it to release the file)
   * @throws IllegalArgumentException if the path holds a {@code ;} (H2 would read it as a setting)
   * @throws StoreException if the file cannot be opened (e.g. open in another process)
   * @throws StoreVersionException if a newer Quantfolio wrote the file
   */
  public static ResultStore h2(Path file) {
    Checks.notNull(file, "file");
    String base = file.toAbsolutePath().normalize().toString();
    if (base.endsWith(".mv.db")) {
      base = base.substring(0, base.length() - ".mv.db".length());
    }
    if (base.indexOf(';') >= 0) {
      throw new IllegalArgumentException("Expected a file path without ';', but found " + file);
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + base
        + ";WRITE_DELAY=0", "sa", "");
    pool.setMaxConnections(32);
    return new ResultStore(pool, "'" + base + ".mv.db'", pool::dispose);
  }

  /**
   * Opens a fresh, empty H2 store in memory (for tests and JShell): gone when closed.
   *
   * @return the open store
   */
  public static ResultStore inMemory() {
    String name = "quantfolio-" + UUID.randomUUID();
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name
        + ";DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(32);
    return new ResultStore(pool, "in memory (" + name + ")", () -> {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already gone
      }
      pool.dispose();
    });
  }

  /**
   * Opens a store on the caller's data source, e.g. a PostgreSQL pool (the PostgreSQL driver is a
   * dependency of this module; Flyway's PostgreSQL support too). The tables are created in the
   * connection's current schema (PostgreSQL: the first of the {@code search_path}). Closing the
   * store does not close the data source.
   *
   * @param dataSource the database, not null
   * @return the open store
   * @throws StoreException if the schema cannot be migrated
   * @throws StoreVersionException if a newer Quantfolio wrote the schema
   */
  public static ResultStore of(DataSource dataSource) {
    Checks.notNull(dataSource, "dataSource");
    return new ResultStore(dataSource, "on " + dataSource.getClass().getSimpleName(), () -> { });
  }

  /**
   * The data source, for plain-SQL queries of the tables (see {@code docs/store.md}).
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The schema version after opening (the newest migration applied), e.g. {@code "1"}.
   *
   * @return the schema version
   */
  public String schemaVersion() {
    return schemaVersion;
  }

  // ------------------------------------------------------------------ save

  /**
   * Saves a backtest: a row of {@code backtest_runs} (kind {@code BACKTEST}, the headline
   * metrics, config and report as JSON), one row per asset in {@code backtest_run_assets}, per
   * trade in {@code backtest_trades} and per bar in {@code equity_points} — one transaction.
   *
   * @param tag the run id, strategy name and parameters, not null
   * @param result the backtest, not null
   * @return the run id; if it was already stored nothing is written
   * @throws StoreException if the database fails (nothing of this run is stored)
   * @throws IllegalArgumentException if the parameters cannot be written as JSON
   */
  public String save(RunTag tag, BacktestResult result) {
    Checks.notNull(tag, "tag");
    Checks.notNull(result, "result");
    return transaction("backtest_runs", "run_id", tag.runId(),
        c -> Writers.backtest(c, tag, RunKind.BACKTEST, result, List.of(), now()));
  }

  /**
   * Saves a walk-forward portfolio: its backtest as for {@link #save(RunTag, BacktestResult)}
   * (kind {@code PORTFOLIO}) plus its rebalance log in {@code rebalances} — one transaction.
   *
   * @param tag the run id, strategy name (e.g. the allocator) and parameters, not null
   * @param result the portfolio run, not null
   * @return the run id; if it was already stored nothing is written
   * @throws StoreException if the database fails (nothing of this run is stored)
   */
  public String save(RunTag tag, PortfolioResult result) {
    Checks.notNull(tag, "tag");
    Checks.notNull(result, "result");
    return transaction("backtest_runs", "run_id", tag.runId(),
        c -> Writers.backtest(c, tag, RunKind.PORTFOLIO, result.backtest(), result.rebalances(),
            now()));
  }

  /**
   * Saves a parameter sweep: a row of {@code sweeps} (grid, assets, the deflated Sharpe ratio of
   * the best row) and one row per configuration in {@code sweep_rows} (parameters as JSON, every
   * metric in a column), batched, one transaction. The tag's parameters are ignored (each row
   * has its own).
   *
   * @param tag the sweep id and strategy name, not null
   * @param result the sweep, not null
   * @param <P> the parameter type
   * @return the sweep id; if it was already stored nothing is written
   * @throws StoreException if the database fails (nothing of this sweep is stored)
   */
  public <P> String save(RunTag tag, SweepResult<P> result) {
    Checks.notNull(result, "result");
    double dsr;
    try {
      dsr = result.deflatedSharpeRatio();
    } catch (IllegalArgumentException e) { // fewer than 2 finite Sharpe ratios, a wiped-out best
      dsr = Double.NaN;
    }
    return saveSweep(tag, result.rows(), dsr);
  }

  /**
   * Saves sweep rows with a deflated Sharpe ratio computed elsewhere (e.g. a sweep run on Spark,
   * or a subset of a sweep), as {@link #save(RunTag, SweepResult)}.
   *
   * @param tag the sweep id and strategy name, not null
   * @param rows the rows, not null, not empty, none null
   * @param deflatedSharpe the deflated Sharpe ratio of the best row, or NaN if undefined
   * @param <P> the parameter type
   * @return the sweep id; if it was already stored nothing is written
   * @throws IllegalArgumentException if the rows are empty
   * @throws StoreException if the database fails (nothing of this sweep is stored)
   */
  public <P> String saveSweep(RunTag tag, List<SweepRow<P>> rows, double deflatedSharpe) {
    Checks.notNull(tag, "tag");
    Checks.notNull(rows, "rows");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one sweep row, but found none");
    }
    for (int i = 0; i < rows.size(); i++) {
      Checks.notNull(rows.get(i), "rows[" + i + "]");
    }
    return transaction("sweeps", "sweep_id", tag.runId(),
        c -> Writers.sweep(c, tag, rows, deflatedSharpe, now()));
  }

  /**
   * Saves a walk-forward optimisation: a row of {@code walk_forward_runs} (out-of-sample headline
   * metrics), one row per fold in {@code walk_forward_folds} (chosen parameters, in- and
   * out-of-sample metrics as JSON, the Sharpe ratios as columns) and the stitched out-of-sample
   * equity in {@code walk_forward_equity} — one transaction.
   *
   * @param tag the run id and strategy name, not null
   * @param result the walk-forward result, not null
   * @param <P> the parameter type
   * @return the run id; if it was already stored nothing is written
   * @throws StoreException if the database fails (nothing of this run is stored)
   */
  public <P> String save(RunTag tag, WalkForwardResult<P> result) {
    Checks.notNull(tag, "tag");
    Checks.notNull(result, "result");
    return transaction("walk_forward_runs", "run_id", tag.runId(),
        c -> Writers.walkForward(c, tag, result, now()));
  }

  /**
   * Saves a portfolio optimisation: one row of {@code optimizations} (method, constraints and
   * weights as JSON, expected return, volatility, Sharpe ratio at the portfolio's risk-free rate,
   * time taken, the inputs' fingerprint).
   *
   * @param tag the run id; the strategy name is stored as the method's label only if the portfolio
   *     has none; the parameters are ignored (use {@code constraints})
   * @param portfolio the optimal portfolio, not null
   * @param constraints the constraints (bounds, sector limits, ...) as any JSON-writable value,
   *     may be null
   * @param elapsed how long the optimisation took, not null, not negative
   * @param inputsFingerprint a fingerprint of the inputs (e.g. {@link #fingerprint(double[]...)} of
   *     the expected returns and the covariance rows), not null, at most 128 characters
   * @return the run id; if it was already stored nothing is written
   * @throws StoreException if the database fails
   */
  public String save(RunTag tag, OptimalPortfolio portfolio, Object constraints, Duration elapsed,
      String inputsFingerprint) {
    Checks.notNull(tag, "tag");
    Checks.notNull(portfolio, "portfolio");
    Checks.notNull(elapsed, "elapsed");
    Checks.notNull(inputsFingerprint, "inputsFingerprint");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("Expected elapsed >= 0, but found " + elapsed);
    }
    if (inputsFingerprint.length() > 128) {
      throw new IllegalArgumentException("Expected inputsFingerprint of at most 128 characters, "
          + "but found " + inputsFingerprint.length());
    }
    return transaction("optimizations", "run_id", tag.runId(),
        c -> Writers.optimization(c, tag, portfolio, constraints, elapsed, inputsFingerprint,
            now()));
  }

  /**
   * Saves a batch of the trading pipeline's decision records: a row of
   * {@code decision_batches} and one row per record in {@code decision_records} (pipeline run,
   * time, symbol and outcome as columns, the whole record as the JSON of
   * {@code DecisionRecords.toJson}) — one transaction.
   *
   * @param batchId the batch id (1 to 100 characters), not null
   * @param records the records, not null, none null
   * @return the batch id; if it was already stored nothing is written
   * @throws StoreException if the database fails (nothing of this batch is stored)
   */
  public String saveDecisions(String batchId, List<DecisionRecord> records) {
    batchId(batchId);
    Checks.notNull(records, "records");
    List<DecisionRecord> copy = List.copyOf(records);
    return transaction("decision_batches", "batch_id", batchId,
        c -> Writers.decisions(c, batchId, copy, now()));
  }

  /**
   * Saves a batch of ledger snapshots: a row of {@code ledger_batches} and one row per snapshot in
   * {@code ledger_snapshots} (time, NAV, cash and total return as columns, the whole snapshot as
   * JSON) — one transaction.
   *
   * @param batchId the batch id (1 to 100 characters), not null
   * @param snapshots the snapshots, not null, none null
   * @return the batch id; if it was already stored nothing is written
   * @throws StoreException if the database fails (nothing of this batch is stored)
   */
  public String saveSnapshots(String batchId, List<LedgerSnapshot> snapshots) {
    batchId(batchId);
    Checks.notNull(snapshots, "snapshots");
    List<LedgerSnapshot> copy = List.copyOf(snapshots);
    return transaction("ledger_batches", "batch_id", batchId,
        c -> Writers.snapshots(c, batchId, copy, now()));
  }

  // ------------------------------------------------------------------ load

  /**
   * Loads a backtest or portfolio run.
   *
   * @param runId the run id, not null
   * @return the run, or empty if no run has this id
   * @throws StoreException if the database fails
   */
  public Optional<StoredBacktest> loadBacktest(String runId) {
    Checks.notNull(runId, "runId");
    return read(c -> Readers.backtest(c, runId));
  }

  /**
   * Loads a sweep, its parameters read back as {@code parameterType}.
   *
   * @param sweepId the sweep id, not null
   * @param parameterType the class of the saved parameters (e.g. a record class, {@code int[].class},
   *     {@code Map.class}), not null
   * @param <P> the parameter type
   * @return the sweep, or empty if no sweep has this id
   * @throws IllegalStateException if the stored parameters do not read as {@code parameterType}
   * @throws StoreException if the database fails
   */
  public <P> Optional<StoredSweep<P>> loadSweep(String sweepId, Class<P> parameterType) {
    Checks.notNull(sweepId, "sweepId");
    Checks.notNull(parameterType, "parameterType");
    return read(c -> Readers.sweep(c, sweepId, parameterType));
  }

  /**
   * Loads a walk-forward optimisation, its chosen parameters read back as {@code parameterType}.
   *
   * @param runId the run id, not null
   * @param parameterType the class of the saved parameters, not null
   * @param <P> the parameter type
   * @return the run, or empty if no walk-forward run has this id
   * @throws StoreException if the database fails
   */
  public <P> Optional<StoredWalkForward<P>> loadWalkForward(String runId, Class<P> parameterType) {
    Checks.notNull(runId, "runId");
    Checks.notNull(parameterType, "parameterType");
    return read(c -> Readers.walkForward(c, runId, parameterType));
  }

  /**
   * Loads a portfolio optimisation.
   *
   * @param runId the run id, not null
   * @return the optimisation, or empty if none has this id
   * @throws StoreException if the database fails
   */
  public Optional<StoredOptimization> loadOptimization(String runId) {
    Checks.notNull(runId, "runId");
    return read(c -> Readers.optimization(c, runId));
  }

  /**
   * Loads a batch of decision records, in the saved order.
   *
   * @param batchId the batch id, not null
   * @return the records, or empty if no batch has this id
   * @throws StoreException if the database fails
   */
  public Optional<List<DecisionRecord>> loadDecisions(String batchId) {
    Checks.notNull(batchId, "batchId");
    return read(c -> Readers.decisions(c, batchId));
  }

  /**
   * Loads a batch of ledger snapshots, in the saved order.
   *
   * @param batchId the batch id, not null
   * @return the snapshots, or empty if no batch has this id
   * @throws StoreException if the database fails
   */
  public Optional<List<LedgerSnapshot>> loadSnapshots(String batchId) {
    Checks.notNull(batchId, "batchId");
    return read(c -> Readers.snapshots(c, batchId));
  }

  // ------------------------------------------------------------------ query

  /**
   * The backtest and portfolio runs that match {@code query}.
   *
   * @param query the query, not null
   * @return the runs, in the query's order
   * @throws StoreException if the database fails
   */
  public List<RunSummary> findRuns(RunQuery query) {
    Checks.notNull(query, "query");
    return read(c -> Optional.of(Readers.runs(c, QuerySql.of(query)))).orElseThrow();
  }

  /**
   * The {@code k} best backtest and portfolio runs by {@code metric} (NULL last).
   *
   * @param metric the metric, not null
   * @param k how many, &gt;= 1
   * @return at most {@code k} runs, best first
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws StoreException if the database fails
   */
  public List<RunSummary> best(Metric metric, int k) {
    Checks.notNull(metric, "metric");
    Checks.positive(k, "k");
    return findRuns(RunQuery.all().orderBy(metric).limit(k));
  }

  /**
   * The sweep configurations that match {@code query}.
   *
   * @param query the query, not null
   * @return the rows, in the query's order
   * @throws StoreException if the database fails
   */
  public List<StoredSweepRow> findSweepRows(SweepQuery query) {
    Checks.notNull(query, "query");
    return read(c -> Optional.of(Readers.sweepRows(c, QuerySql.of(query)))).orElseThrow();
  }

  /**
   * The {@code k} best configurations of all stored sweeps by {@code metric} (NULL last).
   *
   * @param metric the metric, not null
   * @param k how many, &gt;= 1
   * @return at most {@code k} rows, best first
   * @throws IllegalArgumentException if {@code k < 1}
   * @throws StoreException if the database fails
   */
  public List<StoredSweepRow> bestConfigurations(SweepMetric metric, int k) {
    Checks.notNull(metric, "metric");
    Checks.positive(k, "k");
    return findSweepRows(SweepQuery.all().orderBy(metric).limit(k));
  }

  /**
   * Writes the rows of {@code query} as CSV: a header of column names (those of the table, see
   * {@code docs/store.md}), then one line per row; SQL NULL (NaN) as an empty cell, numbers in
   * Java's shortest round-trip form, text quoted when it holds a comma, quote or line break.
   *
   * @param query the query, not null
   * @param file the file (created or overwritten), UTF-8
   * @return the number of data rows written
   * @throws UncheckedIOException if writing fails
   * @throws StoreException if the database fails
   */
  public int exportCsv(StoreQuery query, Path file) {
    Checks.notNull(file, "file");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      return exportCsv(query, w);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the rows of {@code query} as CSV to {@code out} (not closed), as
   * {@link #exportCsv(StoreQuery, Path)}.
   *
   * @param query the query, not null
   * @param out where to write, not null
   * @return the number of data rows written
   * @throws UncheckedIOException if writing fails
   * @throws StoreException if the database fails
   */
  public int exportCsv(StoreQuery query, Writer out) {
    Checks.notNull(query, "query");
    Checks.notNull(out, "out");
    QuerySql sql = query instanceof RunQuery r ? QuerySql.of(r) : QuerySql.of((SweepQuery) query);
    return read(c -> Optional.of(CsvExport.write(c, sql, out))).orElseThrow();
  }

  /**
   * A SHA-256 fingerprint (64 hex digits) of numeric inputs, e.g. the expected returns and the
   * rows of the covariance matrix of an optimisation: equal inputs (bit for bit, in the same order
   * and shapes) give equal fingerprints.
   *
   * @param parts the arrays, not null, none null
   * @return the fingerprint, lower-case hex
   */
  public static String fingerprint(double[]... parts) {
    Checks.notNull(parts, "parts");
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer b = ByteBuffer.allocate(8);
      md.update(b.putLong(0, parts.length).array());
      for (int i = 0; i < parts.length; i++) {
        double[] p = Checks.notNull(parts[i], "parts[" + i + "]");
        md.update(b.putLong(0, p.length).array());
        for (double v : p) {
          md.update(b.putLong(0, Double.doubleToLongBits(v)).array());
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Closes the store: an H2 store releases its file (or, in memory, is dropped); a store on the
   * caller's data source leaves it open.
   */
  @Override
  public void close() {
    onClose.run();
  }

  @Override
  public String toString() {
    return "ResultStore " + description + ", schema version " + schemaVersion;
  }

  // ------------------------------------------------------------------ transactions

  /** Work inside a transaction. */
  @FunctionalInterface
  private interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /** A read. */
  @FunctionalInterface
  private interface SqlRead<T> {
    Optional<T> run(Connection c) throws SQLException;
  }

  private static void batchId(String id) {
    Checks.notNull(id, "batchId");
    if (id.isBlank() || id.length() > 100) {
      throw new IllegalArgumentException("Expected batchId of 1 to 100 characters, not blank, but "
          + "found '" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "' ("
          + id.length() + " characters)");
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private <T> Optional<T> read(SqlRead<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("Read from the store " + description + " failed: "
          + e.getMessage(), e);
    }
  }

  private String transaction(String table, String idColumn, String id, SqlWork work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        if (exists(c, table, idColumn, id)) {
          c.rollback();
          return id;
        }
        work.run(c);
        c.commit();
        return id;
      } catch (SQLException e) {
        rollback(c, e);
        if (Jdbc.isDuplicate(e) && exists(c, table, idColumn, id)) {
          c.rollback();
          return id; // another thread or process saved the same id first
        }
        throw new StoreException("Saving '" + id + "' in " + table + " failed, nothing of it "
            + "is stored: " + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      } finally {
        try {
          c.setAutoCommit(auto);
        } catch (SQLException ignored) {
          // the connection is closed next
        }
      }
    } catch (SQLException e) {
      throw new StoreException("Saving '" + id + "' in " + table + " failed, nothing of it is "
          + "stored: " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException r) {
      cause.addSuppressed(r);
    }
  }

  private static boolean exists(Connection c, String table, String idColumn, String id)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE "
        + idColumn + " = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
