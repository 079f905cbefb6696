package org.oscar.stream.job;

import java.util.Arrays;
import java.util.List;
import org.oscar.contract.wire.Topics;

/**
 * How the uplink is read: unit positions are the bulk (every unit every few seconds) and are shared
 * among the readers, since the newest position is all that counts; everything else — a press, a
 * cancel, a status, an ack, presence, an operator's command, and a survivor's positions, which move
 * her incident — is one ordered lane, read in order per device and emitted before any waiting
 * position.
 */
final class UplinkLanes {
  static final List<String> SHARED = List.of(Topics.ROOT + "/unit/+/" + Topics.POS);

  static final List<String> ORDERED =
      Arrays.stream(Topics.PIPELINE_SUBSCRIPTIONS).filter(f -> !SHARED.contains(f)).toList();

  private UplinkLanes() {}
}
