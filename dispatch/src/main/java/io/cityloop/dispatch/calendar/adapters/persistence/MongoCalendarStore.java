package io.cityloop.dispatch.calendar.adapters.persistence;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.cityloop.dispatch.calendar.application.CalendarStore;
import io.cityloop.dispatch.calendar.model.CalendarDefinition;
import io.cityloop.dispatch.calendar.model.OfficeHours;

/** Calendar versions in MongoDB, one document per version. */
@Component
class MongoCalendarStore implements CalendarStore {

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoCalendarStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Optional<Long> latestVersion() {
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        newest.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(newest, org.bson.Document.class, CalendarDocument.COLLECTION))
                .map(document -> ((Number) document.get("_id")).longValue());
    }

    @Override
    public Optional<CalendarDefinition> latest() {
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        return Optional.ofNullable(mongo.findOne(newest, CalendarDocument.class)).map(MongoCalendarStore::toDomain);
    }

    @Override
    public boolean insert(CalendarDefinition definition, String changedBy, String reason) {
        try {
            mongo.insert(new CalendarDocument(definition.version(), definition.zone().getId(),
                    definition.officeHours().periods(), definition.officeHours().workingHoursPerDay(),
                    List.copyOf(definition.years()), clock.instant(), changedBy, reason));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static CalendarDefinition toDomain(CalendarDocument document) {
        return new CalendarDefinition(document.version(), ZoneId.of(document.zone()),
                new OfficeHours(document.officeHours(), document.workingHoursPerDay()), document.years());
    }
}
