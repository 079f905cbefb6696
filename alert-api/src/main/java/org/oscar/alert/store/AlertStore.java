package org.oscar.alert.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oscar.alert.notify.delivery.Delivery;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.NotificationRecord;

/**
 * What the API keeps and reads: notifications, their deliveries (the outbox) and the receipts.
 * Blocking: call it off the event loop.
 */
public interface AlertStore extends AutoCloseable {
  /** The incident's live-state JSON as the stream job wrote it. */
  Optional<String> incidentJson(String incidentId);

  /**
   * Emergencies from AIS-140 trackers no device is bound to, shown to the region's control room
   * ({@code UnregisteredEmergencyView} JSON), each for an hour after its last frame.
   */
  List<String> unregisteredEmergencyJsons(String region);

  /** One of those, by the tracker's IMEI. */
  Optional<String> unregisteredEmergencyJson(String region, String imei);

  /** The number a panic device's owner asked to be called back on, if she gave one. */
  Optional<String> callBackOf(String deviceId);

  /** Live-state JSON of the region's open incidents. */
  List<String> openIncidentJsons(String region);

  /** The region's units as the stream job wrote them (id, kind, status, lat, lon, online, …). */
  List<Map<String, String>> units(String region);

  /** One unit's live state, with its id; empty if none. */
  Optional<Map<String, String>> unit(String unitId);

  /** A device of the registry (provisioned by the device gateway), if there is one by that id. */
  Optional<org.oscar.contract.registry.DeviceRecord> device(String deviceId);

  /**
   * Records a notification and queues its deliveries (with their first receipts), all at once,
   * unless one with the same (incident, role, level) exists.
   *
   * @return true if recorded now, false if it was already there (a resend)
   */
  boolean recordOnce(
      NotificationRecord record, List<Delivery> deliveries, List<DeliveryReceipt> receipts);

  List<NotificationRecord> notifications(String incidentId);

  /**
   * Takes up to {@code max} deliveries that are due, leasing each until {@code leaseUntil}: nobody
   * else takes them before then, and if this process dies they are due again after it.
   */
  List<Delivery> claimDue(long now, long leaseUntil, int max);

  /**
   * Records an attempt's receipt and the delivery as it now is; due again at {@code nextAttemptAt},
   * or finished if that is null.
   */
  void settle(Delivery delivery, DeliveryReceipt receipt, Long nextAttemptAt);

  Optional<Delivery> delivery(String deliveryId);

  /** Appends a receipt that came later (a provider's delivery report). */
  void addReceipt(DeliveryReceipt receipt);

  List<DeliveryReceipt> receipts(String incidentId);

  /**
   * Removes the survivor's position from every stored incident {@code due} says is past its
   * retention (and not purged yet), marking it {@code purgedAt}; returns how many.
   */
  int purgePositions(
      java.util.function.Predicate<org.oscar.contract.live.IncidentView> due, long now);

  /** Open incidents per region, as live state has them. */
  Map<String, Long> openIncidentCounts();

  /** Appends to the audit trail, overall and the incident's own. */
  void audit(AuditEntry entry);

  List<AuditEntry> audit(String incidentId);

  /** The job's reports of one sink's backlog ({@code DeliveryBacklog} JSON), one per instance. */
  List<String> deliveryBacklogJsons(String sink);

  /** What one of the job's sinks gave up on: id → {@code DeadLetter} JSON. */
  Map<String, String> deadLetterJsons(String sink);

  /** How many dead letters one of the job's sinks holds. */
  long deadLetterCount(String sink);

  /** Removes a dead letter once it was re-sent and taken; false if it was not there. */
  boolean removeDeadLetter(String sink, String id);

  @Override
  void close();
}
