package org.oscar.alert.cases.model;

/**
 * The parts of a case, each seen only by those entitled to it. {@code IDENTITY} is her name, phone
 * and address: stored only with her consent, encrypted, and shared only where a consent names it.
 */
public enum CasePart {
  IDENTITY,
  MEDICAL,
  POLICE,
  LEGAL,
  COUNSELLING,
  SHELTER,
  CHILD;
}
