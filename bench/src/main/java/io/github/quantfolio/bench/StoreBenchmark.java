package io.github.quantfolio.bench;

import io.github.quantfolio.backtest.Backtest;
import io.github.quantfolio.backtest.BacktestResult;
import io.github.quantfolio.backtest.SmaCrossover;
import io.github.quantfolio.backtest.SweepMetrics;
import io.github.quantfolio.backtest.SweepRow;
import io.github.quantfolio.core.MarketSimulator;
import io.github.quantfolio.store.ResultStore;
import io.github.quantfolio.store.RunTag;
import io.github.quantfolio.store.StoredBacktest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The results store's speed targets: saving a sweep of 10,000 rows (one transaction, batched)
 * within 1 s on H2 and 2 s on PostgreSQL, and loading a 10-year daily backtest (2,520 equity
 * points, its trades and report) within 20 ms.
 *
 * <p>{@code db=h2} is an H2 file in a temporary directory. {@code db=postgres} needs a server:
 * {@code -Dquantfolio.bench.pg=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} (the
 * tables are created in its current schema); without it those benchmarks fail at set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class StoreBenchmark {

  /** Rows per saved sweep. */
  static final int ROWS = 10_000;

  @Param({"h2", "postgres"})
  public String db;

  private Path dir;
  private ResultStore store;
  private List<SweepRow<SmaCrossover>> rows;
  private String tenYears;
  private final AtomicLong ids = new AtomicLong();
  private final String prefix = Long.toHexString(System.nanoTime());

  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    if (db.equals("h2")) {
      dir = Files.createTempDirectory("quantfolio-bench");
      store = ResultStore.h2(dir.resolve("bench"));
    } else {
      String url = System.getProperty("quantfolio.bench.pg");
      if (url == null) {
        throw new IllegalStateException("db=postgres needs -Dquantfolio.bench.pg=<JDBC URL>");
      }
      try (Connection c = DriverManager.getConnection(url)) {
        c.isValid(1); // fail early with the driver's message
      }
      store = ResultStore.of(new UrlDataSource(url)); // a connection per call, as a plain pool

    }
    // 10,000 rows: 2,500 SMA pairs x 4 assets with varied metrics
    SplittableRandom rnd = new SplittableRandom(3);
    rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      int fast = 2 + (i / 4) % 50;
      int slow = fast + 1 + (i / 200);
      double sharpe = rnd.nextDouble(-1, 2);
      rows.add(new SweepRow<>(new SmaCrossover(fast, slow), "A0" + (i % 4), new SweepMetrics(
          rnd.nextDouble(-0.5, 2), rnd.nextDouble(-0.1, 0.3), rnd.nextDouble(0.1, 0.4), sharpe,
          sharpe * 1.3, -rnd.nextDouble(0.05, 0.6), rnd.nextDouble(0, 3), rnd.nextInt(200),
          rnd.nextDouble(), rnd.nextDouble(), 2520, 0.02, false), null));
    }
    // a 10-year daily backtest: 2,520 bars
    BacktestResult r = Backtest.of(MarketSimulator.defaultMarket().bars("A01"))
        .run(new SmaCrossover(20, 100));
    tenYears = store.save(RunTag.of(prefix + "-ten-years", "SMA", null), r);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    if (dir != null) {
      try (var files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  /** A data source on {@code DriverManager}: each call opens a connection (no pool). */
  private static final class UrlDataSource implements DataSource {
    private final String url;

    UrlDataSource(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getLogger("io.github.quantfolio.bench");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  /** Saves the 10,000-row sweep under a new id (one transaction, batches of 1,000). */
  @Benchmark
  public String saveSweep10k() {
    return store.saveSweep(RunTag.of(prefix + "-sweep-" + ids.incrementAndGet(), "SMA", null),
        rows, 0.5);
  }

  /** Loads the 10-year backtest: summary, 2,520 equity points as a frame, trades, report. */
  @Benchmark
  public StoredBacktest loadTenYearEquity() {
    return store.loadBacktest(tenYears).orElseThrow();
  }
}
