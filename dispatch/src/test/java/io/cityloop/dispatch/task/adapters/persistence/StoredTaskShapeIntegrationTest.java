package io.cityloop.dispatch.task.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.cityloop.dispatch.DispatchIntegrationTestSupport;
import io.cityloop.dispatch.task.adapters.messaging.InboundCaseEvents;
import io.cityloop.dispatch.task.application.DispatcherDesk;
import io.cityloop.dispatch.task.application.TaskDispatching;
import io.cityloop.dispatch.task.application.TaskQueries;
import io.cityloop.dispatch.task.application.UnitMember;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.events.Actor;
import io.cityloop.events.CaseEvent;
import io.cityloop.events.CaseFiled;
import io.cityloop.events.Producers;

/**
 * A task is stored with every fact as a top-level field, as before its state was grouped into records: the
 * indexes and queries name those fields, and the documents a running city stored before still read and update.
 */
class StoredTaskShapeIntegrationTest extends DispatchIntegrationTestSupport {

    /**
     * What the flat task document of before held for a freshly dispatched task (nulls are not stored), and the
     * catalog terms every task records since (default unit, catalog version).
     */
    private static final List<String> DISPATCHED_FIELDS = List.of("_id", "caseId", "sourceEventId", "unitId",
            "unitName", "categoryCode", "categoryName", "urgency", "districtCode", "gridCode", "timeLimit",
            "defaultUnit", "catalogVersion", "ruleId",
            "ruleSetVersion", "dispatchedBy", "status", "dispatchedAt", "clock", "deadline", "warnAt",
            "nextEscalationAt", "warned", "overdue", "escalationLevel", "reworkCount", "extensionCount", "eventCount",
            "history", "appliedEventIds", "outbox", "version", "_class");

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private TaskDispatching dispatching;
    @Autowired
    private TaskQueries queries;
    @Autowired
    private DispatcherDesk desk;

    @Test
    void aDispatchedTaskIsStoredWithTheFieldsOfTheFlatDocument() {
        String caseId = newCaseId("SHP");
        dispatching.onFiled(InboundCaseEvents.filing(CaseEvent.of(Producers.CASE_INTAKE, caseId, 2, clock.instant(),
                new CaseFiled(caseId, "02-01-01", "610402", "6104020010010001", "符合立案标准",
                        new Actor("operator-li", "operator")))));

        Document stored = raw(TaskId.firstOf(caseId).value());

        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(DISPATCHED_FIELDS);
        assertThat(stored.get("clock", Document.class).keySet())
                .containsExactlyInAnyOrder("start", "grantedSeconds", "suspensions");
    }

    @Test
    void aTaskStoredBeforeTheGroupingReadsAndUpdatesInPlace() {
        String caseId = "LEG-202609-" + UUID.randomUUID().toString().substring(0, 8);
        String taskId = TaskId.firstOf(caseId).value();
        mongo.insert(legacyExtensionRequested(taskId, caseId), TaskDocument.COLLECTION);

        Task task = queries.get(new TaskId(taskId));

        assertThat(task.status()).isEqualTo(TaskStatus.EXTENSION_REQUESTED);
        assertThat(task.subject().caseId()).isEqualTo(caseId);
        assertThat(task.subject().timeLimit().amount()).isEqualTo(1.0);
        assertThat(task.assignment().unitId()).isEqualTo("district-610402");
        assertThat(task.assignment().ruleSetVersion()).isEqualTo(1);
        assertThat(task.countdown().warned()).isTrue();
        assertThat(task.countdown().clock().grantedSeconds()).isEqualTo(25_200);
        assertThat(task.handling().acceptedAt()).isEqualTo(FRIDAY_1700.plusSeconds(600));
        assertThat(task.hold().statusBeforeHold()).isEqualTo(TaskStatus.ACCEPTED);
        assertThat(task.hold().pendingExtension().additionalSeconds()).isEqualTo(50_400);
        assertThat(task.handback().previousTaskId()).isNull();
        assertThat(task.journal().history()).hasSize(3);
        assertThat(task.hasApplied("legacy-filed-" + caseId)).isTrue();
        assertThat(task.version()).isEqualTo(3);

        Task approved = desk.decideExtension(new TaskId(taskId), true, "同意延期",
                UnitMember.commandCenter("dispatcher-wang", "dispatcher"), 3L);

        Document stored = raw(taskId);
        assertThat(stored.getString("status")).isEqualTo("ACCEPTED");
        assertThat(stored).doesNotContainKeys("statusBeforeHold", "pendingExtension", "subject", "assignment",
                "countdown", "handling", "hold", "handback", "journal");
        assertThat(stored.getInteger("extensionCount")).isEqualTo(1);
        assertThat(stored.getBoolean("warned")).isFalse();
        assertThat(stored.getDate("deadline").toInstant()).isEqualTo(approved.countdown().deadline());
        assertThat(stored.getString("unitId")).isEqualTo("district-610402");
        assertThat(stored.getList("history", Document.class)).hasSize(4);
        assertThat(stored.getLong("version")).isEqualTo(4);
    }

    private Document raw(String taskId) {
        return mongo.findById(taskId, Document.class, TaskDocument.COLLECTION);
    }

    /** An accepted task whose unit asked for two more working days, as the flat document of before stored it. */
    private static Document legacyExtensionRequested(String taskId, String caseId) {
        Instant dispatched = FRIDAY_1700;
        Instant accepted = dispatched.plusSeconds(600);
        Instant asked = dispatched.plusSeconds(1200);
        Instant sunday1700 = Instant.parse("2026-09-20T09:00:00Z");
        return new Document("_id", taskId)
                .append("caseId", caseId)
                .append("sourceEventId", "legacy-filed-" + caseId)
                .append("unitId", "district-610402")
                .append("unitName", "秦都区")
                .append("categoryCode", "02-01-01")
                .append("categoryName", "暴露垃圾")
                .append("urgency", "QUICK")
                .append("districtCode", "610402")
                .append("gridCode", "6104020010010001")
                .append("timeLimit", new Document("amount", 1.0).append("unit", "WORKING_DAYS"))
                .append("ruleId", "default-02-01-01")
                .append("ruleSetVersion", 1L)
                .append("dispatchedBy", "auto-routing")
                .append("status", "EXTENSION_REQUESTED")
                .append("statusBeforeHold", "ACCEPTED")
                .append("dispatchedAt", Date.from(dispatched))
                .append("acceptedAt", Date.from(accepted))
                .append("clock", new Document("start", Date.from(dispatched)).append("grantedSeconds", 25_200L)
                        .append("suspensions", List.of()))
                .append("deadline", Date.from(sunday1700))
                .append("warnAt", Date.from(sunday1700.minus(Duration.ofMinutes(84))))
                .append("nextEscalationAt", Date.from(Instant.parse("2026-09-21T09:00:00Z")))
                .append("warned", true)
                .append("overdue", false)
                .append("escalationLevel", 0)
                .append("reworkCount", 0)
                .append("extensionCount", 0)
                .append("pendingExtension", new Document("requestedAt", Date.from(asked))
                        .append("additionalSeconds", 50_400L)
                        .append("requestedDeadline", Date.from(Instant.parse("2026-09-22T09:00:00Z")))
                        .append("reason", "需协调环卫车辆，申请延期2个工作日")
                        .append("requestedBy", "qindu-platform"))
                .append("eventCount", 3L)
                .append("history", List.of(
                        entry(dispatched, "dispatched", null, "DISPATCHED", "auto-routing", "system"),
                        entry(accepted, "accepted", "DISPATCHED", "ACCEPTED", "qindu-platform", "department"),
                        entry(asked, "extension-requested", "ACCEPTED", "EXTENSION_REQUESTED", "qindu-platform",
                                "department")))
                .append("appliedEventIds", List.of("legacy-filed-" + caseId))
                .append("outbox", List.of())
                .append("version", 3L)
                .append("_class", TaskDocument.class.getName());
    }

    private static Document entry(Instant at, String type, String from, String to, String actor, String role) {
        Document entry = new Document("at", Date.from(at)).append("type", type);
        if (from != null) {
            entry.append("fromStatus", from);
        }
        return entry.append("toStatus", to).append("actor", actor).append("role", role);
    }
}
