package org.oscar.gateway.ais140;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.oscar.contract.flow.TokenBucket;
import org.oscar.contract.registry.DeviceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tracker's TCP connection. Bytes arrive on the network thread, which only cuts lines, parses
 * and applies the flood budget; registry lookups and publishing (both blocking) run on a worker,
 * one frame after another for this connection, so one slow or flooding tracker never holds up
 * another's emergency message.
 *
 * <p>The first frame whose IMEI is bound to an active device binds the connection to it; the device
 * is then online (presence published retained) until the connection closes. A frame with another
 * IMEI on a bound connection is refused: one tracker, one connection.
 */
final class TrackerSession {
  private static final Logger LOG = LoggerFactory.getLogger(TrackerSession.class);

  /** How long a registry answer is trusted before it is asked again (revocation delay). */
  static final long REGISTRY_TTL_MS = 5_000;

  /** Frames queued for the worker beyond which new ones are refused (broker stuck). */
  static final int MAX_BACKLOG = 200;

  private final ImeiBindings bindings;
  private final UnregisteredEmergencies unregistered;
  private final ContractPublisher publisher;
  private final Consumer<FrameOutcome> counter;
  private final Executor worker;
  private final LongSupplier clock;
  private final LineSplitter splitter;
  // Emergency frames have their own budget, so a flood of positions cannot starve a press.
  private final TokenBucket emergencyBudget;
  private final TokenBucket positionBudget;
  private final AtomicInteger backlog = new AtomicInteger();
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  // Worker-side state: touched only by tasks of this session's serial chain.
  private String boundImei;
  private DeviceRecord device;
  private long deviceCheckedAt;
  private boolean announcedOnline;
  // The device announced online, kept for its offline message even if the registry forgets it.
  private DeviceRecord boundDevice;

  TrackerSession(
      ImeiBindings bindings,
      UnregisteredEmergencies unregistered,
      ContractPublisher publisher,
      Consumer<FrameOutcome> counter,
      Executor worker,
      LongSupplier clock) {
    this.bindings = bindings;
    this.unregistered = unregistered;
    this.publisher = publisher;
    this.counter = counter;
    this.worker = worker;
    this.clock = clock;
    this.splitter =
        new LineSplitter(
            Ais140Parser.MAX_FRAME_CHARS * 4,
            this::onLine,
            () -> counter.accept(FrameOutcome.TOO_LONG));
    long now = clock.getAsLong();
    this.emergencyBudget = new TokenBucket(10, 1, now);
    this.positionBudget = new TokenBucket(20, 5, now);
  }

  /** Network thread: bytes as they came off the socket. */
  void onBytes(byte[] bytes) {
    splitter.feed(bytes);
  }

  /** Network thread: the connection closed; a bound device goes offline. */
  void onClosed() {
    submit(
        () -> {
          if (announcedOnline && boundDevice != null) {
            tryPublish(Ais140Translator.presence(boundDevice, false));
          }
        });
  }

  private void onLine(String line) {
    ParsedLine parsed = Ais140Parser.parse(line);
    if (!parsed.hasFrame()) {
      counter.accept(parsed.outcome());
      return;
    }
    Ais140Frame frame = parsed.frame();
    TokenBucket budget = frame instanceof Ais140Frame.Emergency ? emergencyBudget : positionBudget;
    if (!budget.tryTake(clock.getAsLong())) {
      counter.accept(FrameOutcome.RATE_LIMITED);
      return;
    }
    if (backlog.incrementAndGet() > MAX_BACKLOG) {
      backlog.decrementAndGet();
      counter.accept(FrameOutcome.BACKLOG_FULL);
      return;
    }
    submit(
        () -> {
          backlog.decrementAndGet();
          forward(frame);
        });
  }

  private void forward(Ais140Frame frame) {
    if (boundImei != null && !boundImei.equals(frame.imei())) {
      counter.accept(FrameOutcome.IMEI_MISMATCH);
      return;
    }
    DeviceRecord d = deviceOf(frame.imei());
    if (d == null) {
      counter.accept(
          isEmergency(frame) && show(frame)
              ? FrameOutcome.UNREGISTERED_EMERGENCY
              : FrameOutcome.UNKNOWN_DEVICE);
      return;
    }
    if (!d.isActive()) {
      counter.accept(FrameOutcome.REVOKED_DEVICE);
      return;
    }
    if (boundImei == null) {
      boundImei = frame.imei();
      LOG.info("AIS-140 connection bound to device {}", d.id());
    }
    if (!announcedOnline) {
      // Retried with the next frame if the broker did not take it.
      announcedOnline = tryPublish(Ais140Translator.presence(d, true));
      boundDevice = d;
    }
    Ais140Translator.Translation t = Ais140Translator.translate(frame, d, clock.getAsLong());
    if (t.message() == null) {
      counter.accept(t.outcome());
      return;
    }
    counter.accept(tryPublish(t.message()) ? t.outcome() : FrameOutcome.PUBLISH_FAILED);
  }

  private static boolean isEmergency(Ais140Frame frame) {
    return frame instanceof Ais140Frame.Emergency e
        ? !e.stop()
        : ((Ais140Frame.Location) frame).emergencyAlert();
  }

  /**
   * An unregistered tracker's emergency on the control room's board; a board that cannot be written
   * leaves it counted as an unknown device, and logged.
   */
  private boolean show(Ais140Frame frame) {
    boolean placed = frame.placed();
    try {
      return unregistered.show(
          frame.imei(),
          placed ? frame.lat() : null,
          placed ? frame.lon() : null,
          clock.getAsLong());
    } catch (RuntimeException e) {
      LOG.warn("an unregistered tracker's emergency could not be shown: {}", e.toString());
      return false;
    }
  }

  /** The bound device, asked again of the registry once the last answer is stale. */
  private DeviceRecord deviceOf(String imei) {
    long now = clock.getAsLong();
    if (device == null || !imei.equals(boundImei) || now - deviceCheckedAt >= REGISTRY_TTL_MS) {
      device = bindings.deviceOf(imei).orElse(null);
      deviceCheckedAt = now;
    }
    return device;
  }

  private boolean tryPublish(Republish message) {
    try {
      publisher.publish(message);
      return true;
    } catch (Exception e) {
      LOG.warn(
          "AIS-140 message on {} not published: {}",
          message.topic().substring(message.topic().lastIndexOf('/') + 1),
          e.toString());
      return false;
    }
  }

  private synchronized void submit(Runnable task) {
    tail =
        tail.thenRunAsync(
            () -> {
              try {
                task.run();
              } catch (RuntimeException e) {
                // A bug must not break the chain: the connection's later frames still go out.
                LOG.error("AIS-140 session task failed", e);
              }
            },
            worker);
  }
}
