package org.oscar.alert.notify.channel;

/** What one attempt over a channel came to. */
public record ChannelOutcome(Kind kind, String detail) {
  public enum Kind {
    /** The provider took it. */
    SENT,
    /** Worth another attempt: timeout, connection refused, 408, 429, 5xx. */
    RETRY,
    /** The provider refused it for good (a 4xx other than 408/429): retrying will not help. */
    REFUSED
  }

  public static ChannelOutcome sent(String detail) {
    return new ChannelOutcome(Kind.SENT, detail);
  }

  public static ChannelOutcome retry(String detail) {
    return new ChannelOutcome(Kind.RETRY, detail);
  }

  public static ChannelOutcome refused(String detail) {
    return new ChannelOutcome(Kind.REFUSED, detail);
  }
}
