package io.cityloop.dispatch.task.model;

/** The part of a filed case (已立案) that the command center needs to dispatch it. */
public record FiledCase(String caseId, String categoryCode, String districtCode, String gridCode) {
}
