package io.cityloop.intake.casefile.adapters.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.intake.casefile.model.Confirmation;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.PhotoRef;
import io.cityloop.intake.casefile.model.ReportOrigin;
import io.cityloop.intake.casefile.model.TimelineEntry;
import io.cityloop.intake.casefile.model.Verification;

/** Case file → the API's view of it; {@code overdue} is judged against the clock at the time of the answer. */
@Component
class CaseViews {

    private final Clock clock;

    CaseViews(Clock clock) {
        this.clock = clock;
    }

    CaseView toView(CaseFile file) {
        CaseLocation where = file.location();
        Instant due = file.stageDueBy();
        return new CaseView(file.id(), file.status().name(), file.category().code(), file.category().name(),
                file.category().catalogVersion(), file.category().urgency(), file.description(),
                new CaseView.Position(where.lon(), where.lat()), where.address(), where.districtCode(),
                where.districtName(), where.streetCode(), where.streetName(), where.communityCode(),
                where.communityName(), where.cellCode(), where.inspectorArea(), file.source().name(),
                origin(file.origin()), file.reporter().id(), file.reportedAt(), file.filing().filingDueBy(),
                file.filing().filingOnTime(), due, due != null && clock.instant().isAfter(due),
                file.probableDuplicates(), file.masterCaseId(),
                file.coReporters().stream().map(Participant::id).toList(), file.reworkCount(),
                file.photos().stream().map(p -> photo(file.id(), p)).toList(),
                file.currentTask() == null ? null : new CaseView.Task(file.currentTask().taskId(),
                        file.currentTask().unitId(), file.currentTask().unitName(), file.currentTask().deadline()),
                check(file.verification()), confirmation(file.confirmation()), steps(file.timeline()));
    }

    List<CaseView.Step> steps(List<TimelineEntry> timeline) {
        return timeline.stream().map(e -> new CaseView.Step(e.at(), e.type(),
                e.fromStatus() == null ? null : e.fromStatus().name(), e.toStatus() == null ? null : e.toStatus().name(),
                e.actor(), e.role(), e.reason(), e.source())).toList();
    }

    /**
     * A citizen's or hotline caller's name and phone are for the operators who call back (受理员, 值班长); every
     * other reader — inspector, dispatcher, supervisor, admin, the handling unit — sees them masked
     * ({@code 王*}, {@code 139****0001}), in every answer that carries a case (the case, lists, {@code /near}).
     */
    private static CaseView.Origin origin(ReportOrigin origin) {
        if (origin == null || ReportOrigin.NONE.equals(origin)) {
            return null;
        }
        if (operatorReads()) {
            return new CaseView.Origin(origin.deviceId(), origin.reading(), origin.callerName(),
                    origin.callerPhone());
        }
        return new CaseView.Origin(origin.deviceId(), origin.reading(), maskName(origin.callerName()),
                maskPhone(origin.callerPhone()));
    }

    private static boolean operatorReads() {
        Authentication reader = SecurityContextHolder.getContext().getAuthentication();
        if (reader == null) {
            return false;
        }
        for (GrantedAuthority authority : reader.getAuthorities()) {
            if ("ROLE_OPERATOR".equals(authority.getAuthority()) || "ROLE_SHIFT_LEAD".equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.strip().codePointAt(0);
        return new StringBuilder().appendCodePoint(first).append('*').toString();
    }

    /** Keeps the first three and the last four digits of a number long enough to hide something. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    private static CaseView.Photo photo(String caseId, PhotoRef p) {
        return new CaseView.Photo(p.id(), p.sha256(), p.contentType(), p.size(), p.stage(), p.takenAt(), p.lon(),
                p.lat(), p.uploadedBy(), p.uploadedAt(), "/api/cases/" + caseId + "/photos/" + p.id());
    }

    private static CaseView.Confirmation confirmation(Confirmation c) {
        if (c == null) {
            return null;
        }
        return new CaseView.Confirmation(c.assignee(), c.requestedBy(), c.requestedAt(), c.dueBy(),
                c.dispatchedOnTime(), c.result() == null ? null : c.result().name(), c.note(), c.answeredAt(),
                c.isOpen() ? null : c.answeredOnTime(), c.photoIds());
    }

    private static CaseView.Check check(Verification v) {
        if (v == null) {
            return null;
        }
        return new CaseView.Check(v.assignee(), v.requestedAt(), v.dueBy(), v.result() == null ? null : v.result().name(),
                v.note(), v.verifiedAt(), v.photoIds() == null ? List.of() : v.photoIds());
    }
}
