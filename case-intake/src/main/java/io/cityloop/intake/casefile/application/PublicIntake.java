package io.cityloop.intake.casefile.application;

import java.util.Optional;

import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.ReportSource;

/**
 * 公众举报: the one way in for citizens without an account, whichever door they use (the native
 * {@code /api/public/reports} or Open311). Every such report is the anonymous citizen's, counted against the
 * client's hourly limit unless it repeats a report already taken, and then goes through the same intake as any
 * other: catalog, grid, duplicates.
 */
@Service
public class PublicIntake {

    /** Who a citizen without an account is on the case: nobody in particular. */
    public static final Participant CITIZEN = new Participant("public", "public");

    private final CaseReporting reporting;
    private final CaseFileStore store;
    private final PublicReportThrottle throttle;

    PublicIntake(CaseReporting reporting, CaseFileStore store, PublicReportThrottle throttle) {
        this.reporting = reporting;
        this.store = store;
        this.throttle = throttle;
    }

    /**
     * Only a report taken uses the client's allowance: the place reserved for it is given back when the intake
     * refuses it (category, grid, text, a reused key, the database away) or when it repeats one already taken.
     *
     * @throws TooManyReportsException when the client is over its hourly limit
     */
    public ReportOutcome report(NewReport report, String client) {
        boolean retry = store.findReport(CITIZEN.id(), report.idempotencyKey()).isPresent();
        if (retry) {
            return reporting.report(report, CITIZEN, ReportSource.PUBLIC);
        }
        PublicReportThrottle.Reservation place = throttle.reserve(client);
        if (place == null) {
            throw new TooManyReportsException(client);
        }
        boolean taken = false;
        try {
            ReportOutcome outcome = reporting.report(report, CITIZEN, ReportSource.PUBLIC);
            taken = outcome.created();
            return outcome;
        } finally {
            if (!taken) {
                throttle.release(place);
            }
        }
    }

    /** How long a client over its hourly limit waits before its next report can be taken. */
    public java.time.Duration retryAfter(String client) {
        return throttle.retryAfter(client);
    }

    /** A case a citizen reported, for public tracking; other channels' cases are not public. */
    public Optional<CaseFile> track(String caseId) {
        return store.find(caseId).filter(PublicIntake::isPublic);
    }

    public static boolean isPublic(CaseFile file) {
        return file.source() == ReportSource.PUBLIC && file.reporter().equals(CITIZEN);
    }
}
