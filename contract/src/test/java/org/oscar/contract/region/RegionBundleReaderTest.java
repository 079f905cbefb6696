package org.oscar.contract.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oscar.contract.codec.Json;

class RegionBundleReaderTest {
  @TempDir Path root;

  @Test
  void aSoundBundleIsReadWithItsStationsFacilitiesAndPolicy() {
    TestBundle b = TestBundle.region("testregion");
    Path folder = b.withStation("North Station", b.insideSquare()).writeTo(root);

    RegionBundleReader.Result r = RegionBundleReader.read(folder);

    assertThat(r.problems()).isEmpty();
    assertThat(r.bundle().stations()).containsOnlyKeys("North Station");
    assertThat(r.bundle().jurisdictionNames())
        .containsExactly("North Station", "Testdistrict District Police Control Room");
    assertThat(r.bundle().mlcHospitals()).hasSize(1);
    assertThat(r.bundle().dispatchRegion()).isEqualTo("testregion");
    assertThat(r.bundle().dispatchPolicy().crossBorderRoles())
        .isEqualTo(DispatchPolicy.DEFAULT_CROSS_BORDER);
  }

  @Test
  void aBrokenBundleListsEveryProblemAtOnce() {
    TestBundle b = TestBundle.region("broken");
    Path folder =
        b.withStation(
                "Bow Tie Station",
                new double[][] {
                  {85.01, 20.01}, {85.05, 20.05}, {85.05, 20.01}, {85.01, 20.05}, {85.01, 20.01}
                })
            .withStation("Far Station", b.square(21.0, 86.0, 0.05))
            .withOscAt(25.0, 80.0)
            .withoutContactFor("SP:Testdistrict")
            .withoutContactFor("SHO:Testdistrict District Police Control Room")
            .writeTo(root);

    RegionBundleReader.Result r = RegionBundleReader.read(folder);

    assertThat(r.bundle()).isNull();
    assertThat(r.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "broken/jurisdictions.geojson: Bow Tie Station is not a valid polygon: Self-intersection"))
        .contains(
            "broken/jurisdictions.geojson: Far Station is not inside the region's boundary",
            "broken/region.json: OSC-BROKEN (25.0, 80.0) is not inside the region's boundary",
            "broken/officials.json: no contact for SP:Testdistrict (named by ladder, seriousRoles)",
            "broken/officials.json: no contact for SHO:Testdistrict District Police Control Room (named by openRoles, ladder, seriousRoles)");
  }

  @Test
  void anInvalidStationIsReportedAlongsideTheOtherFilesProblems() {
    TestBundle b = TestBundle.region("mixed");
    Path folder =
        b.withStation(
                "Bow Tie Station",
                new double[][] {
                  {85.01, 20.01}, {85.05, 20.05}, {85.05, 20.01}, {85.01, 20.05}, {85.01, 20.01}
                })
            .withPolicy(policyWith("ackTimeoutS", 0, "ladder", List.of("SHO", "MAYOR")))
            .writeTo(root);

    RegionBundleReader.Result r = RegionBundleReader.read(folder);

    assertThat(r.problems())
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "mixed/jurisdictions.geojson: Bow Tie Station is not a valid polygon"))
        .contains(
            "mixed/dispatch-policy.json: ackTimeoutS must be positive",
            "mixed/dispatch-policy.json: unknown role MAYOR (known: [CONTROL_ROOM, SHO, SP, DM, CMO, OSC_ADMIN, SHIFT_SUPERVISOR])");
  }

  @Test
  void aPolicyWithoutAFieldNamesTheField() {
    TestBundle b = TestBundle.region("partial");
    ObjectNode policy = Json.mapper().valueToTree(DispatchPolicy.defaults());
    policy.remove("arrivalRadiusM");
    Path folder = b.withPolicy(policy.toString()).writeTo(root);

    assertThat(RegionBundleReader.read(folder).problems())
        .containsExactly(
            "partial/dispatch-policy.json: unreadable: Cannot map `null` into type `double` (set"
                + " DeserializationConfig.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES to"
                + " 'false' to allow) (at arrivalRadiusM)");
  }

  private static String policyWith(String field, int value, String list, List<String> roles) {
    ObjectNode policy = Json.mapper().valueToTree(DispatchPolicy.defaults());
    policy.put(field, value);
    policy.set(list, Json.mapper().valueToTree(roles));
    return policy.toString();
  }

  @Test
  void missingAndUnreadableFilesAreEachNamed() throws IOException {
    Path folder = TestBundle.region("gaps").writeTo(root);
    Files.delete(folder.resolve(RegionBundleReader.OFFICIALS));
    Files.writeString(
        folder.resolve(RegionBundleReader.BOUNDARY),
        "{\"type\": \"FeatureCollection\", \"features\": [");
    Files.writeString(folder.resolve(RegionBundleReader.DISPATCH_POLICY), "not json");

    RegionBundleReader.Result r = RegionBundleReader.read(folder);

    assertThat(r.problems())
        .contains("gaps/officials.json: missing")
        .anySatisfy(p -> assertThat(p).startsWith("gaps/boundary.geojson: unreadable"))
        .anySatisfy(p -> assertThat(p).startsWith("gaps/dispatch-policy.json: unreadable"));
  }

  @Test
  void aRegionIdMustBeTheFoldersNameInLowerCase() throws IOException {
    Path folder = TestBundle.region("lower").writeTo(root);
    Path renamed = Files.move(folder, root.resolve("Other"));

    RegionBundleReader.Result r = RegionBundleReader.read(renamed);

    assertThat(r.problems())
        .contains("Other/region.json: region lower is not the folder's name Other");
  }
}
