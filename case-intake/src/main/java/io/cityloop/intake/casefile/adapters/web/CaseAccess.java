package io.cityloop.intake.casefile.adapters.web;

import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/** Who may read a case and its photos: everyone on the supervision and command side; a unit only its own tasks. */
@Component
class CaseAccess {

    private final CaseFileStore cases;

    CaseAccess(CaseFileStore cases) {
        this.cases = cases;
    }

    CaseFile readable(String id, CurrentUser user) {
        CaseFile file = cases.find(id).orElseThrow(() -> Problems.notFound("no case " + id));
        if (user.hasRole("department") && !user.hasAnyRole("supervisor", "dispatcher", "admin")
                && (file.currentTask() == null || !user.belongsTo(file.currentTask().unitId()))) {
            throw Problems.forbidden("case " + id + " is not dispatched to " + user.unit());
        }
        return file;
    }
}
