package io.cityloop.assessment.facts.adapters.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.assessment.facts.application.ProjectionRebuild;

/** An admin rebuilds the case facts from the topic (after a change to how events are projected). */
@RestController
class ProjectionRebuildController {

    private final ProjectionRebuild rebuild;

    ProjectionRebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/assessment/projection/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    ProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
