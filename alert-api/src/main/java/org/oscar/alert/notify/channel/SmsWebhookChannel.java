package org.oscar.alert.notify.channel;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import org.oscar.alert.notify.delivery.Delivery;
import org.oscar.contract.region.Contact;

/**
 * SMS through an HTTP gateway, in the shape most SMS gateway APIs take: {@code POST <url>} with a
 * bearer API key and a JSON body {@code {to, message, reference, callbackUrl}}, plus an {@code
 * Idempotency-Key} header (the delivery id), so a resend after a crash is the same message to the
 * gateway. The gateway reports delivery later to {@code callbackUrl} (see the receipts hook).
 */
public final class SmsWebhookChannel implements NotificationChannel {
  public static final String NAME = "SMS";
  private static final long TIMEOUT_MS = 10_000;

  private final WebClient client;
  private final URI url;
  private final String apiKey;
  private final String callbackUrl;

  public SmsWebhookChannel(WebClient client, URI url, String apiKey, String callbackUrl) {
    this.client = client;
    this.url = url;
    this.apiKey = apiKey;
    this.callbackUrl = callbackUrl;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean reaches(Contact contact) {
    return contact.hasPhone();
  }

  @Override
  public Future<ChannelOutcome> send(Delivery d, Contact contact) {
    JsonObject body =
        new JsonObject()
            .put("to", contact.phone())
            .put("message", d.text())
            .put("reference", d.deliveryId())
            .put("callbackUrl", callbackUrl);
    return client
        .postAbs(url.toString())
        .timeout(TIMEOUT_MS)
        .putHeader("Authorization", "Bearer " + apiKey)
        .putHeader("Idempotency-Key", d.deliveryId())
        .sendJsonObject(body)
        .map(SmsWebhookChannel::outcomeOf)
        .otherwise(e -> ChannelOutcome.retry(e.getClass().getSimpleName()));
  }

  static ChannelOutcome outcomeOf(HttpResponse<Buffer> r) {
    int status = r.statusCode();
    if (status >= 200 && status < 300) {
      return ChannelOutcome.sent("gateway " + status);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return ChannelOutcome.retry("gateway " + status);
    }
    return ChannelOutcome.refused("gateway " + status);
  }
}
