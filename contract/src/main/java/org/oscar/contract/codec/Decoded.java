package org.oscar.contract.codec;

import java.util.Objects;

/** The outcome of decoding one message: a value, or the reason it was refused. */
public final class Decoded<T> {
  private final T value;
  private final RejectReason reason;
  private final String detail;

  private Decoded(T value, RejectReason reason, String detail) {
    this.value = value;
    this.reason = reason;
    this.detail = detail;
  }

  public static <T> Decoded<T> ok(T value) {
    return new Decoded<>(Objects.requireNonNull(value), null, null);
  }

  public static <T> Decoded<T> rejected(RejectReason reason, String detail) {
    return new Decoded<>(null, Objects.requireNonNull(reason), detail);
  }

  public boolean isOk() {
    return reason == null;
  }

  public T value() {
    if (!isOk()) {
      throw new IllegalStateException("rejected: " + reason);
    }
    return value;
  }

  public RejectReason reason() {
    return reason;
  }

  /** Human-readable cause; never contains payload values, which may be a survivor's location. */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return isOk() ? "ok(" + value + ")" : "rejected(" + reason + ": " + detail + ")";
  }
}
