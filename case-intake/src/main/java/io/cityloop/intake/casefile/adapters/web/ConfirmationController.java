package io.cityloop.intake.casefile.adapters.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.casefile.application.ReportConfirmation;
import io.cityloop.intake.casefile.model.ConfirmationResult;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.CityReference;

/** 核实: an inspector's reports to confirm on site before filing, and the answer. A shift lead sees everyone's. */
@RestController
class ConfirmationController {

    private final ReportConfirmation confirmation;
    private final CaseViews views;
    private final CityReference city;
    private final Clock clock;

    ConfirmationController(ReportConfirmation confirmation, CaseViews views, CityReference city, Clock clock) {
        this.confirmation = confirmation;
        this.views = views;
        this.city = city;
        this.clock = clock;
    }

    @GetMapping("/api/confirmations")
    @PreAuthorize("hasAnyRole('INSPECTOR','SHIFT_LEAD')")
    List<ConfirmationItem> open(@RequestParam(defaultValue = "50") int limit, CurrentUser user) {
        Instant now = clock.instant();
        return confirmation.openFor(OnSiteWorkList.assigneeOf(user), OnSiteWorkList.checkedLimit(limit)).stream()
                .map(file -> ConfirmationItem.of(file, city.calendar(), now)).toList();
    }

    @PostMapping("/api/cases/{id}/confirmation")
    @PreAuthorize("hasAnyRole('INSPECTOR','SHIFT_LEAD')")
    CaseView answer(@PathVariable String id, @Valid @RequestBody ConfirmationRequest request, CurrentUser user) {
        Participant inspector = new Participant(user.username(), user.actingRole("inspector", "shift-lead"));
        List<String> photos = request.photoIds() == null ? List.of() : request.photoIds();
        if (request.result() == ConfirmationResult.REFUTED) {
            return views.toView(confirmation.refute(id, inspector, request.note(), photos));
        }
        return views.toView(confirmation.confirm(id, inspector, request.note(), photos));
    }
}
