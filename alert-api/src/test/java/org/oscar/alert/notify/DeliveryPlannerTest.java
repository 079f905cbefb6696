package org.oscar.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oscar.alert.TestIncidents;
import org.oscar.alert.notify.channel.ChannelOutcome;
import org.oscar.alert.notify.channel.NotificationChannel;
import org.oscar.alert.notify.contact.OfficialsDirectory;
import org.oscar.alert.notify.delivery.Delivery;
import org.oscar.alert.notify.delivery.DeliveryPlanner;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.AlertKind;
import org.oscar.contract.alert.DeliveryStatus;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.region.Contact;

class DeliveryPlannerTest {
  private static final String SHO = "SHO:Capital Police Station";
  private final OfficialsDirectory officials =
      OfficialsDirectory.of(
          Map.of(
              SHO,
              new Contact("Inspector A", "+910000000101", "sho@example.in"),
              "SP:Khordha",
              new Contact("SP B", null, "sp@example.in")));
  private final DeliveryPlanner planner =
      new DeliveryPlanner(
          officials,
          List.of(channel("SMS", true), channel("EMAIL", false)),
          "https://oscar/#/incidents/");
  private final AlertEvent event =
      AlertEvent.of(
          AlertKind.ESCALATED,
          "ESCALATION-2",
          List.of("SHO"),
          "no progress for 180 s",
          TestIncidents.open("INC-SURV-1-1", "Capital Police Station"));

  @Test
  void queuesOneDeliveryPerChannelThatReachesTheOfficialWithAStableId() {
    DeliveryPlanner.Plan plan = planner.plan(event, record(SHO, "SHO"));

    assertThat(plan.deliveries())
        .extracting(Delivery::deliveryId)
        .containsExactly(
            "INC-SURV-1-1:SHO:ESCALATION-2:SMS", "INC-SURV-1-1:SHO:ESCALATION-2:EMAIL");
    assertThat(plan.receipts()).extracting(r -> r.status()).containsOnly(DeliveryStatus.QUEUED);
  }

  @Test
  void theMessageNamesThePlaceAndTheCaseLinkButNotTheCoordinates() {
    String text = planner.plan(event, record(SHO, "SHO")).deliveries().get(0).text();

    assertThat(text)
        .contains("INC-SURV-1-1", "Capital Police Station, Khordha", "no progress for 180 s")
        .contains("https://oscar/#/incidents/INC-SURV-1-1")
        .doesNotContain("20.26", "85.82", "+91");
  }

  @Test
  void anOfficialNoChannelReachesOrWithoutContactIsAFailureOnRecord() {
    DeliveryPlanner.Plan smsOnlyForEmailOnly = planner.plan(event, record("SP:Khordha", "SP"));
    DeliveryPlanner.Plan nobody = planner.plan(event, record("DM:Khordha", "DM"));

    assertThat(smsOnlyForEmailOnly.deliveries())
        .extracting(Delivery::channel)
        .containsExactly("EMAIL");
    assertThat(nobody.deliveries()).isEmpty();
    assertThat(nobody.receipts())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED);
              assertThat(r.detail()).isEqualTo("no contact on file for this post");
            });
  }

  @Test
  void theOfficialsFileIsCheckedAtStartUp() {
    assertThatThrownBy(() -> OfficialsDirectory.of(Map.of(SHO, new Contact("A", "98765", null))))
        .hasMessageContaining("phone");
    assertThatThrownBy(() -> OfficialsDirectory.of(Map.of(SHO, new Contact("A", null, null))))
        .hasMessageContaining("phone or an e-mail");
    assertThat(new Contact("A", "+910000000101", "a@b.in").toString()).doesNotContain("+91", "a@b");
  }

  private static NotificationRecord record(String official, String role) {
    return new NotificationRecord(
        "INC-SURV-1-1",
        role,
        "ESCALATION-2",
        official,
        "Capital Police Station",
        "LEDGER",
        "RECORDED",
        5L);
  }

  /** A channel by name and what it reaches; never sent over in these tests. */
  private static NotificationChannel channel(String name, boolean phone) {
    return new NotificationChannel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean reaches(Contact c) {
        return phone ? c.hasPhone() : c.hasEmail();
      }

      @Override
      public Future<ChannelOutcome> send(Delivery d, Contact c) {
        throw new UnsupportedOperationException("planning only");
      }
    };
  }
}
