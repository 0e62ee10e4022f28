/**
 * JMH benchmarks of Quantfolio, with side-by-side peers where the issue asks for them. Not a
 * library. Build with {@code mvn -B -DskipTests -pl bench -am package}, run with
 * {@code java -jar bench/target/benchmarks.jar [regex]}; results and the commands used are in
 * {@code docs/performance.md}. Benchmarks assert nothing: tests check results.
 */
package io.github.quantfolio.bench;
