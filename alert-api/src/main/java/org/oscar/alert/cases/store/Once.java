package org.oscar.alert.cases.store;

/** What a create returned: {@code fresh} false when it was a retry answered from the first. */
public record Once<T>(T value, boolean fresh) {}
