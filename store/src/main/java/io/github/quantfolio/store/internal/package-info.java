/**
 * Internals of the results store (JSON codec, JDBC helpers, schema migration, SQL of the
 * queries). May change without notice: use {@link io.github.quantfolio.store.ResultStore}.
 */
package io.github.quantfolio.store.internal;
