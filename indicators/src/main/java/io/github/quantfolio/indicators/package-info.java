/**
 * Technical indicators (batch functions on primitive arrays and O(1) streaming twins, TA-Lib
 * conventions) and market regime detection. The module's content lands with its own issue; this
 * package currently holds no public types.
 *
 * @since 0.1.0
 */
package io.github.quantfolio.indicators;
