package io.github.quantfolio.bench;

import io.github.quantfolio.core.PriceFrame;
import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.TimeIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Wide-CSV reading: a 10-year x 500-asset daily price file (2,520 rows), read and turned into
 * returns, and a 1,000,000-row x 10-column file, read. The files are written once per trial by
 * {@link PriceFrame#writeCsv(Path)} from a seeded random walk, so values have Java's shortest
 * round-trip form (typically 15-17 significant digits, the slow case for number parsing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CsvBenchmark {

  /** "rows x assets". */
  @Param({"2520x500", "1000000x10"})
  public String shape;

  private Path file;

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    String[] parts = shape.split("x");
    int rows = Integer.parseInt(parts[0]);
    int assets = Integer.parseInt(parts[1]);
    SplittableRandom rnd = new SplittableRandom(42);
    List<String> names = new ArrayList<>();
    double[][] cols = new double[assets][rows];
    for (int a = 0; a < assets; a++) {
      names.add(String.format("A%03d", a));
      double p = 50 + 100 * rnd.nextDouble();
      for (int t = 0; t < rows; t++) {
        p *= Math.exp(0.02 * (rnd.nextDouble() - 0.5));
        cols[a][t] = p;
      }
    }
    // 1M daily rows would run past year 4700; the index only needs to be increasing.
    TimeIndex index = TimeIndex.businessDays(LocalDate.of(1990, 1, 1), rows);
    file = Files.createTempFile("quantfolio-bench-", ".csv");
    PriceFrame.of(index, names, cols).writeCsv(file);
  }

  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public PriceFrame readCsv() {
    return PriceFrame.readCsv(file);
  }

  @Benchmark
  public ReturnFrame readCsvAndReturns() {
    return PriceFrame.readCsv(file).returns();
  }
}
