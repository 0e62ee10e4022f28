/**
 * Internal numerical kernels of the optimize module (the dense quadratic-programming solver).
 * Not API: everything here may change without notice.
 */
package io.github.quantfolio.optimize.internal;
