package org.oscar.alert.notify.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oscar.alert.TestRegionsDir;
import org.oscar.contract.region.Contact;
import org.oscar.contract.region.RegionCatalog;

class OfficialsDirectoryTest {
  private static final RegionCatalog ODISHA =
      RegionCatalog.load(Path.of(TestRegionsDir.PATH)).orThrow();

  @Test
  void aPostOnlyABundleNamesIsReachedThroughTheBundle() {
    OfficialsDirectory officials = OfficialsDirectory.empty().withBundles(() -> ODISHA);

    assertThat(officials.contactOf("SP:Cuttack")).isPresent();
    assertThat(officials.contactOf("SHO:Cuttack District Police Control Room")).isPresent();
    assertThat(officials.contactOf("SP:Atlantis")).isEmpty();
  }

  @Test
  void theOfficialsFileWinsOverABundleForThePostsBothName() {
    Contact own = new Contact("SP Cuttack", "+919999999999", null);
    OfficialsDirectory officials =
        OfficialsDirectory.of(Map.of("SP:Cuttack", own)).withBundles(() -> ODISHA);

    assertThat(officials.contactOf("SP:Cuttack")).contains(own);
    assertThat(officials.contactOf("DM:Cuttack")).isPresent();
  }

  @Test
  void aContactThatCannotBeUsedIsRefusedWhenTheFileIsRead() {
    assertThatThrownBy(
            () -> OfficialsDirectory.of(Map.of("SP:Cuttack", new Contact("x", "12345", null))))
        .hasMessage("SP:Cuttack: phone must be +<country><number>");
  }
}
