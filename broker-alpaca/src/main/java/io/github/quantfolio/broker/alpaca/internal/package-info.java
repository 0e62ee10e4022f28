/**
 * Implementation of the Alpaca broker: HTTP with retries, strict JSON reading, the mapping of
 * Alpaca's order objects. <b>Not public API: may change without notice.</b>
 */
package io.github.quantfolio.broker.alpaca.internal;
