package org.oscar.stream.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionWatchTest {
  @TempDir Path dir;

  private void copy(String region) throws IOException {
    Path from = TestRegions.SHIPPED.resolve("odisha").resolve(region);
    Path to = dir.resolve(region);
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void aDistrictAddedToTheFolderIsServedAfterTheNextCheck() throws IOException {
    copy("khordha");
    RegionWatch watch = new RegionWatch(new RegionDirectory(dir.toString()), 10_000, 0);
    assertThat(watch.current(0).knows("cuttack")).isFalse();

    copy("cuttack");

    assertThat(watch.current(5_000).knows("cuttack")).as("not checked yet").isFalse();
    assertThat(watch.current(10_000).knows("cuttack")).isTrue();
    assertThat(watch.reloads()).isEqualTo(1);
    assertThat(watch.failures()).isZero();
  }

  @Test
  void aBrokenChangeIsNotTakenAndTheLastSoundBundlesStayInUse() throws IOException {
    copy("khordha");
    copy("cuttack");
    RegionWatch watch = new RegionWatch(new RegionDirectory(dir.toString()), 0, 0);

    Files.delete(dir.resolve("cuttack").resolve("officials.json"));

    assertThat(watch.current(1).knows("cuttack")).isTrue();
    assertThat(watch.failures()).isEqualTo(1);
    assertThat(watch.reloads()).isZero();
  }

  @Test
  void anOperatorDoesNotStartOnBrokenBundles() throws IOException {
    copy("puri");
    Files.writeString(dir.resolve("puri").resolve("dispatch-policy.json"), "{}");

    assertThatThrownBy(() -> new RegionWatch(new RegionDirectory(dir.toString()), 0, 0))
        .hasMessageContaining("puri/dispatch-policy.json: unreadable");
  }
}
