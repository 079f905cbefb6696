package org.oscar.alert.responder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MqttConnectPacketTest {

  /**
   * An MQTT CONNECT as a client writes it: protocol, level, flags, keep-alive, then the payload.
   */
  private static byte[] connect(
      String protocol, int level, String clientId, String will, String user) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    string(body, protocol);
    body.write(level);
    int flags = 0x02 | (will != null ? 0x04 : 0) | (user != null ? 0xC0 : 0);
    body.write(flags);
    body.write(0);
    body.write(20);
    string(body, clientId);
    if (will != null) {
      string(body, "oscar/v1/unit/x/online");
      string(body, will);
    }
    if (user != null) {
      string(body, user);
      string(body, "the-secret");
    }
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0x10);
    int n = body.size();
    do {
      int digit = n % 128;
      n /= 128;
      packet.write(n > 0 ? digit | 0x80 : digit);
    } while (n > 0);
    packet.writeBytes(body.toByteArray());
    return packet.toByteArray();
  }

  private static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b.length >> 8);
    out.write(b.length & 0xFF);
    out.writeBytes(b);
  }

  @Test
  void aUnitsConnectGivesItsClientIdAndUserNameAndItsLength() {
    byte[] c = connect("MQTT", 4, "web-PCR-1", "{\"online\":false}", "PCR-1");

    MqttConnectPacket.Read read = MqttConnectPacket.read(c);

    assertThat(read).isInstanceOf(MqttConnectPacket.Complete.class);
    MqttConnectPacket.Complete complete = (MqttConnectPacket.Complete) read;
    assertThat(complete.packet()).isEqualTo(new MqttConnectPacket("web-PCR-1", "PCR-1"));
    assertThat(complete.length()).isEqualTo(c.length);
    assertThat(complete.packet().unitId()).contains("PCR-1");
  }

  @Test
  void aClientIdThatIsNotTheUnitsOwnNamesNoUnit() {
    assertThat(new MqttConnectPacket("oscar-pipeline-events", "PCR-1").unitId()).isEmpty();
    assertThat(new MqttConnectPacket("web-PCR-2", "PCR-1").unitId()).isEmpty();
  }

  @Test
  void aPacketArrivingInPiecesIsIncompleteUntilItsLastByte() {
    byte[] c = connect("MQTT", 4, "web-PCR-1", null, "PCR-1");
    for (int n = 0; n < c.length; n++) {
      assertThat(MqttConnectPacket.read(Arrays.copyOf(c, n)))
          .as("%d of %d bytes", n, c.length)
          .isInstanceOf(MqttConnectPacket.Incomplete.class);
    }
  }

  @Test
  void whatIsNotAUnitsLoginIsRefusedWithItsReason() {
    assertThat(MqttConnectPacket.read(new byte[] {0x30, 0x02, 0, 0}))
        .isEqualTo(new MqttConnectPacket.Refused("not_connect"));
    assertThat(MqttConnectPacket.read(connect("MQTT", 4, "web-PCR-1", null, null)))
        .isEqualTo(new MqttConnectPacket.Refused("no_username"));
    assertThat(MqttConnectPacket.read(connect("MQTT", 5, "web-PCR-1", null, "PCR-1")))
        .isEqualTo(new MqttConnectPacket.Refused("unsupported_protocol"));
    assertThat(MqttConnectPacket.read(new byte[] {0x10, (byte) 0xFF, (byte) 0xFF, 0x7F}))
        .isEqualTo(new MqttConnectPacket.Refused("too_large"));
    assertThat(MqttConnectPacket.read(new byte[] {0x10, 0x04, 0x00, 0x09, 'M', 'Q'}))
        .isEqualTo(new MqttConnectPacket.Refused("malformed"));
  }

  @Test
  void mqtt31IsReadToo() {
    assertThat(MqttConnectPacket.read(connect("MQIsdp", 3, "web-PCR-1", null, "PCR-1")))
        .isInstanceOf(MqttConnectPacket.Complete.class);
  }
}
