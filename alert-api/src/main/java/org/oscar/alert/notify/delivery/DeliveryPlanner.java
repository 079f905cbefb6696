package org.oscar.alert.notify.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.oscar.alert.notify.channel.NotificationChannel;
import org.oscar.alert.notify.contact.OfficialsDirectory;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;
import org.oscar.contract.alert.NotificationRecord;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.region.Contact;

/**
 * Which deliveries a notification needs: one per channel that reaches the official's contact. An
 * official nobody can reach is not silently skipped: the notification gets a FAILED receipt saying
 * so, which the control room sees. Pure.
 */
public final class DeliveryPlanner {
  private final OfficialsDirectory officials;
  private final List<NotificationChannel> channels;
  private final String caseUrlPrefix;

  /** {@code caseUrlPrefix}: where officials open a case, the incident id appended. */
  public DeliveryPlanner(
      OfficialsDirectory officials, List<NotificationChannel> channels, String caseUrlPrefix) {
    this.officials = officials;
    this.channels = List.copyOf(channels);
    this.caseUrlPrefix = caseUrlPrefix;
  }

  /** The deliveries to queue and their first receipts. */
  public Plan plan(AlertEvent event, NotificationRecord r) {
    return plan(
        new Message(
            r.incidentId(),
            r.officialId(),
            r.level(),
            subject(event),
            text(event, r),
            r.recordedAt()),
        channel -> Delivery.idOf(r.incidentId(), r.role(), r.level(), channel));
  }

  /**
   * The deliveries of any message to a post (an alert, a case notice): one per channel reaching the
   * post's contact, or a FAILED receipt saying why there is none. {@code idFor} gives each
   * channel's delivery id, which is also its idempotency key at the provider.
   */
  public Plan plan(Message m, Function<String, String> idFor) {
    List<Delivery> deliveries = new ArrayList<>();
    List<DeliveryReceipt> receipts = new ArrayList<>();
    Optional<Contact> contact = officials.contactOf(m.post());
    for (NotificationChannel c : channels) {
      if (contact.isPresent() && c.reaches(contact.get())) {
        String id = idFor.apply(c.name());
        deliveries.add(
            new Delivery(
                id,
                m.subjectId(),
                m.post(),
                m.level(),
                c.name(),
                m.subject(),
                m.text(),
                0,
                m.at()));
        receipts.add(receipt(id, m, c.name(), DeliveryStatus.QUEUED, "queued"));
      }
    }
    if (deliveries.isEmpty()) {
      String why = contact.isEmpty() ? "no contact on file for this post" : "no channel reaches it";
      receipts.add(receipt(idFor.apply("NONE"), m, "NONE", DeliveryStatus.FAILED, why));
    }
    return new Plan(deliveries, receipts);
  }

  private static DeliveryReceipt receipt(
      String id, Message m, String channel, DeliveryStatus status, String detail) {
    return new DeliveryReceipt(
        id, m.subjectId(), m.post(), m.level(), channel, status, 0, m.at(), detail);
  }

  static String subject(AlertEvent e) {
    return "OSCAR " + e.kind() + ": " + e.incident().incidentId();
  }

  /**
   * What the official reads. The place is named by police jurisdiction and district, not
   * coordinates: the exact position is behind the authenticated case link.
   */
  String text(AlertEvent e, NotificationRecord r) {
    IncidentView inc = e.incident();
    String place =
        inc.locationUnknown()
            ? "location not yet known"
            : inc.jurisdiction() == null
                ? "outside known jurisdictions"
                : inc.jurisdiction() + (inc.district() == null ? "" : ", " + inc.district());
    String why = e.reason() == null || e.reason().isBlank() ? "" : " (" + e.reason() + ")";
    return "OSCAR "
        + e.kind()
        + " "
        + inc.incidentId()
        + ": woman in distress, "
        + place
        + why
        + ". You are alerted as "
        + r.officialId()
        + ". Case: "
        + caseUrlPrefix
        + inc.incidentId();
  }

  /**
   * What one post is told: {@code subjectId} is what it is about (an incident, a case), {@code
   * level} which step of it (an escalation level, a notice's cause). No contact, no coordinates.
   */
  public record Message(
      String subjectId, String post, String level, String subject, String text, long at) {}

  /** Deliveries to queue, and the receipts that go with them. */
  public record Plan(List<Delivery> deliveries, List<DeliveryReceipt> receipts) {}
}
