package io.cityloop.assessment.close.adapters.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.assessment.close.application.AppealService;
import io.cityloop.assessment.close.model.Appeal;
import io.cityloop.platform.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A supervisor upholds (支持) or rejects (驳回) an appeal. */
@RestController
class AppealDecisionController {

    private final AppealService appeals;

    AppealDecisionController(AppealService appeals) {
        this.appeals = appeals;
    }

    @PostMapping("/api/appeals/{appealId}/decision")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Appeal decide(@PathVariable String appealId, @Valid @RequestBody DecisionRequest request, CurrentUser user) {
        return appeals.decide(appealId, request.decision() == Decision.UPHOLD, request.reason(),
                MonthCloseController.actor(user));
    }

    enum Decision { UPHOLD, REJECT }

    record DecisionRequest(@NotNull Decision decision, @NotBlank @Size(max = 1000) String reason) {
    }
}
