package org.oscar.stream.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oscar.stream.event.MqttRecord;

class ByDeviceTest {
  private final ByDevice byDevice = new ByDevice();

  @Test
  void aDevicesMessagesOfEveryKindGoToOneInstance() {
    Set<Integer> instances = new HashSet<>();
    for (String leaf : new String[] {"sos", "pos", "cancel", "online"}) {
      String key = byDevice.getKey(new MqttRecord("oscar/v1/dev/SURV-7/" + leaf, new byte[0], 0));
      assertThat(key).isEqualTo("SURV-7");
      instances.add(byDevice.partition(key, 4));
    }
    assertThat(instances).hasSize(1);
  }

  @Test
  void devicesSpreadOverTheInstances() {
    Set<Integer> instances = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      instances.add(byDevice.partition(ByDevice.deviceKey("oscar/v1/unit/PCR-" + i + "/pos"), 4));
    }
    assertThat(instances).containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void aTopicWithoutAnIdSegmentIsKeyedByItselfAndLeftToValidationToRefuse() {
    assertThat(ByDevice.deviceKey("oscar/v1")).isEqualTo("oscar/v1");
    assertThat(ByDevice.deviceKey("oscar/v1/dev")).isEqualTo("oscar/v1/dev");
    assertThat(ByDevice.deviceKey("oscar/v1/ops/bhubaneswar/command")).isEqualTo("bhubaneswar");
  }
}
