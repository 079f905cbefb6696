package org.oscar.contract.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionCatalogTest {
  @TempDir Path root;

  @Test
  void theShippedOdishaBundlesAreSoundAndCoverEveryDistrict() {
    RegionCatalog.Result r = RegionCatalog.load(Path.of("..", "regions"));

    assertThat(r.problems()).isEmpty();
    RegionCatalog catalog = r.catalog();
    assertThat(catalog.size()).isEqualTo(30);
    assertThat(catalog.bundles().values())
        .allSatisfy(b -> assertThat(b.dispatchRegion()).isEqualTo("odisha"));
    // Bhubaneswar's Capital station, Cuttack town and Nandankanan (Census: Cuttack; stations:
    // Khordha).
    assertThat(catalog.regionAt(20.2700, 85.8400)).contains("khordha");
    assertThat(catalog.regionAt(20.4650, 85.8790)).contains("cuttack");
    assertThat(catalog.regionAt(20.3950, 85.8250)).contains("khordha");
    assertThat(catalog.regionAt(28.61, 77.21)).isEmpty();
    assertThat(catalog.bundle("khordha").orElseThrow().stations()).hasSize(17);
    assertThat(catalog.bundle("cuttack").orElseThrow().jurisdictionNames())
        .containsExactly("Cuttack District Police Control Room");
  }

  @Test
  void idsSharedBetweenBundlesAreProblemsOfTheCatalog() {
    TestBundle.region("east").withOscId("OSC-SHARED").writeTo(root);
    TestBundle.region("west")
        .at(20.0, 84.0)
        .district("Westdistrict")
        .withOscId("OSC-SHARED")
        .writeTo(root);

    RegionCatalog.Result r = RegionCatalog.load(root);

    assertThat(r.catalog()).isNull();
    assertThat(r.problems())
        .containsExactly(
            "facility id OSC-SHARED is in both east and west",
            "official post OSC_ADMIN:OSC-SHARED is in both east and west");
  }

  @Test
  void anIdSharedWithABrokenBundleIsReportedAlongsideItsOwnProblems() {
    TestBundle.region("east")
        .withOscId("OSC-SHARED")
        .withoutContactFor("SP:Testdistrict")
        .writeTo(root);
    TestBundle.region("west")
        .at(20.0, 84.0)
        .district("Westdistrict")
        .withOscId("OSC-SHARED")
        .writeTo(root);

    assertThat(RegionCatalog.load(root).problems())
        .containsExactlyInAnyOrder(
            "east/officials.json: no contact for SP:Testdistrict (named by ladder, seriousRoles)",
            "facility id OSC-SHARED is in both east and west",
            "official post OSC_ADMIN:OSC-SHARED is in both east and west");
  }

  @Test
  void anUnknownRegionIsNotServed() {
    TestBundle.region("east").writeTo(root);

    RegionCatalog catalog = RegionCatalog.load(root).orThrow();

    assertThat(catalog.knows("east")).isTrue();
    assertThat(catalog.knows("bhubaneswar")).isFalse();
    assertThat(catalog.bundle("bhubaneswar")).isEmpty();
  }

  @Test
  void aFolderWithoutBundlesIsAProblem() {
    assertThat(RegionCatalog.load(root).problems())
        .containsExactly(root + ": no region bundle (a folder with region.json)");
  }
}
