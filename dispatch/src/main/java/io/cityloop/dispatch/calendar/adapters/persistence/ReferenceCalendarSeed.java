package io.cityloop.dispatch.calendar.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.dispatch.calendar.application.CalendarAdministration;
import io.cityloop.dispatch.calendar.model.CalendarDefinition;
import io.cityloop.dispatch.calendar.model.CalendarYear;
import io.cityloop.dispatch.calendar.model.DayKind;
import io.cityloop.dispatch.calendar.model.OfficeHours;
import io.cityloop.dispatch.calendar.model.SpecialDay;
import io.cityloop.reference.OfficePeriod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the command center's editable calendar from reference-data's {@code working-calendar.json} (the State
 * Council arrangements, with each day's name in the per-year {@code names} map) on the very first start.
 */
@Configuration(proxyBeanMethods = false)
public class ReferenceCalendarSeed {

    static final String RESOURCE = "/cityloop/reference/working-calendar.json";

    @Bean
    InitializingBean workingCalendarSeed(CalendarAdministration administration) {
        return () -> administration.seed(load());
    }

    public static CalendarDefinition load() {
        try (InputStream in = ReferenceCalendarSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<OfficePeriod> periods = new ArrayList<>();
            for (JsonNode period : root.required("officeHours")) {
                periods.add(new OfficePeriod(LocalTime.parse(period.get(0).asString()),
                        LocalTime.parse(period.get(1).asString())));
            }
            List<CalendarYear> years = new ArrayList<>();
            for (Map.Entry<String, JsonNode> year : root.required("years").properties()) {
                years.add(year(Integer.parseInt(year.getKey()), year.getValue()));
            }
            return new CalendarDefinition(1, ZoneId.of(root.required("zone").asString()),
                    new OfficeHours(periods, root.required("workingHoursPerDay").asInt()), years);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static CalendarYear year(int year, JsonNode node) {
        JsonNode names = node.path("names");
        List<SpecialDay> days = new ArrayList<>();
        node.required("holidays").forEach(d -> days.add(day(d.asString(), DayKind.HOLIDAY, names)));
        node.required("makeUpWorkdays").forEach(d -> days.add(day(d.asString(), DayKind.MAKE_UP_WORKDAY, names)));
        return new CalendarYear(year, node.path("provisional").asBoolean(false), node.path("source").asString(""),
                days);
    }

    private static SpecialDay day(String date, DayKind kind, JsonNode names) {
        JsonNode name = names.get(date);
        return new SpecialDay(LocalDate.parse(date), kind, name == null ? null : name.asString());
    }
}
