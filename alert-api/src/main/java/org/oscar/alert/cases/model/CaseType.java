package org.oscar.alert.cases.model;

public enum CaseType {
  DOMESTIC_VIOLENCE,
  SEXUAL_ASSAULT,
  TRAFFICKING,
  CHILD_ABUSE,
  OTHER;
}
