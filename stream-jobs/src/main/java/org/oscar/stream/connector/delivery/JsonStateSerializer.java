package org.oscar.stream.connector.delivery;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.oscar.contract.codec.Json;

/** Checkpointed pending elements as versioned JSON (records of the wire contract). */
public final class JsonStateSerializer<T> implements SimpleVersionedSerializer<T>, Serializable {
  public static final int VERSION = 1;
  private final Class<T> type;

  public JsonStateSerializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(T element) {
    return Json.toBytes(element);
  }

  @Override
  public T deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown " + type.getSimpleName() + " state version " + version);
    }
    return Json.fromBytes(serialized, type);
  }
}
