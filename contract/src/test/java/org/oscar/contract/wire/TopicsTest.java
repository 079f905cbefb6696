package org.oscar.contract.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void parsesDeviceAndUnitTopics() {
    assertThat(Topics.parse("oscar/v1/dev/SURV_1/sos"))
        .contains(new TopicAddress(DeviceClass.PANIC, "SURV_1", "sos"));
    assertThat(Topics.parse("oscar/v1/unit/PCR-7/pos"))
        .contains(new TopicAddress(DeviceClass.UNIT, "PCR-7", "pos"));
  }

  @Test
  void refusesTopicsOfAnotherShape() {
    assertThat(Topics.parse("oscar/v1/dev/SURV-1")).isEmpty();
    assertThat(Topics.parse("oscar/v1/dev/SURV-1/sos/extra")).isEmpty();
    assertThat(Topics.parse("oscar/v2/dev/SURV-1/sos")).isEmpty();
    assertThat(Topics.parse("oscar/v1/car/SURV-1/sos")).isEmpty();
    assertThat(Topics.parse("oscar/v1/dev/" + "a".repeat(65) + "/sos")).isEmpty();
    assertThat(Topics.parse("oscar/v1/dev/+/sos")).isEmpty();
  }

  @Test
  void buildsOnlyTopicsForValidIds() {
    assertThat(Topics.unit("PCR-1", Topics.TASK)).isEqualTo("oscar/v1/unit/PCR-1/task");
    assertThatThrownBy(() -> Topics.device("a/b", Topics.NOTICE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
