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
import org.oscar.alert.notify.delivery.DeliveryOutbox;
import org.oscar.alert.notify.delivery.DeliveryPlanner;
import org.oscar.alert.notify.delivery.DeliveryWorker;
import org.oscar.alert.notify.delivery.RetryPolicy;

/**
 * The notification side of the API, wired from its configuration: channels, planners, and one
 * worker per outbox (the emergency alerts' in Redis; the case notices' in PostgreSQL, once the case
 * register is up).
 */
public final class Notifier {
  private final Vertx vertx;
  private final OfficialsDirectory officials;
  private final List<NotificationChannel> channels;
  private final RetryPolicy retry;
  private final ApiConfig config;
  private final MeterRegistry meters;
  private final DeliveryPlanner planner;
  private final List<DeliveryWorker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  private Notifier(
      Vertx vertx,
      OfficialsDirectory officials,
      List<NotificationChannel> channels,
      RetryPolicy retry,
      ApiConfig config,
      MeterRegistry meters) {
    this.vertx = vertx;
    this.officials = officials;
    this.channels = List.copyOf(channels);
    this.retry = retry;
    this.config = config;
    this.meters = meters;
    this.planner = new DeliveryPlanner(officials, channels, config.publicUrl() + "/#/incidents/");
  }

  public static Notifier from(
      Vertx vertx,
      ApiConfig config,
      DeliveryOutbox alerts,
      MeterRegistry meters,
      java.util.function.Supplier<org.oscar.contract.region.RegionCatalog> regions) {
    OfficialsDirectory officials =
        (config.officialsFile().isEmpty()
                ? OfficialsDirectory.empty()
                : OfficialsDirectory.load(Path.of(config.officialsFile())))
            .withBundles(regions);
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
    Notifier n = new Notifier(vertx, officials, channels, retry, config, meters);
    n.workers.add(n.worker(alerts, "oscar.alert.deliveries"));
    return n;
  }

  private DeliveryWorker worker(DeliveryOutbox outbox, String metric) {
    return new DeliveryWorker(
        vertx, outbox, metric, officials, channels, retry, config.deliveryLeaseMs(), meters);
  }

  /** The emergency alerts' planner: incident links. */
  public DeliveryPlanner planner() {
    return planner;
  }

  public List<String> channelNames() {
    return channels.stream().map(NotificationChannel::name).toList();
  }

  /** Starts the alerts' worker. */
  public void start() {
    workers.forEach(w -> w.start(config.deliveryPollMs()));
  }

  /** Sends a further outbox's deliveries too, from now until {@link #stop}. */
  public void serve(DeliveryOutbox outbox, String metric) {
    if (stopped) {
      return;
    }
    DeliveryWorker w = worker(outbox, metric);
    workers.add(w);
    w.start(config.deliveryPollMs());
  }

  public void stop() {
    stopped = true;
    workers.forEach(DeliveryWorker::stop);
  }
}
