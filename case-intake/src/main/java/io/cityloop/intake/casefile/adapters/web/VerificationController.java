package io.cityloop.intake.casefile.adapters.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.casefile.application.OnSiteVerification;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.CityReference;

/** 核查任务: an inspector's open checks, soonest due first; a shift lead sees everyone's. */
@RestController
class VerificationController {

    private final OnSiteVerification verification;
    private final CityReference city;
    private final Clock clock;

    VerificationController(OnSiteVerification verification, CityReference city, Clock clock) {
        this.verification = verification;
        this.city = city;
        this.clock = clock;
    }

    @GetMapping("/api/verifications")
    @PreAuthorize("hasAnyRole('INSPECTOR','SHIFT_LEAD')")
    List<VerificationItem> open(@RequestParam(defaultValue = "50") int limit, CurrentUser user) {
        Instant now = clock.instant();
        return verification.openFor(OnSiteWorkList.assigneeOf(user), OnSiteWorkList.checkedLimit(limit)).stream()
                .map(file -> VerificationItem.of(file, city.calendar(), now)).toList();
    }
}
