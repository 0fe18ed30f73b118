package io.cityloop.dispatch.task.adapters.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.task.adapters.messaging.TaskEventTranslator;
import io.cityloop.dispatch.task.application.StatusCounts;
import io.cityloop.dispatch.task.application.TaskFilter;
import io.cityloop.dispatch.task.application.TaskStore;
import io.cityloop.dispatch.task.application.UnitTally;
import io.cityloop.dispatch.task.model.Task;
import io.cityloop.dispatch.task.model.TaskId;
import io.cityloop.dispatch.task.model.TaskSnapshot;
import io.cityloop.dispatch.task.model.TaskStatus;
import io.cityloop.platform.outbox.OutboxEntry;
import io.cityloop.platform.outbox.OutboxRelay;

/**
 * Tasks in MongoDB, and their outbox: a write drains the events the task caused, has them translated into case
 * events, and stores them in the task's own document in the same write as the task. An update sets the task's fields
 * and pushes the new outbox entries in one conditional write on the version, instead of replacing the document, so
 * it never resurrects entries the relay already pulled; then it names the document to the relay, so the events leave
 * at once instead of at the relay's next sweep.
 */
@Component
class MongoTaskStore implements TaskStore {

    private static final Set<String> NOT_REWRITTEN = Set.of("_id", "version", "outbox");

    private final MongoTemplate mongo;
    private final TaskDocumentMapper mapper;
    private final TaskEventTranslator translator;
    private final OutboxRelay relay;
    private final List<String> storedFields;

    MongoTaskStore(MongoTemplate mongo, TaskDocumentMapper mapper, TaskEventTranslator translator,
                   OutboxRelay relay) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.translator = translator;
        this.relay = relay;
        this.storedFields = rewrittenFields(mongo.getConverter().getMappingContext(),
                mongo.getConverter().getMappingContext().getRequiredPersistentEntity(TaskDocument.class));
    }

    @Override
    public Optional<Task> find(TaskId id) {
        return Optional.ofNullable(mongo.findById(id.value(), TaskDocument.class))
                .map(mapper::toSnapshot)
                .map(Task::restore);
    }

    @Override
    public boolean insert(Task task) {
        List<OutboxEntry> outbox = translator.outbox(task, task.drainEvents());
        TaskSnapshot snapshot = task.snapshot();
        try {
            mongo.insert(mapper.toDocument(snapshot, outbox));
        } catch (DuplicateKeyException e) {
            return false;
        }
        if (!outbox.isEmpty()) {
            relay.nudge(TaskDocument.COLLECTION, snapshot.id());
        }
        return true;
    }

    @Override
    public void update(Task task) {
        List<OutboxEntry> outbox = translator.outbox(task, task.drainEvents());
        TaskSnapshot snapshot = task.snapshot();
        org.bson.Document fields = new org.bson.Document();
        mongo.getConverter().write(mapper.toDocument(snapshot, List.of()), fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (!NOT_REWRITTEN.contains(name)) {
                update.set(name, value);
            }
        });
        // The converter leaves null fields out, so a field the task cleared (a decided request, a reopened
        // task's feedback time) must be unset explicitly, or the old value would stay.
        storedFields.stream().filter(name -> !fields.containsKey(name)).forEach(update::unset);
        if (!outbox.isEmpty()) {
            update.push("outbox").each(outbox.stream().map(this::bson).toArray());
        }
        update.inc("version", 1);
        Query current = query(where("_id").is(snapshot.id()).and("version").is(snapshot.version()));
        if (mongo.updateFirst(current, update, TaskDocument.COLLECTION).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("task " + snapshot.id() + " changed since version "
                    + snapshot.version());
        }
        if (!outbox.isEmpty()) {
            relay.nudge(TaskDocument.COLLECTION, snapshot.id());
        }
    }

    @Override
    public List<Task> list(TaskFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.unitId() != null) {
            criteria = criteria.and("unitId").is(filter.unitId());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status().name());
        }
        if (filter.urgency() != null) {
            criteria = criteria.and("urgency").is(filter.urgency());
        }
        if (filter.districtCode() != null) {
            criteria = criteria.and("districtCode").is(filter.districtCode());
        }
        if (filter.deadlineFrom() != null || filter.deadlineTo() != null) {
            Criteria deadline = criteria.and("deadline");
            if (filter.deadlineFrom() != null) {
                deadline = deadline.gte(Date.from(filter.deadlineFrom()));
            }
            if (filter.deadlineTo() != null) {
                deadline = deadline.lte(Date.from(filter.deadlineTo()));
            }
        }
        Sort order = filter.newestFirst()
                ? Sort.by(Sort.Order.desc("dispatchedAt"), Sort.Order.desc("_id"))
                : Sort.by(Sort.Order.asc("deadline"), Sort.Order.asc("_id"));
        return tasks(query(criteria).with(order).limit(filter.limit()));
    }

    @Override
    public List<Task> open() {
        return tasks(query(where("status").in(names(TaskStatus::isOpen))));
    }

    @Override
    public List<Task> awaitingRedispatch(int limit) {
        return tasks(query(where("status").is(TaskStatus.RETURNED.name()).and("redispatchedAs").is(null))
                .with(Sort.by(Sort.Order.asc("dispatchedAt"))).limit(limit));
    }

    /** Three plain queries rather than one $or, each served by its own index. */
    @Override
    public List<Task> dueForWatch(Instant now, int limitPerKind) {
        List<String> running = names(TaskStatus::isClockRunning);
        Date at = Date.from(now);
        Map<String, Task> due = new LinkedHashMap<>();
        List<Criteria> thresholds = List.of(
                where("status").in(running).and("warned").is(false).and("warnAt").lte(at),
                where("status").in(running).and("overdue").is(false).and("deadline").lt(at),
                where("status").in(running).and("nextEscalationAt").lte(at));
        for (Criteria threshold : thresholds) {
            tasks(query(threshold).limit(limitPerKind)).forEach(task -> due.putIfAbsent(task.id().value(), task));
        }
        return List.copyOf(due.values());
    }

    @Override
    public StatusCounts countByStatus(String unitId, Instant now) {
        Criteria mine = unitId == null ? new Criteria() : where("unitId").is(unitId);
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(mine),
                Aggregation.group("status").count().as("count"));
        mongo.aggregate(aggregation, TaskDocument.COLLECTION, org.bson.Document.class).forEach(row ->
                byStatus.put(TaskStatus.valueOf(row.getString("_id")), ((Number) row.get("count")).longValue()));
        long open = byStatus.entrySet().stream().filter(e -> e.getKey().isOpen()).mapToLong(Map.Entry::getValue)
                .sum();
        List<String> running = names(TaskStatus::isClockRunning);
        long warned = count(scoped(unitId).and("status").in(running).and("warned").is(true));
        long overdue = count(scoped(unitId).and("status").in(running).and("deadline").lt(Date.from(now)));
        long escalated = count(scoped(unitId).and("status").in(names(TaskStatus::isOpen))
                .and("escalationLevel").gt(0));
        return new StatusCounts(unitId, byStatus, open, warned, overdue, escalated);
    }

    private static Criteria scoped(String unitId) {
        return unitId == null ? new Criteria() : where("unitId").is(unitId);
    }

    private long count(Criteria criteria) {
        return mongo.count(query(criteria), TaskDocument.COLLECTION);
    }

    private List<Task> tasks(Query query) {
        return mongo.find(query, TaskDocument.class).stream()
                .map(mapper::toSnapshot)
                .map(Task::restore)
                .toList();
    }

    private static List<String> names(Predicate<TaskStatus> which) {
        return Arrays.stream(TaskStatus.values()).filter(which).map(Enum::name).toList();
    }

    @Override
    public List<UnitTally> openTasksByUnit(Instant now) {
        List<String> open = names(TaskStatus::isOpen);
        Map<String, Long> openByUnit = countByUnit(where("status").in(open));
        Map<String, Long> overdueByUnit = countByUnit(where("status").in(names(TaskStatus::isClockRunning))
                .and("deadline").lt(Date.from(now)));
        return openByUnit.entrySet().stream()
                .map(unit -> new UnitTally(unit.getKey(), unit.getValue(),
                        overdueByUnit.getOrDefault(unit.getKey(), 0L)))
                .toList();
    }

    /** Two plain $match/$group passes rather than one with $cond, which the embedded server may not evaluate. */
    private Map<String, Long> countByUnit(Criteria criteria) {
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.group("unitId").count().as("count"));
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(aggregation, TaskDocument.COLLECTION, org.bson.Document.class).forEach(row ->
                counts.put(row.getString("_id"), ((Number) row.get("count")).longValue()));
        return counts;
    }

    /** The document's top-level field names an update rewrites, with the unwrapped groups' fields in their place. */
    private static List<String> rewrittenFields(
            MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context,
            MongoPersistentEntity<?> entity) {
        List<String> names = new ArrayList<>();
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            if (property.isUnwrapped()) {
                names.addAll(rewrittenFields(context, context.getRequiredPersistentEntity(property)));
            } else if (!NOT_REWRITTEN.contains(property.getFieldName())) {
                names.add(property.getFieldName());
            }
        });
        return List.copyOf(names);
    }

    private org.bson.Document bson(OutboxEntry entry) {
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(entry, document);
        document.remove("_class");
        return document;
    }
}
