package org.oscar.contract.live;

/**
 * An element the job's sink gave up on because the target called it malformed (HTTP 400 or 422),
 * kept for the control room to see and re-send ({@link LiveKeys#deadLetters(String)}, one field per
 * element id). {@code answer} is the start of the target's reply; {@code body} is what was sent.
 */
public record DeadLetter(String id, int status, String answer, long at, String body) {}
