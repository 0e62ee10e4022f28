package io.github.quantfolio.spark.internal;

import io.github.quantfolio.backtest.JobBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Java serialization of batches and results into byte arrays. Spark then moves only bytes, so
 * the batch travels in its own serialized form whatever the cluster's {@code spark.serializer},
 * and each executor JVM deserializes a broadcast batch once ({@link #batch}).
 */
public final class Wire {

  /**
   * Deserialized batches by the identity of their broadcast bytes (arrays compare by identity).
   * Spark hands every task of an executor the same byte array for a broadcast, so the batch is
   * deserialized once per JVM; when Spark drops the bytes, the entry goes with them (weak keys).
   * Keying by the bytes, not the broadcast id, means a later Spark context in the same JVM, whose
   * ids start again at 0, can never be handed an earlier context's batch.
   */
  private static final Map<byte[], JobBatch<?>> BATCHES = new WeakHashMap<>();

  private Wire() {
  }

  /**
   * The bytes of {@code o}.
   *
   * @throws IllegalArgumentException naming the class that is not serializable
   */
  public static byte[] toBytes(Serializable o, String what) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(what + " cannot be sent to Spark executors: "
          + e.getMessage() + " is not java.io.Serializable. Parameter sets must be serializable "
          + "(e.g. a record that implements Serializable, or int[]), and so must the function "
          + "that builds a strategy (e.g. a lambda cast to (Function<P, Strategy> & "
          + "Serializable))", e);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serialize " + what + ": " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /** The object written by {@link #toBytes}, resolving classes with the context class loader. */
  public static Object fromBytes(byte[] b) {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(b))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot deserialize: " + e, e);
    }
  }

  /**
   * The batch serialized in {@code bytes}, deserialized once per JVM and byte array (tasks of one
   * executor share it, so jobs must be thread-safe, which the batch contract says).
   */
  public static JobBatch<?> batch(byte[] bytes) {
    synchronized (BATCHES) {
      JobBatch<?> b = BATCHES.get(bytes);
      if (b == null) {
        b = (JobBatch<?>) fromBytes(bytes);
        BATCHES.put(bytes, b);
      }
      return b;
    }
  }

  /** Resolves classes with the thread's context loader: Spark puts the job jar there. */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(ByteArrayInputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      if (cl != null) {
        try {
          return Class.forName(desc.getName(), false, cl);
        } catch (ClassNotFoundException e) {
          // fall back to the default resolution (primitives, bootstrap classes)
        }
      }
      return super.resolveClass(desc);
    }
  }
}
