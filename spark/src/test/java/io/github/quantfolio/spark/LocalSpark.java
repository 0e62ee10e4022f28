package io.github.quantfolio.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark context of a test class: local, UI off, driver bound to 127.0.0.1. */
public final class LocalSpark {

  private LocalSpark() {
  }

  /** A context on {@code master} (e.g. {@code local[2]}, or {@code local[2,2]} for retries). */
  public static JavaSparkContext start(String master, String app) {
    SparkConf conf = new SparkConf().setMaster(master).setAppName(app)
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        // tests never write event logs or ask a history server; keep shuffle files in target/
        .set("spark.eventLog.enabled", "false")
        .set("spark.local.dir", "target/spark-local");
    return new JavaSparkContext(conf);
  }
}
