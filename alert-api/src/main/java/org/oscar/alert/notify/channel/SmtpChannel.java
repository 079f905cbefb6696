package org.oscar.alert.notify.channel;

import io.vertx.core.Future;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import org.oscar.alert.notify.delivery.Delivery;
import org.oscar.contract.region.Contact;

/**
 * E-mail over SMTP (Vert.x's non-blocking mail client). The message id is derived from the delivery
 * id, so a resend after a crash carries the same {@code Message-ID}. SMTP tells only that the
 * server took the mail (SENT), not that it reached the inbox; every failure is retried, because an
 * SMTP error does not reliably say whether the next attempt would succeed.
 */
public final class SmtpChannel implements NotificationChannel {
  public static final String NAME = "EMAIL";

  private final MailClient client;
  private final String from;

  public SmtpChannel(MailClient client, String from) {
    this.client = client;
    this.from = from;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reaches(Contact contact) {
    return contact.hasEmail();
  }

  @Override
  public Future<ChannelOutcome> send(Delivery d, Contact contact) {
    MailMessage m =
        new MailMessage()
            .setFrom(from)
            .setTo(contact.email())
            .setSubject(d.subject())
            .setText(d.text())
            .addHeader("Message-ID", "<" + d.deliveryId().replace(':', '.') + "@oscar>");
    return client
        .sendMail(m)
        .map(r -> ChannelOutcome.sent("smtp accepted"))
        .otherwise(e -> ChannelOutcome.retry("smtp: " + e.getClass().getSimpleName()));
  }
}
