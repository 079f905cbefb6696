package org.oscar.stream.dispatch.reference;

import java.io.Serializable;
import org.oscar.contract.live.FacilityView;

/** A hospital or One Stop Centre of a region. */
public record Facility(String id, String name, double lat, double lon) implements Serializable {
  public FacilityView view(String kind) {
    return new FacilityView(id, kind, name, lat, lon);
  }
}
