package org.oscar.contract.region;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to reach the person holding a post. Personal data: it is read from a region bundle's
 * officials (or the officials file), used to address a message and never logged, stored with an
 * incident or returned by the API.
 */
public record Contact(String name, String phone, String email) {
  private static final Pattern PHONE = Pattern.compile("\\+[0-9]{8,15}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  /**
   * Why this contact cannot be used for the post, checked when it is loaded so that a typo is found
   * then, not during an emergency. Empty if it can.
   */
  public static List<String> problems(String post, Contact c) {
    List<String> p = new ArrayList<>();
    if (c == null || (!c.hasPhone() && !c.hasEmail())) {
      p.add(post + ": a contact needs a phone or an e-mail");
      return p;
    }
    if (c.hasPhone() && !PHONE.matcher(c.phone()).matches()) {
      p.add(post + ": phone must be +<country><number>");
    }
    if (c.hasEmail() && !EMAIL.matcher(c.email()).matches()) {
      p.add(post + ": not an e-mail address");
    }
    return p;
  }

  @Override
  public String toString() {
    return "Contact[redacted]";
  }
}
