package org.oscar.stream.dispatch.engine;

import java.util.List;
import org.oscar.contract.alert.AlertEvent;
import org.oscar.contract.live.IncidentView;
import org.oscar.contract.region.DispatchPolicy;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.contract.wire.NoticeMessage;
import org.oscar.contract.wire.OperatorAction;
import org.oscar.contract.wire.TaskAction;
import org.oscar.contract.wire.TaskMessage;
import org.oscar.contract.wire.UnitStatus;
import org.oscar.stream.dispatch.eta.StraightLineTravelTime;
import org.oscar.stream.dispatch.model.IncidentState;
import org.oscar.stream.dispatch.reference.DispatchArea;
import org.oscar.stream.dispatch.reference.RegionProfile;
import org.oscar.stream.event.CancelOutcome;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;
import org.oscar.stream.region.TestRegions;

/**
 * A Bhubaneswar region for rule tests: the engine over an in-memory book, a clock the test moves,
 * and builders for what devices say. Places are interior points of real jurisdictions.
 */
public final class RegionFixture {
  public static final String REGION = "khordha";

  /** In the Capital Police Station jurisdiction. */
  public static final double[] CAPITAL = {20.265367, 85.828033};

  /** In the Infocity Police Station jurisdiction, ~12 km north of CAPITAL. */
  public static final double[] INFOCITY = {20.374944, 85.820236};

  public final InMemoryRegionBook book = new InMemoryRegionBook();
  public final RecordingEffects out = new RecordingEffects();
  public final DispatchArea area;
  public final RegionDispatcher engine;
  private String region;
  private long now = 1_800_000_000_000L;
  private long seq;

  public RegionFixture() {
    this(TestRegions.khordha().dispatchPolicy());
  }

  public RegionFixture(DispatchPolicy policy) {
    this(TestRegions.khordhaArea(REGION, policy), REGION);
  }

  /** An engine over the regions of {@code area}; events are of {@code region} until {@link #in}. */
  public RegionFixture(DispatchArea area, String region) {
    this.area = area;
    this.region = region;
    engine = new RegionDispatcher(area, StraightLineTravelTime.defaults());
  }

  /** Later events are of this region (a unit's home, or where validation placed a press). */
  public RegionFixture in(String newRegion) {
    this.region = newRegion;
    return this;
  }

  /** The current region's profile, as the engine sees it. */
  public RegionProfile profile() {
    return area.profile(region);
  }

  public long now() {
    return now;
  }

  /** Lets time pass with no message; the engine handles what fell due. */
  public void wait(int seconds) {
    now += seconds * 1000L;
    engine.advanceTo(now, book, out);
  }

  public void send(DeviceEvent e) {
    engine.handle(e, book, out);
  }

  /** A unit reporting AVAILABLE at a place (degrees north/east of a point). */
  public void unitAvailable(String id, DeviceKind kind, double lat, double lon) {
    send(status(id, kind, UnitStatus.AVAILABLE));
    send(unitAt(id, kind, lat, lon));
  }

  public DeviceEvent unitAt(String id, DeviceKind kind, double lat, double lon) {
    return event(EventKind.UNIT_POSITION, id, kind).at(lat, lon).build();
  }

  public DeviceEvent status(String id, DeviceKind kind, UnitStatus status) {
    return event(EventKind.UNIT_STATUS, id, kind).status(status).build();
  }

  public DeviceEvent ack(String unitId, String assignmentId, boolean accept) {
    return event(EventKind.UNIT_ACK, unitId, DeviceKind.POLICE)
        .ack(assignmentId, accept, accept ? null : "vehicle breakdown")
        .build();
  }

  public DeviceEvent press(String deviceId, double[] place) {
    return event(EventKind.SOS, deviceId, DeviceKind.PANIC).at(place[0], place[1]).build();
  }

  /** A press with no usable position (no GPS fix yet); {@code why} as validation words it. */
  public DeviceEvent pressWithoutPosition(String deviceId, String why) {
    return event(EventKind.SOS, deviceId, DeviceKind.PANIC).noPosition().note(why).build();
  }

  public DeviceEvent injuredPress(String deviceId, double[] place) {
    return event(EventKind.SOS, deviceId, DeviceKind.PANIC)
        .at(place[0], place[1])
        .injured(true)
        .build();
  }

  public DeviceEvent survivorAt(String deviceId, double lat, double lon) {
    return event(EventKind.DEVICE_POSITION, deviceId, DeviceKind.PANIC).at(lat, lon).build();
  }

  public DeviceEvent cancel(String deviceId, CancelOutcome outcome) {
    return event(EventKind.CANCEL, deviceId, DeviceKind.PANIC).cancel(outcome).build();
  }

  public DeviceEvent presence(String deviceId, DeviceKind kind, boolean online) {
    return event(EventKind.PRESENCE, deviceId, kind).online(online).build();
  }

  /** An operator's override, as validation makes it from an ops command. */
  public DeviceEvent operator(
      OperatorAction action, String commandId, String incidentId, String unitId, double[] place) {
    now += 10;
    return new DeviceEvent.Builder(
            EventKind.OPERATOR, "CALL-" + commandId, DeviceKind.PANIC, region)
        .timing(1, now, now)
        .at(place == null ? 0 : place[0], place == null ? 0 : place[1])
        .operator(action, "control.khordha", incidentId, unitId)
        .note("HELPLINE_181")
        .build();
  }

  /** A redelivery of an event: same device and sequence number, arriving now. */
  public DeviceEvent again(DeviceEvent e) {
    return new DeviceEvent.Builder(e.kind(), e.deviceId(), e.deviceKind(), e.region())
        .timing(e.seq(), e.ts(), now)
        .at(e.lat(), e.lon())
        .injured(e.injured())
        .build();
  }

  private DeviceEvent.Builder event(EventKind kind, String id, DeviceKind deviceKind) {
    now += 10;
    return new DeviceEvent.Builder(kind, id, deviceKind, region).timing(++seq, now, now);
  }

  // --- reading what happened ---

  public List<TaskMessage> tasksTo(String unitId) {
    return out.tasks.stream().filter(t -> t.unitId().equals(unitId)).map(t -> t.task()).toList();
  }

  public List<TaskMessage> tasksTo(String unitId, TaskAction action) {
    return tasksTo(unitId).stream().filter(t -> t.action() == action).toList();
  }

  public List<NoticeMessage> noticesTo(String deviceId) {
    return out.notices.stream()
        .filter(n -> n.deviceId().equals(deviceId))
        .map(n -> n.notice())
        .toList();
  }

  public NoticeMessage lastNoticeTo(String deviceId) {
    List<NoticeMessage> all = noticesTo(deviceId);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  public IncidentView lastView(String incidentId) {
    IncidentView last = null;
    for (IncidentView v : out.incidents) {
      if (v.incidentId().equals(incidentId)) {
        last = v;
      }
    }
    return last;
  }

  public IncidentState stored(String incidentId) {
    return book.incident(incidentId);
  }

  public List<AlertEvent> alertsFor(String incidentId) {
    return out.alerts.stream().filter(a -> a.incident().incidentId().equals(incidentId)).toList();
  }

  public List<String> timelineWhats(String incidentId) {
    return lastView(incidentId).timeline().stream().map(t -> t.what()).toList();
  }

  /** A place this many metres north of another (enough for the rules' distances). */
  public static double[] north(double[] place, double meters) {
    return new double[] {place[0] + meters / 111_195.0, place[1]};
  }
}
