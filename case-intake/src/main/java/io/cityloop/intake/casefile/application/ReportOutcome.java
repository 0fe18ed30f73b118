package io.cityloop.intake.casefile.application;

import io.cityloop.intake.casefile.model.CaseFile;

/** The case a report led to, and whether this submission created it or repeated an earlier one. */
public record ReportOutcome(CaseFile caseFile, boolean created) {
}
