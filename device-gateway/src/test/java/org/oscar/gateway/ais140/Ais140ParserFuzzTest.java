package org.oscar.gateway.ais140;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever arrives on the socket, the parser answers with a frame or a reason, never a throw; the
 * mutated frames include every real capture of the corpus.
 */
class Ais140ParserFuzzTest {
  @Property(tries = 3000)
  void anyTextGetsAFrameOrAReason(@ForAll String line) {
    assertTotal(Ais140Parser.parse(line));
  }

  @Property(tries = 10000)
  void anyMutationOfARealFrameGetsAFrameOrAReason(
      @ForAll("frames") String frame,
      @ForAll @IntRange(min = 0, max = 400) int position,
      @ForAll char replacement,
      @ForAll @IntRange(min = 0, max = 3) int operation) {
    int at = Math.min(position, frame.length() - 1);
    String mutated =
        switch (operation) {
          case 0 -> frame.substring(0, at) + replacement + frame.substring(at + 1);
          case 1 -> frame.substring(0, at);
          case 2 -> frame.substring(0, at) + replacement + frame.substring(at);
          default -> frame.substring(0, at) + frame.substring(at + 1);
        };

    ParsedLine parsed = assertTotal(Ais140Parser.parse(mutated));

    if (parsed.hasFrame()) {
      assertThat(parsed.frame().lat()).isBetween(-90.0, 90.0);
      assertThat(parsed.frame().lon()).isBetween(-180.0, 180.0);
      assertThat(parsed.frame().imei()).matches("[0-9]{15}");
    }
  }

  @Provide
  Arbitrary<String> frames() {
    java.util.List<String> frames = new java.util.ArrayList<>();
    Ais140Corpus.rows().values().forEach(row -> frames.add(row[5]));
    frames.addAll(
        java.util.List.of(
            Ais140Frames.emergency().build(),
            Ais140Frames.emergency().stop().at("12.5", "S", "77.25", "W").build(),
            Ais140Frames.location("861850060252399", "1", "20.2700", "85.8400"),
            "$EPB,EMR,861850060252398,NM,29112026204500,A,20.2961,N,85.8245,E*",
            "$LGN,OD02AB1234,861850060252398,1.0.2,20.29,N,85.82,E*"));
    return Arbitraries.of(frames);
  }

  private static ParsedLine assertTotal(ParsedLine parsed) {
    assertThat(parsed).isNotNull();
    assertThat(parsed.hasFrame() ^ parsed.outcome() != null).isTrue();
    return parsed;
  }
}
