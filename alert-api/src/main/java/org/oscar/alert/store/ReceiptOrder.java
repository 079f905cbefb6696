package org.oscar.alert.store;

import java.util.ArrayList;
import java.util.List;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;

/**
 * A delivery's history in the order it happened. The provider's delivery report comes over its own
 * hook and can be recorded before the worker has recorded the send it reports on (the gateway
 * answered, then reported, faster than the worker wrote SENT): a report goes after the last other
 * receipt of its delivery.
 */
final class ReceiptOrder {
  private ReceiptOrder() {}

  static List<DeliveryReceipt> inLifecycleOrder(List<DeliveryReceipt> recorded) {
    List<DeliveryReceipt> out = new ArrayList<>();
    List<DeliveryReceipt> reports = new ArrayList<>();
    for (DeliveryReceipt r : recorded) {
      (r.status() == DeliveryStatus.DELIVERED ? reports : out).add(r);
    }
    for (DeliveryReceipt report : reports) {
      int last = -1;
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).deliveryId().equals(report.deliveryId())) {
          last = i;
        }
      }
      out.add(last < 0 ? out.size() : last + 1, report);
    }
    return out;
  }
}
