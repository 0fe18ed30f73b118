package io.cityloop.assessment.close.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.assessment.month.model.AuditEntry;

/** An appeal as stored; {@code state} guards the decision. */
@Document(AppealDocument.COLLECTION)
record AppealDocument(@Id String id, String month, String unitId, List<String> caseIds, String reason, String effect,
                      String state, String filedBy, Instant filedAt, String decidedBy, Instant decidedAt,
                      String decisionReason, List<AuditEntry> history) {

    static final String COLLECTION = "appeals";
}
