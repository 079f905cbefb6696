package org.oscar.alert.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oscar.alert.config.ApiConfig;
import org.oscar.alert.notify.channel.NotificationChannel;
import org.oscar.alert.notify.channel.SmsWebhookChannel;
import org.oscar.alert.notify.channel.SmtpChannel;
import org.oscar.alert.notify.contact.OfficialsDirectory;
import org.oscar.alert.notify.delivery.DeliveryPlanner;
import org.oscar.alert.notify.delivery.DeliveryWorker;
import org.oscar.alert.notify.delivery.RetryPolicy;
import org.oscar.alert.store.AlertStore;

/** The notification side of the API, wired from its configuration: channels, planner, worker. */
public final class Notifier {
  private final DeliveryPlanner planner;
  private final DeliveryWorker worker;
  private final List<String> channelNames;
  private final int pollMs;

  private Notifier(
      DeliveryPlanner planner, DeliveryWorker worker, List<String> channelNames, int pollMs) {
    this.planner = planner;
    this.worker = worker;
    this.channelNames = channelNames;
    this.pollMs = pollMs;
  }

  public static Notifier from(
      Vertx vertx, ApiConfig config, AlertStore store, MeterRegistry meters) {
    OfficialsDirectory officials =
        config.officialsFile().isEmpty()
            ? OfficialsDirectory.empty()
            : OfficialsDirectory.load(Path.of(config.officialsFile()));
    List<NotificationChannel> channels = new ArrayList<>();
    if (!config.smsWebhookUrl().isEmpty()) {
      channels.add(
          new SmsWebhookChannel(
              WebClient.create(vertx),
              URI.create(config.smsWebhookUrl()),
              config.smsApiKey(),
              config.publicUrl() + "/hooks/sms/receipts"));
    }
    if (!config.smtpHost().isEmpty()) {
      MailConfig mail =
          new MailConfig()
              .setHostname(config.smtpHost())
              .setPort(config.smtpPort())
              .setStarttls(StartTLSOptions.OPTIONAL)
              .setConnectTimeout(5_000)
              .setIdleTimeout(8)
              .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
      if (!config.smtpUser().isEmpty()) {
        mail.setUsername(config.smtpUser()).setPassword(config.smtpPassword());
      }
      channels.add(new SmtpChannel(MailClient.create(vertx, mail), config.smtpFrom()));
    }
    RetryPolicy retry =
        new RetryPolicy(
            config.deliveryMaxAttempts(),
            config.deliveryBackoffMs(),
            Math.max(config.deliveryBackoffMs(), 60_000));
    return new Notifier(
        new DeliveryPlanner(officials, channels, config.publicUrl() + "/#/incidents/"),
        new DeliveryWorker(
            vertx, store, officials, channels, retry, config.deliveryLeaseMs(), meters),
        channels.stream().map(NotificationChannel::name).toList(),
        config.deliveryPollMs());
  }

  public DeliveryPlanner planner() {
    return planner;
  }

  public List<String> channelNames() {
    return channelNames;
  }

  public void start() {
    worker.start(pollMs);
  }

  public void stop() {
    worker.stop();
  }
}
