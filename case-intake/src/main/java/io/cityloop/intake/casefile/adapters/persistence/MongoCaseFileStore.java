package io.cityloop.intake.casefile.adapters.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.adapters.messaging.CaseEventTranslator;
import io.cityloop.intake.casefile.application.CaseFileStore;
import io.cityloop.intake.casefile.application.CaseQuery;
import io.cityloop.intake.casefile.application.DuplicateReportException;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseSnapshot;
import io.cityloop.intake.casefile.model.CaseStatus;
import io.cityloop.platform.outbox.OutboxEntry;
import io.cityloop.platform.outbox.OutboxRelay;

/**
 * Cases in MongoDB. An update sets the case's fields and pushes the new outbox entries in one write conditional on
 * the version, instead of replacing the document, so it never brings back entries the relay already pulled.
 */
@Component
class MongoCaseFileStore implements CaseFileStore {

    private static final Set<String> NOT_REWRITTEN = Set.of("_id", "version", "outbox", "_class");
    /**
     * Queries name the fields as stored, where the records' fields sit unwrapped at the top of the document; a
     * nested record's id property is stored as {@code _id}, so the reporter's user name is {@code reporter._id}.
     */
    private static final String REPORTER = "reporter._id";

    private final MongoTemplate mongo;
    private final CaseFileMapper mapper;
    private final CaseEventTranslator translator;
    private final OutboxRelay relay;

    MongoCaseFileStore(MongoTemplate mongo, CaseFileMapper mapper, CaseEventTranslator translator,
                       OutboxRelay relay) {
        this.mongo = mongo;
        this.mapper = mapper;
        this.translator = translator;
        this.relay = relay;
    }

    @Override
    public Optional<CaseFile> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFileDocument.class)).map(this::restore);
    }

    @Override
    public Optional<CaseFile> findReport(String reporterId, String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(
                query(where(REPORTER).is(reporterId).and("idempotencyKey").is(idempotencyKey)),
                CaseFileDocument.class)).map(this::restore);
    }

    @Override
    public void insert(CaseFile file) {
        try {
            mongo.insert(mapper.toDocument(file, translator.outbox(file)));
        } catch (DuplicateKeyException e) {
            throw new DuplicateReportException(file.reporter().id(), file.submission().idempotencyKey());
        }
        relay.nudge(CaseFileDocument.COLLECTION, file.id());
    }

    @Override
    public void save(CaseFile file) {
        CaseSnapshot snapshot = file.snapshot();
        List<OutboxEntry> outbox = translator.outbox(file);
        org.bson.Document fields = new org.bson.Document();
        mongo.getConverter().write(mapper.toDocument(file, List.of()), fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (!NOT_REWRITTEN.contains(name)) {
                update.set(name, value);
            }
        });
        if (!outbox.isEmpty()) {
            update.push("outbox").each(outbox.stream().map(this::bson).toArray());
        }
        update.inc("version", 1);
        Query current = query(where("_id").is(snapshot.id()).and("version").is(snapshot.version()));
        if (mongo.updateFirst(current, update, CaseFileDocument.COLLECTION).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("case " + snapshot.id() + " changed since version "
                    + snapshot.version());
        }
        if (!outbox.isEmpty()) {
            relay.nudge(CaseFileDocument.COLLECTION, snapshot.id());
        }
    }

    @Override
    public List<CaseFile> findByStatus(CaseStatus status, int limit) {
        return mongo.find(query(where("status").is(status.name()))
                        .with(Sort.by(Sort.Order.asc("reportedAt"), Sort.Order.asc("_id"))).limit(limit),
                CaseFileDocument.class).stream().map(this::restore).toList();
    }

    @Override
    public List<CaseFile> filingQueue(int limit) {
        return mongo.find(query(where("status").is(CaseStatus.REPORTED.name()))
                        .with(Sort.by(Sort.Order.asc("priority"), Sort.Order.asc("reportedAt"), Sort.Order.asc("_id")))
                        .limit(limit),
                CaseFileDocument.class).stream().map(this::restore).toList();
    }

    @Override
    public List<CaseFile> search(CaseQuery filter) {
        Sort.Direction direction = filter.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC;
        Sort order = "priority".equals(filter.sort())
                ? Sort.by(Sort.Order.by("priority").with(direction), Sort.Order.by("reportedAt").with(direction))
                : Sort.by(direction, filter.sort());
        Query found = query(criteria(filter)).with(order.and(Sort.by(direction, "_id")))
                .skip((long) filter.page() * filter.size()).limit(filter.size());
        return mongo.find(found, CaseFileDocument.class).stream().map(this::restore).toList();
    }

    @Override
    public long count(CaseQuery filter) {
        return mongo.count(query(criteria(filter)), CaseFileDocument.COLLECTION);
    }

    /** Equality filters first, then ranges, matching the compound indexes of {@link CaseFileIndexes}. */
    private static Criteria criteria(CaseQuery filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            all.add(where("status").in(filter.statuses().stream().map(Enum::name).toList()));
        }
        if (filter.districtCode() != null) {
            all.add(where("location.districtCode").is(filter.districtCode()));
        }
        if (filter.streetCode() != null) {
            all.add(where("location.streetCode").is(filter.streetCode()));
        }
        if (filter.categoryCode() != null) {
            all.add(where("category.code").is(filter.categoryCode()));
        }
        if (filter.source() != null) {
            all.add(where("source").is(filter.source().name()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria reported = where("reportedAt");
            if (filter.from() != null) {
                reported = reported.gte(filter.from());
            }
            if (filter.to() != null) {
                reported = reported.lt(filter.to());
            }
            all.add(reported);
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(where("stageDueBy").lt(filter.now()));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            all.add(new Criteria().orOperator(where("stageDueBy").is(null), where("stageDueBy").gte(filter.now())));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /** Served by the {@code by_reporter} index: equality on the reporter, then its reports in time order. */
    @Override
    public List<CaseFile> reportedBy(String reporterId, int page, int size) {
        return mongo.find(query(where(REPORTER).is(reporterId))
                        .with(Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.desc("_id")))
                        .skip((long) page * size).limit(size),
                CaseFileDocument.class).stream().map(this::restore).toList();
    }

    @Override
    public long countReportedBy(String reporterId) {
        return mongo.count(query(where(REPORTER).is(reporterId)), CaseFileDocument.class);
    }

    @Override
    public List<CaseFile> openVerifications(String assignee, int limit) {
        Criteria open = where("status").is(CaseStatus.VERIFYING.name());
        if (assignee != null) {
            open = open.and("verification.assignee").is(assignee);
        }
        return mongo.find(query(open).with(Sort.by(Sort.Order.asc("verification.dueBy"))).limit(limit),
                CaseFileDocument.class).stream().map(this::restore).toList();
    }

    @Override
    public List<CaseFile> openConfirmations(String assignee, int limit) {
        Criteria open = where("status").is(CaseStatus.CONFIRMING.name());
        if (assignee != null) {
            open = where("confirmation.assignee").is(assignee).and("status").is(CaseStatus.CONFIRMING.name());
        }
        return mongo.find(query(open).with(Sort.by(Sort.Order.asc("confirmation.dueBy"))).limit(limit),
                CaseFileDocument.class).stream().map(this::restore).toList();
    }

    private CaseFile restore(CaseFileDocument document) {
        return CaseFile.restore(mapper.toSnapshot(document));
    }

    private org.bson.Document bson(OutboxEntry entry) {
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(entry, document);
        document.remove("_class");
        return document;
    }
}
