package io.cityloop.intake.casefile.adapters.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.casefile.application.OnSiteVerification;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/** 核查任务: an inspector's open checks, soonest due first; a shift lead sees everyone's. */
@RestController
class VerificationController {

    private final OnSiteVerification verification;

    VerificationController(OnSiteVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/verifications")
    @PreAuthorize("hasAnyRole('INSPECTOR','SHIFT_LEAD')")
    List<VerificationItem> open(@RequestParam(defaultValue = "50") int limit, CurrentUser user) {
        if (limit < 1 || limit > 200) {
            throw Problems.validation("limit", "range", "must be between 1 and 200");
        }
        String assignee = user.hasRole("shift-lead") ? null : user.username();
        return verification.openFor(assignee, limit).stream().map(VerificationController::item).toList();
    }

    private static VerificationItem item(CaseFile file) {
        return new VerificationItem(file.id(), file.category().code(), file.category().name(),
                file.location().address(), file.location().cellCode(), file.verification().assignee(),
                file.verification().dueBy(), file.currentTask() == null ? null : file.currentTask().taskId(),
                file.currentTask() == null ? null : file.currentTask().unitName());
    }
}
