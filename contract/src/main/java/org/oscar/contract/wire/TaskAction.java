package org.oscar.contract.wire;

public enum TaskAction {
  ASSIGN,
  UPDATE,
  WITHDRAW
}
