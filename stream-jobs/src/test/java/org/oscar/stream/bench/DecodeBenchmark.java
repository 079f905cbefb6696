package org.oscar.stream.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
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
import org.oscar.contract.codec.PayloadDecoder;
import org.oscar.contract.wire.DeviceKind;
import org.oscar.stream.directory.DeviceDirectory;
import org.oscar.stream.directory.DeviceEntry;
import org.oscar.stream.validate.InboundValidator;
import org.oscar.stream.validate.ValidationPolicy;

/**
 * A unit's position report: the payload decode alone, and the whole validation step (topic parse,
 * directory lookup, decode, range and clock checks) without the flood guard.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
  private static final long NOW = 1_800_000_000_000L;
  private byte[] payload;
  private InboundValidator validator;

  @Setup
  public void setUp() {
    payload =
        ("{\"seq\":123456,\"ts\":"
                + NOW
                + ",\"lat\":20.296059,\"lon\":85.824539,\"speedKmh\":31.5,\"headingDeg\":270}")
            .getBytes(StandardCharsets.UTF_8);
    validator =
        new InboundValidator(
            new DeviceDirectory(
                Map.of("PCR-0001", new DeviceEntry("PCR-0001", DeviceKind.POLICE, "khordha"))),
            ValidationPolicy.defaults());
  }

  @Benchmark
  public Object decodeUnitPosition() {
    return PayloadDecoder.unitPosition(payload);
  }

  @Benchmark
  public Object validateUnitPosition() {
    return validator.validate("oscar/v1/unit/PCR-0001/pos", payload, NOW);
  }
}
