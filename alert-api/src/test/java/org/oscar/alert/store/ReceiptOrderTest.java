package org.oscar.alert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oscar.contract.alert.DeliveryReceipt;
import org.oscar.contract.alert.DeliveryStatus;

class ReceiptOrderTest {
  private static DeliveryReceipt r(String delivery, DeliveryStatus status) {
    return new DeliveryReceipt(delivery, "INC-1", "SHO:X", "OPENED", "SMS", status, 1, 0, null);
  }

  @Test
  void aDeliveryReportRecordedBeforeTheSendGoesAfterIt() {
    List<DeliveryReceipt> recorded =
        List.of(
            r("sms", DeliveryStatus.QUEUED),
            r("mail", DeliveryStatus.QUEUED),
            r("sms", DeliveryStatus.DELIVERED),
            r("sms", DeliveryStatus.SENT),
            r("mail", DeliveryStatus.SENT));

    assertThat(ReceiptOrder.inLifecycleOrder(recorded))
        .extracting(x -> x.deliveryId() + " " + x.status())
        .containsExactly("sms QUEUED", "mail QUEUED", "sms SENT", "sms DELIVERED", "mail SENT");
  }

  @Test
  void receiptsInOrderStayInOrder() {
    List<DeliveryReceipt> recorded =
        List.of(
            r("sms", DeliveryStatus.QUEUED),
            r("sms", DeliveryStatus.SENT),
            r("sms", DeliveryStatus.DELIVERED),
            r("mail", DeliveryStatus.QUEUED));

    assertThat(ReceiptOrder.inLifecycleOrder(recorded)).isEqualTo(recorded);
  }
}
