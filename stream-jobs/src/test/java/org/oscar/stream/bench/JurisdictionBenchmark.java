package org.oscar.stream.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.oscar.stream.geo.Jurisdictions;
import org.oscar.stream.region.TestRegions;

/**
 * Which of the 17 Bhubaneswar police jurisdictions holds a random place of the metro area (STRtree
 * over envelopes, then PreparedGeometry.covers). About a third of the places fall outside every
 * jurisdiction, as presses near the city's edge would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JurisdictionBenchmark {
  private Jurisdictions jurisdictions;
  private double[] lats;
  private double[] lons;
  private int next;

  @Setup
  public void setUp() {
    jurisdictions = Jurisdictions.of(java.util.List.of(TestRegions.khordha()));
    Random random = new Random(2);
    lats = new double[4096];
    lons = new double[4096];
    for (int i = 0; i < lats.length; i++) {
      lats[i] = NearestUnitBenchmark.LAT0 + random.nextDouble() * NearestUnitBenchmark.LAT_SPAN;
      lons[i] = NearestUnitBenchmark.LON0 + random.nextDouble() * NearestUnitBenchmark.LON_SPAN;
    }
  }

  @Benchmark
  public Object pointInJurisdiction() {
    int i = next++ & 4095;
    return jurisdictions.at(lats[i], lons[i]);
  }
}
