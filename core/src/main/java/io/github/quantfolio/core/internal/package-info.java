/**
 * Implementation helpers of the core module (argument checks, CSV parsing, fast number parsing,
 * the simulator's random generator). <b>Not public API: may change without notice</b>; other
 * Quantfolio modules may use it, applications should not.
 */
package io.github.quantfolio.core.internal;
