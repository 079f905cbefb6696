package org.oscar.alert.notify.contact;

/**
 * How to reach the person holding a post. Personal data: it is read from the officials file, used
 * to address a message and never logged, stored with an incident or returned by the API.
 */
public record Contact(String name, String phone, String email) {
  public boolean hasPhone() {
    return phone != null && !phone.isBlank();
  }

  public boolean hasEmail() {
    return email != null && !email.isBlank();
  }

  @Override
  public String toString() {
    return "Contact[redacted]";
  }
}
