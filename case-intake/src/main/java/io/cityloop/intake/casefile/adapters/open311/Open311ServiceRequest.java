package io.cityloop.intake.casefile.adapters.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseStatus;

/**
 * A case as Open311 shows it to anyone: what, where, when and how far it got — never who reported it, who
 * handled it, their notes or photos. {@code status} is {@code open} until the case ended (结案, not filed, merged
 * or cancelled); {@code status_notes} says in fixed words which step it is at.
 */
record Open311ServiceRequest(
        @JsonProperty("service_request_id") String serviceRequestId,
        String status,
        @JsonProperty("status_notes") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        String description,
        @JsonProperty("requested_datetime") String requestedDatetime,
        @JsonProperty("updated_datetime") String updatedDatetime,
        String address,
        double lat,
        @JsonProperty("long") double lon) {

    static final String OPEN = "open";
    static final String CLOSED = "closed";

    static Open311ServiceRequest of(CaseFile file, ZoneId zone) {
        Instant updated = file.timeline().isEmpty() ? file.reportedAt()
                : file.timeline().get(file.timeline().size() - 1).at();
        return new Open311ServiceRequest(file.id(), statusOf(file.status()), notes(file), file.category().name(),
                file.category().code(), file.description(), w3c(file.reportedAt(), zone), w3c(updated, zone),
                file.location().address(), file.location().lat(), file.location().lon());
    }

    static String statusOf(CaseStatus status) {
        return status.isOpen() ? OPEN : CLOSED;
    }

    private static String notes(CaseFile file) {
        switch (file.status()) {
            case REPORTED:
                return "已上报，等待受理";
            case INFO_REQUESTED:
                return "待补充信息";
            case CONFIRMING:
                return "已派监督员现场核实";
            case FILED:
                return "已立案，等待派遣";
            case DISPATCHED:
                return file.currentTask() == null ? "已派遣" : "已派遣至" + file.currentTask().unitName();
            case ACCEPTED:
                return "处置单位已签收，处置中";
            case HANDLED:
            case VERIFYING:
                return "处置完毕，待现场核查";
            case VERIFIED:
                return "核查通过";
            case REWORK:
                return "核查未通过，返工处置中";
            case CLOSED:
                return "已结案";
            case REJECTED:
                return "不予立案";
            case MERGED:
                return "与案件 " + file.masterCaseId() + " 合并处理";
            case CANCELLED:
                return "已作废";
            default:
                throw new IllegalStateException("no public note for " + file.status());
        }
    }

    /** W3C date-time with the city's offset, as Open311 clients parse it. */
    private static String w3c(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }
}
