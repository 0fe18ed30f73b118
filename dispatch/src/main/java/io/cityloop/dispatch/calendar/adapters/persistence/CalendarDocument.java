package io.cityloop.dispatch.calendar.adapters.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.dispatch.calendar.model.CalendarYear;
import io.cityloop.reference.OfficePeriod;

/** One calendar version; the version number is the id, so two edits cannot both become version n. */
@Document(CalendarDocument.COLLECTION)
public record CalendarDocument(@Id long version, String zone, List<OfficePeriod> officeHours,
                               int workingHoursPerDay, List<CalendarYear> years, Instant changedAt,
                               String changedBy, String reason) {

    public static final String COLLECTION = "working-calendars";
}
