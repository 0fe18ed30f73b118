package io.cityloop.intake.casefile.adapters.web;

import java.time.Instant;

/** One line of an inspector's verification list (核查任务). */
record VerificationItem(String caseId, String categoryCode, String categoryName, String address, String gridCode,
                        String assignee, Instant dueBy, String taskId, String unitName) {
}
