package org.oscar.contract.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code oscar/v1/dev/{id}/notice}: what the survivor's device shows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeMessage(String incidentId, NoticeState state, Long etaS, long ts) {}
