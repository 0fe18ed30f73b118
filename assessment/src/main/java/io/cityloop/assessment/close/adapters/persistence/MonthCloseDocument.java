package io.cityloop.assessment.close.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.assessment.month.model.AuditEntry;

/** A month's close record; {@code state} is the guard of every conditional update. */
@Document(MonthCloseDocument.COLLECTION)
record MonthCloseDocument(@Id String month, String state, String snapshotId, Instant cutOff, String schemeReference,
                          List<AuditEntry> audit) {

    static final String COLLECTION = "assessment_months";
}
