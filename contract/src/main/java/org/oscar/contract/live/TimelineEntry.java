package org.oscar.contract.live;

/**
 * One step in an incident's case record: what happened, who did it (a unit, the survivor's device,
 * the system, an operator), when (epoch ms, the pipeline's clock) and why.
 */
public record TimelineEntry(long at, String what, String who, String why) {}
