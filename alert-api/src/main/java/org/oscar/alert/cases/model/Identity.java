package org.oscar.alert.cases.model;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.oscar.alert.cases.CaseProblem;

/**
 * Who she is: her name, and if she gives them a phone and an address. Kept only with her consent,
 * only as ciphertext ({@code IdentityCipher}), and never written to a log: {@link #toString()}
 * names no field's value. BNS s.72 makes disclosing a sexual-offence victim's identity an offence.
 */
public record Identity(String name, String phone, String address) {
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}");

  /** Her identity as a form gave it; a problem names the field and never echoes its value. */
  public static Identity from(JsonObject body) {
    String name = text(body, "name", 100, true);
    String phone = text(body, "phone", 20, false);
    String address = text(body, "address", 300, false);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw CaseProblem.invalid("phone", "must be digits, spaces or dashes, with an optional +");
    }
    return new Identity(name, phone, address);
  }

  private static String text(JsonObject body, String field, int max, boolean required) {
    Object v = body.getValue(field);
    if (v == null || (v instanceof String s && s.isBlank())) {
      if (required) {
        throw CaseProblem.invalid(field, "is required");
      }
      return null;
    }
    if (!(v instanceof String s) || s.strip().length() > max) {
      throw CaseProblem.invalid(field, "must be text of at most " + max + " characters");
    }
    return s.strip();
  }

  public JsonObject json() {
    return new JsonObject().put("name", name).put("phone", phone).put("address", address);
  }

  public static Identity of(JsonObject json) {
    return new Identity(json.getString("name"), json.getString("phone"), json.getString("address"));
  }

  @Override
  public String toString() {
    return "Identity[redacted]";
  }
}
