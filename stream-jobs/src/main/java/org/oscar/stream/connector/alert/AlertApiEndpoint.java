package org.oscar.stream.connector.alert;

import java.io.Serializable;

/** The alert API's base URL and the job's service token. The token is never logged. */
public record AlertApiEndpoint(String baseUrl, String token) implements Serializable {
  @Override
  public String toString() {
    return "AlertApiEndpoint[" + baseUrl + "]";
  }
}
