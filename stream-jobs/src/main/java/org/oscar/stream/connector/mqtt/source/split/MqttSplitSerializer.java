package org.oscar.stream.connector.mqtt.source.split;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned binary form of {@link MqttSplit} for checkpoints. */
public final class MqttSplitSerializer implements SimpleVersionedSerializer<MqttSplit> {
  public static final int VERSION = 2;

  /** Before a source could hold several brokers and readers: one split, on the source's broker. */
  static final int VERSION_ONE_BROKER = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(MqttSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(split, out);
    }
    return bytes.toByteArray();
  }

  @Override
  public MqttSplit deserialize(int version, byte[] serialized) throws IOException {
    checkVersion(version);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      return read(in, version);
    }
  }

  private static void checkVersion(int version) throws IOException {
    if (version != VERSION && version != VERSION_ONE_BROKER) {
      throw new IOException("unknown MqttSplit version " + version);
    }
  }

  static void write(MqttSplit split, DataOutputStream out) throws IOException {
    out.writeUTF(split.splitId());
    out.writeInt(split.index());
    out.writeUTF(split.brokerUrl() == null ? "" : split.brokerUrl());
    out.writeUTF(split.clientId());
    out.writeInt(split.topicFilters().size());
    for (String f : split.topicFilters()) {
      out.writeUTF(f);
    }
    out.writeBoolean(split.ordered());
  }

  static MqttSplit read(DataInputStream in, int version) throws IOException {
    String id = in.readUTF();
    int index = version == VERSION_ONE_BROKER ? 0 : in.readInt();
    // A version-1 split is on the source's own broker (null: the reader's connection).
    String broker = version == VERSION_ONE_BROKER ? "" : in.readUTF();
    String clientId = in.readUTF();
    int n = in.readInt();
    List<String> filters = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      filters.add(in.readUTF());
    }
    // A version-1 split held every filter of the source in one session: in order.
    boolean ordered = version == VERSION_ONE_BROKER || in.readBoolean();
    return new MqttSplit(id, index, broker.isEmpty() ? null : broker, clientId, filters, ordered);
  }

  /** The enumerator's checkpoint is a list of splits not yet handed to a reader. */
  public static final class ListSerializer implements SimpleVersionedSerializer<List<MqttSplit>> {
    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(List<MqttSplit> splits) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(splits.size());
        for (MqttSplit s : splits) {
          write(s, out);
        }
      }
      return bytes.toByteArray();
    }

    @Override
    public List<MqttSplit> deserialize(int version, byte[] serialized) throws IOException {
      checkVersion(version);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        int n = in.readInt();
        List<MqttSplit> splits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          splits.add(read(in, version));
        }
        return splits;
      }
    }
  }
}
