/**
 * Kernels and third-party adapters of the risk module (blocked cross products, EJML eigen
 * decomposition, Hipparchus normal distribution). <b>Not public API: may change without
 * notice</b>; other Quantfolio modules may use it, applications should not.
 */
package io.github.quantfolio.risk.internal;
