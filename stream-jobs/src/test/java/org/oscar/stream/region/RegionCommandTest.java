package org.oscar.stream.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return RegionCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void scaffoldedDistrictsPassTheCheckAndAreNotOverwritten() throws IOException {
    Path districts = write("districts.geojson", twoDistricts());
    Path hqs = write("hq.geojson", headquarters());
    Path out = dir.resolve("bundles");

    int code =
        run(
            "scaffold",
            "--districts",
            districts.toString(),
            "--headquarters",
            hqs.toString(),
            "--state",
            "Teststate",
            "--dispatch-region",
            "teststate",
            out.toString());

    assertThat(code).isZero();
    assertThat(printed()).contains("wrote 2 bundle(s): east-side, west");
    assertThat(run("check", out.toString())).isZero();
    assertThat(printed()).contains(out + ": 2 region bundle(s), no problems");
    // West has no headquarters in the file: its facilities sit at an interior point, and say so.
    assertThat(Files.readString(out.resolve("west/region.json")))
        .contains("an interior point of the district")
        .contains("\"illustrative\" : true");
    assertThat(
            run(
                "scaffold",
                "--districts",
                districts.toString(),
                "--state",
                "Teststate",
                out.toString()))
        .isZero();
    assertThat(printed()).contains("wrote 0 bundle(s)");
  }

  @Test
  void theCheckOfABrokenBundleListsItsProblemsAndFails() throws IOException {
    Path out = dir.resolve("bundles");
    run(
        "scaffold",
        "--districts",
        write("d.geojson", twoDistricts()).toString(),
        "--state",
        "S",
        out.toString());
    Files.delete(out.resolve("west/officials.json"));
    Files.writeString(out.resolve("east-side/dispatch-policy.json"), "{}");

    int code = run("check", out.toString());

    assertThat(code).isEqualTo(1);
    assertThat(printed())
        .contains(out + ": 2 region bundle(s), 2 problem(s):")
        .contains("  west/officials.json: missing")
        .contains("  east-side/dispatch-policy.json: unreadable");
  }

  @Test
  void withoutArgumentsItPrintsItsUsageAndFails() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command frobnicate");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String twoDistricts() {
    return """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"district": "East Side"},
           "geometry": {"type": "Polygon", "coordinates": [[[85, 20], [85.2, 20], [85.2, 20.2], [85, 20.2], [85, 20]]]}},
          {"type": "Feature", "properties": {"district": "West"},
           "geometry": {"type": "Polygon", "coordinates": [[[84.8, 20], [85, 20], [85, 20.2], [84.8, 20.2], [84.8, 20]]]}}
        ]}
        """;
  }

  private static String headquarters() {
    return """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"district": "East Side"},
           "geometry": {"type": "Point", "coordinates": [85.1, 20.1]}},
          {"type": "Feature", "properties": {"district": "West"}, "geometry": null}
        ]}
        """;
  }
}
