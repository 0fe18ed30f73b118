package io.cityloop.dispatch.task.adapters.messaging;

import io.cityloop.dispatch.routing.model.CategoryTerms;
import io.cityloop.dispatch.task.application.Filing;
import io.cityloop.dispatch.task.application.ReworkRequest;
import io.cityloop.dispatch.task.model.FiledCase;
import io.cityloop.dispatch.task.model.Performer;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.ReworkRequired;
import io.cityloop.events.TimeLimit;
import io.cityloop.reference.TimeLimitSpec;
import io.cityloop.reference.WorkingTimeUnit;

/** The case events the command center acts on, in the application's words: the wire format stops here. */
public final class InboundCaseEvents {

    private InboundCaseEvents() {
    }

    /** A {@code case.filed} event as the filing to dispatch. */
    public static Filing filing(CaseEvent filedEvent) {
        CaseFiled filed = filedEvent.dataAs(CaseFiled.class);
        return new Filing(filedEvent.id(), filedEvent.time(),
                new FiledCase(filed.caseId(), filed.categoryCode(), filed.districtCode(), filed.gridCode(),
                        terms(filed.category())),
                filed.componentOwner());
    }

    /** The catalog's terms as filed; none on a filing published before they travelled with it. */
    private static CategoryTerms terms(io.cityloop.events.CategoryTerms filed) {
        if (filed == null) {
            return null;
        }
        TimeLimit limit = filed.handlingLimit();
        return new CategoryTerms(filed.code(), filed.name(), filed.urgency(),
                new TimeLimitSpec(limit.amount(), WorkingTimeUnit.valueOf(limit.unit())), filed.defaultUnit(),
                filed.catalogVersion());
    }

    /** A {@code rework.required} event as the request to reopen its task. */
    public static ReworkRequest reworkRequest(CaseEvent reworkEvent) {
        ReworkRequired request = reworkEvent.dataAs(ReworkRequired.class);
        return new ReworkRequest(reworkEvent.id(), new TaskId(request.taskId()),
                new Performer(request.actor().id(), request.actor().role()), request.reason());
    }
}
