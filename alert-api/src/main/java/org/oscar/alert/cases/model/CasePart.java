package org.oscar.alert.cases.model;

/** The parts of a case, each seen only by those entitled to it. */
public enum CasePart {
  MEDICAL,
  POLICE,
  LEGAL,
  COUNSELLING,
  SHELTER,
  CHILD;
}
