package org.oscar.stream.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.oscar.contract.wire.Role;
import org.oscar.stream.dispatch.spatial.UnitGridIndex;

/**
 * Nearest available units of a role around a random place in Bhubaneswar's metro area, over 1 k /
 * 10 k / 100 k available units spread over the area (half police, half ambulance). k = 5 is what
 * dispatch asks for (then ranks by travel time); k = 1 is the plain nearest query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NearestUnitBenchmark {
  // The development-authority area around the city, roughly 45 x 40 km.
  static final double LAT0 = 20.07;
  static final double LAT_SPAN = 0.36;
  static final double LON0 = 85.62;
  static final double LON_SPAN = 0.46;

  @Param({"1000", "10000", "100000"})
  int units;

  @Param({"1", "5"})
  int k;

  private UnitGridIndex index;
  private double[] lats;
  private double[] lons;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    index = new UnitGridIndex();
    for (int i = 0; i < units; i++) {
      index.put(
          "U" + i,
          i % 2 == 0 ? Role.POLICE : Role.AMBULANCE,
          LAT0 + random.nextDouble() * LAT_SPAN,
          LON0 + random.nextDouble() * LON_SPAN);
    }
    lats = new double[4096];
    lons = new double[4096];
    for (int i = 0; i < lats.length; i++) {
      lats[i] = LAT0 + random.nextDouble() * LAT_SPAN;
      lons[i] = LON0 + random.nextDouble() * LON_SPAN;
    }
  }

  @Benchmark
  public Object nearestPolice() {
    int i = next++ & 4095;
    return index.nearest(Role.POLICE, lats[i], lons[i], k, id -> false);
  }
}
