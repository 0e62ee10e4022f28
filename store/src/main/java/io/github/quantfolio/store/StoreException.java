package io.github.quantfolio.store;

/**
 * A database operation of the {@link ResultStore} failed (connection, SQL, constraint other than
 * a duplicate run id). The transaction it was part of was rolled back: nothing of the failed save
 * is stored. The cause is the driver's exception.
 *
 * @since 0.1.0
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message and the driver's exception.
   *
   * @param message what failed, naming the run and the table
   * @param cause the driver's exception, may be null
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
