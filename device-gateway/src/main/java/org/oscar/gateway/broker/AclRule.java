package org.oscar.gateway.broker;

/** One line of a broker role's access list (Mosquitto dynamic-security ACL types). */
public record AclRule(String aclType, String topic, boolean allow) {
  public static AclRule publish(String topic) {
    return new AclRule("publishClientSend", topic, true);
  }

  public static AclRule subscribe(String topic) {
    return new AclRule("subscribeLiteral", topic, true);
  }

  public static AclRule subscribePattern(String topic) {
    return new AclRule("subscribePattern", topic, true);
  }
}
