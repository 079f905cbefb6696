package org.oscar.stream.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.region.RegionCatalog;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;

class RegionPlacementTest {
  private static final RegionCatalog ODISHA = TestRegions.odisha();
  private static final double[] CUTTACK_TOWN = {20.465, 85.879};
  private static final double[] CAPITAL = {20.265367, 85.828033};

  private static DeviceEvent.Builder event(EventKind kind, DeviceKind device, String region) {
    return new DeviceEvent.Builder(kind, "DEV-1", device, region).timing(1, 1, 1);
  }

  @Test
  void aPressIsServedByTheDistrictSheIsInNotTheOneHerDeviceWasRegisteredIn() {
    Decoded<DeviceEvent> d =
        RegionPlacement.place(
            event(EventKind.SOS, DeviceKind.PANIC, "khordha")
                .at(CUTTACK_TOWN[0], CUTTACK_TOWN[1])
                .build(),
            ODISHA);

    assertThat(d.value().region()).isEqualTo("cuttack");
    assertThat(d.value().dispatchRegion()).isEqualTo("odisha");
  }

  @Test
  void aPressAtHomeStaysHome() {
    DeviceEvent e =
        RegionPlacement.place(
                event(EventKind.SOS, DeviceKind.PANIC, "khordha")
                    .at(CAPITAL[0], CAPITAL[1])
                    .build(),
                ODISHA)
            .value();

    assertThat(e.region()).isEqualTo("khordha");
  }

  @Test
  void aPressOutsideEveryRegionOrWithoutAPositionStaysWithHerDevicesRegion() {
    assertThat(
            RegionPlacement.place(
                    event(EventKind.SOS, DeviceKind.PANIC, "puri").at(19.5, 86.5).build(), ODISHA)
                .value()
                .region())
        .isEqualTo("puri");
    assertThat(
            RegionPlacement.place(
                    event(EventKind.SOS, DeviceKind.PANIC, "puri").noPosition().build(), ODISHA)
                .value()
                .region())
        .isEqualTo("puri");
  }

  @Test
  void aUnitBelongsToItsOwnDistrictWhereverItIs() {
    DeviceEvent e =
        RegionPlacement.place(
                event(EventKind.UNIT_POSITION, DeviceKind.POLICE, "khordha")
                    .at(CUTTACK_TOWN[0], CUTTACK_TOWN[1])
                    .build(),
                ODISHA)
            .value();

    assertThat(e.region()).isEqualTo("khordha");
    assertThat(e.dispatchRegion()).isEqualTo("odisha");
  }

  @Test
  void anOperatorsCaseBelongsToTheRegionTheCommandWasFor() {
    DeviceEvent e =
        RegionPlacement.place(
                event(EventKind.OPERATOR, DeviceKind.PANIC, "khordha")
                    .at(CUTTACK_TOWN[0], CUTTACK_TOWN[1])
                    .operator(OperatorAction.OPEN, "control.khordha", null, null)
                    .build(),
                ODISHA)
            .value();

    assertThat(e.region()).isEqualTo("khordha");
  }

  @Test
  void aDeviceOrCommandOfARegionWithoutABundleIsRefused() {
    Decoded<DeviceEvent> unit =
        RegionPlacement.place(
            event(EventKind.UNIT_POSITION, DeviceKind.POLICE, "bhubaneswar")
                .at(CAPITAL[0], CAPITAL[1])
                .build(),
            ODISHA);
    Decoded<DeviceEvent> pressWithoutPlace =
        RegionPlacement.place(
            event(EventKind.SOS, DeviceKind.PANIC, "bhubaneswar").noPosition().build(), ODISHA);

    assertThat(unit.reason()).isEqualTo(RejectReason.UNKNOWN_REGION);
    assertThat(pressWithoutPlace.reason()).isEqualTo(RejectReason.UNKNOWN_REGION);
  }

  @Test
  void aPressFromADeviceOfAnUnservedRegionIsServedWhereSheIs() {
    DeviceEvent e =
        RegionPlacement.place(
                event(EventKind.SOS, DeviceKind.PANIC, "bhubaneswar")
                    .at(CAPITAL[0], CAPITAL[1])
                    .build(),
                ODISHA)
            .value();

    assertThat(e.region()).isEqualTo("khordha");
  }
}
