package io.github.quantfolio.store;

/**
 * The store was written by a newer version of Quantfolio (its schema holds migrations this
 * library does not know), so it is refused rather than misread; the store is left unchanged.
 *
 * @since 0.1.0
 */
public final class StoreVersionException extends StoreException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message that names both schema versions.
   *
   * @param message the store's schema version and the newest this library reads
   */
  public StoreVersionException(String message) {
    super(message, null);
  }
}
