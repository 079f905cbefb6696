package org.oscar.alert.pipeline;

import java.util.List;
import org.oscar.contract.live.DeliveryBacklog;

/**
 * The job's alerts to officials not yet taken by this API, summed over the sink's instances from
 * their last reports. {@code reporting} is how many instances reported in the last 15 s: 0 means
 * the job is not heard from at all (stopped, or too old to report), which the control room is told
 * too rather than shown "nothing waiting".
 */
public record AlertBacklog(
    int reporting, int waiting, long failingSince, String lastError, long reportedAt) {

  public static AlertBacklog of(List<DeliveryBacklog> reports) {
    int waiting = 0;
    long failingSince = 0;
    String lastError = null;
    long reportedAt = 0;
    for (DeliveryBacklog r : reports) {
      waiting += r.waiting();
      reportedAt = Math.max(reportedAt, r.at());
      if (r.failing() && (failingSince == 0 || r.failingSince() < failingSince)) {
        failingSince = r.failingSince();
        lastError = r.lastError();
      }
    }
    return new AlertBacklog(reports.size(), waiting, failingSince, lastError, reportedAt);
  }

  /** Alerts are waiting and the API has been refusing or unreachable for them. */
  public boolean alarm() {
    return waiting > 0 && failingSince > 0;
  }
}
