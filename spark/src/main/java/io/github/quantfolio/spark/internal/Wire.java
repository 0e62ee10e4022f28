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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Java serialization of batches and results into byte arrays. Spark then moves only bytes, so
 * the results do not depend on the cluster's {@code spark.serializer} (Kryo cannot rebuild
 * records), and each executor JVM deserializes a broadcast batch once ({@link #batch}).
 */
public final class Wire {

  private static final int CACHED_BATCHES = 2;
  private static final Map<Long, JobBatch<?>> BATCHES = new LinkedHashMap<>(4, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, JobBatch<?>> eldest) {
      return size() > CACHED_BATCHES;
    }
  };

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
   * The batch of broadcast {@code id}, deserialized once per JVM (the last few are kept; tasks
   * of one executor share it, so jobs must be thread-safe, which the batch contract says).
   */
  public static JobBatch<?> batch(long id, byte[] bytes) {
    synchronized (BATCHES) {
      JobBatch<?> b = BATCHES.get(id);
      if (b == null) {
        b = (JobBatch<?>) fromBytes(bytes);
        BATCHES.put(id, b);
      }
      return b;
    }
  }

  /** Drops the cached batch of broadcast {@code id} (on the driver's JVM after a run). */
  public static void forget(long id) {
    synchronized (BATCHES) {
      BATCHES.remove(id);
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
