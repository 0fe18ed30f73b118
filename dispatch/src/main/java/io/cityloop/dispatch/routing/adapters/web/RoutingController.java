package io.cityloop.dispatch.routing.adapters.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.dispatch.routing.application.PublishedRuleSet;
import io.cityloop.dispatch.routing.application.RoutingRuleBook;
import io.cityloop.dispatch.routing.model.Route;
import io.cityloop.dispatch.routing.model.RoutingRequest;
import io.cityloop.dispatch.routing.model.RoutingRule;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/**
 * The routing rule book (派遣规则) over HTTP: read the latest or any earlier version, try a case against it, and
 * (admin) publish a new version.
 */
@RestController
@RequestMapping("/api/routing")
class RoutingController {

    private final RoutingRuleBook ruleBook;

    RoutingController(RoutingRuleBook ruleBook) {
        this.ruleBook = ruleBook;
    }

    /** A rule-set version as published. */
    record RuleSetView(long version, Instant publishedAt, String publishedBy, String reason, List<RoutingRule> rules) {

        static RuleSetView of(PublishedRuleSet published) {
            return new RuleSetView(published.ruleSet().version(), published.publishedAt(), published.publishedBy(),
                    published.reason(), published.ruleSet().rules());
        }
    }

    /** A new version: the whole rule list, edited on {@code basedOnVersion}. */
    record PublishRequest(@NotNull Long basedOnVersion, @NotBlank @Size(max = 500) String reason,
                          @NotEmpty List<@Valid RuleBody> rules) {
    }

    record RuleBody(@NotBlank @Size(max = 80) String id, @NotBlank String categoryCode, String districtCode,
                    String streetCode, String cellCode, String componentOwner, @NotBlank String unit,
                    @Size(max = 200) String note) {

        RoutingRule toRule() {
            return new RoutingRule(id, categoryCode, districtCode, streetCode, cellCode, componentOwner, unit, note);
        }
    }

    /** Which unit a case would go to, and by which rule. */
    record RouteView(String unitId, String unitName, String ruleId, long ruleSetVersion) {
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    RuleSetView latest() {
        return RuleSetView.of(ruleBook.latest());
    }

    @GetMapping("/rules/{version}")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    RuleSetView version(@PathVariable long version) {
        return ruleBook.version(version).map(RuleSetView::of)
                .orElseThrow(() -> Problems.notFound("routing rules version " + version + " does not exist"));
    }

    @PutMapping("/rules")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    RuleSetView publish(CurrentUser user, @Valid @RequestBody PublishRequest request) {
        return RuleSetView.of(ruleBook.publish(request.rules().stream().map(RuleBody::toRule).toList(),
                request.basedOnVersion(), user.username(), request.reason().strip()));
    }

    @GetMapping("/route")
    @PreAuthorize("hasAnyRole('DISPATCHER','SUPERVISOR','ADMIN')")
    RouteView route(@RequestParam String categoryCode, @RequestParam String districtCode,
                    @RequestParam(required = false) String gridCode,
                    @RequestParam(required = false) String componentOwner) {
        Route route = ruleBook.current().route(new RoutingRequest(categoryCode, districtCode, gridCode,
                componentOwner));
        return new RouteView(route.unit().id(), route.unit().name(), route.ruleId(), route.ruleSetVersion());
    }
}
