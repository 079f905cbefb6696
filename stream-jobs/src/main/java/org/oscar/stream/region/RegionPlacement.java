package org.oscar.stream.region;

import org.oscar.contract.codec.Decoded;
import org.oscar.contract.codec.RejectReason;
import org.oscar.contract.region.RegionBundle;
import org.oscar.contract.region.RegionCatalog;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.event.DeviceEvent;
import org.oscar.stream.event.EventKind;

/**
 * Puts a validated event in its region and dispatch region, or refuses it. A device's region (its
 * registry entry) or an operator command's (its topic) must have a bundle: there is no default
 * region. A survivor's event with a position belongs to the region holding that position, her
 * device's own first: a press is served by the district she is in, not by the one her device was
 * registered in. Outside every region (a coastline drawn inland, a border) it stays with her
 * device's region. A unit always belongs to its own region: that decides where it may be sent.
 */
public final class RegionPlacement {
  private RegionPlacement() {}

  public static Decoded<DeviceEvent> place(DeviceEvent e, RegionCatalog catalog) {
    String region = catalog.knows(e.region()) ? e.region() : null;
    if (e.deviceKind() == DeviceKind.PANIC
        && e.kind() != EventKind.OPERATOR
        && e.hasPosition()
        && (region == null || !catalog.holds(region, e.lat(), e.lon()))) {
      // Her position decides, even for a device registered in a region that has no bundle (yet,
      // or any more): a press is never refused while the place she is in is served.
      region = catalog.regionAt(e.lat(), e.lon()).orElse(region);
    }
    if (region == null) {
      return Decoded.rejected(RejectReason.UNKNOWN_REGION, "no bundle for its region");
    }
    RegionBundle bundle = catalog.bundle(region).orElseThrow();
    return Decoded.ok(e.inRegion(region, bundle.dispatchRegion()));
  }
}
