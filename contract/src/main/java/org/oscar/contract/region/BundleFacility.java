package org.oscar.contract.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;

/**
 * A facility of a region bundle: a One Stop Centre, a hospital or a Shakti Sadan shelter. {@code
 * mlc}: a hospital designated for medico-legal cases (only those are sent a survivor). {@code
 * illustrative}: the position was placed by this project (e.g. at the district headquarters), not
 * surveyed; the control room shows it as such. A position left out reads as NaN, which the bundle
 * check refuses.
 */
public record BundleFacility(
    String id, String name, double lat, double lon, boolean mlc, boolean illustrative)
    implements Serializable {

  @JsonCreator
  static BundleFacility fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("lat") Double lat,
      @JsonProperty("lon") Double lon,
      @JsonProperty("mlc") Boolean mlc,
      @JsonProperty("illustrative") Boolean illustrative) {
    return new BundleFacility(
        id,
        name,
        lat == null ? Double.NaN : lat,
        lon == null ? Double.NaN : lon,
        Boolean.TRUE.equals(mlc),
        Boolean.TRUE.equals(illustrative));
  }

  public boolean hasPosition() {
    return Double.isFinite(lat) && Double.isFinite(lon);
  }
}
