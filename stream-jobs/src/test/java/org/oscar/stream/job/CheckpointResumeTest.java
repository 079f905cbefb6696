package org.oscar.stream.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {
  private static final String RUN_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String RUN_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  private static final String RUN_C = "cccccccccccccccccccccccccccccccc";

  @TempDir Path dir;

  @Test
  void resumesFromTheNewestCompleteCheckpoint() throws Exception {
    Path older = checkpoint(RUN_A, 3, 1_000);
    Path newer = checkpoint(RUN_B, 7, 2_000);
    Files.createDirectories(dir.resolve(RUN_B).resolve("chk-8")); // in progress: no metadata

    assertThat(CheckpointResume.latest(dir)).contains(newer);
    assertThat(older).exists();
  }

  @Test
  void passesOverANewerCheckpointWhoseMetadataCannotBeRead() throws Exception {
    Path good = checkpoint(RUN_A, 3, 1_000);
    Path truncated = checkpoint(RUN_B, 7, 2_000);
    Path metadata = truncated.resolve("_metadata");
    Files.write(metadata, new byte[] {0x4a, 0x01}); // what a full disk leaves
    Files.setLastModifiedTime(metadata, FileTime.fromMillis(2_000));

    assertThat(CheckpointResume.latest(dir)).contains(good);
  }

  @Test
  void findsNothingWhereNoCheckpointWasCompleted() throws Exception {
    Files.createDirectories(dir.resolve(RUN_A).resolve("chk-1"));
    assertThat(CheckpointResume.latest(dir)).isEmpty();
    assertThat(CheckpointResume.latest(dir.resolve("absent"))).isEmpty();
  }

  @Test
  void deletesEarlierRunsButTheResumedOneAndOneSpare() throws Exception {
    checkpoint(RUN_A, 1, 1_000);
    checkpoint(RUN_B, 2, 2_000);
    Path resumed = checkpoint(RUN_C, 3, 3_000);
    Path oldest = dir.resolve("dddddddddddddddddddddddddddddddd");
    Files.createDirectories(oldest.resolve("chk-1"));
    Files.setLastModifiedTime(oldest, FileTime.fromMillis(500));
    Path notARun = Files.createDirectories(dir.resolve("notes"));

    CheckpointResume.pruneOtherRuns(dir, resumed);

    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(List.of(RUN_B, RUN_C, "notes"));
    }
    assertThat(notARun).exists();
  }

  /** A completed checkpoint with real (empty) Flink metadata, last written at {@code millis}. */
  private Path checkpoint(String run, long id, long millis) throws IOException {
    Path chk = Files.createDirectories(dir.resolve(run).resolve("chk-" + id));
    Path metadata = chk.resolve("_metadata");
    try (OutputStream out = Files.newOutputStream(metadata);
        DataOutputStream data = new DataOutputStream(out)) {
      Checkpoints.storeCheckpointMetadata(new CheckpointMetadata(id, List.of(), List.of()), data);
    }
    Files.setLastModifiedTime(metadata, FileTime.fromMillis(millis));
    Files.setLastModifiedTime(dir.resolve(run), FileTime.fromMillis(millis));
    return chk;
  }
}
