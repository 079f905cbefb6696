package org.oscar.alert.privacy;

import io.vertx.core.Vertx;
import org.oscar.alert.store.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges survivors' positions from closed cases once the {@link Retention} period is over: every
 * {@code everyMs} the store is swept off the event loop. The case itself (who was sent, who was
 * alerted, the timeline) stays for the record; where she was does not.
 */
public final class PositionPurge {
  private static final Logger LOG = LoggerFactory.getLogger(PositionPurge.class);
  private final Vertx vertx;
  private final AlertStore store;
  private final Retention retention;
  private long timer = -1;

  public PositionPurge(Vertx vertx, AlertStore store, Retention retention) {
    this.vertx = vertx;
    this.store = store;
    this.retention = retention;
  }

  public void start(long everyMs) {
    timer = vertx.setPeriodic(Math.min(everyMs, 60_000), everyMs, id -> sweep());
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    vertx
        .executeBlocking(() -> store.purgePositions(v -> retention.due(v, now), now), false)
        .onSuccess(
            n -> {
              if (n > 0) {
                LOG.info("purged the survivor's position from {} closed case(s)", n);
              }
            })
        .onFailure(e -> LOG.warn("position purge failed: {}", e.getMessage()));
  }
}
