package io.cityloop.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city as data: read once from {@code /cityloop/reference/*.json} on the classpath. Both axes load the
 * same files so that the supervision and the command center agree on codes, limits and the calendar.
 */
public final class CityReference {

    private static final String BASE = "/cityloop/reference/";

    private final List<District> districts;
    private final Map<String, HandlingUnit> units;
    private final CategoryCatalog catalog;
    private final UnitGrid grid;
    private final WorkingCalendar calendar;
    private final List<InspectorArea> inspectorAreas;

    private CityReference(List<District> districts, Map<String, HandlingUnit> units, CategoryCatalog catalog,
                          UnitGrid grid, WorkingCalendar calendar, List<InspectorArea> inspectorAreas) {
        this.districts = districts;
        this.units = units;
        this.catalog = catalog;
        this.grid = grid;
        this.calendar = calendar;
        this.inspectorAreas = inspectorAreas;
    }

    public static CityReference load() {
        JsonMapper mapper = JsonMapper.builder().build();
        UnitGrid grid = readGrid(read(mapper, "grid.json"));
        List<District> districts = grid.districts().stream()
                .map(d -> new District(d.code(), d.name()))
                .toList();
        List<HandlingUnit> units = new ArrayList<>();
        for (JsonNode node : read(mapper, "departments.json").required("departments")) {
            units.add(new HandlingUnit(node.required("id").asString(), node.required("name").asString(),
                    HandlingUnit.Kind.DEPARTMENT));
        }
        districts.forEach(d -> units.add(new HandlingUnit(d.unitId(), d.name(), HandlingUnit.Kind.DISTRICT)));
        CategoryCatalog catalog = readCatalog(read(mapper, "categories.json"));
        CityReference reference = new CityReference(districts,
                units.stream().collect(Collectors.toUnmodifiableMap(HandlingUnit::id, Function.identity())),
                catalog, grid, readCalendar(read(mapper, "working-calendar.json")),
                readInspectorAreas(read(mapper, "inspector-areas.json")));
        reference.checkConsistency();
        return reference;
    }

    public List<District> districts() {
        return districts;
    }

    public Optional<District> district(String code) {
        return districts.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<HandlingUnit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    public List<HandlingUnit> units() {
        return units.values().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    public CategoryCatalog catalog() {
        return catalog;
    }

    public UnitGrid grid() {
        return grid;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public List<InspectorArea> inspectorAreas() {
        return inspectorAreas;
    }

    /** The inspectors responsible for a district's cells, in the order the data lists them. */
    public List<InspectorArea> inspectorsFor(String districtCode) {
        return inspectorAreas.stream().filter(area -> area.covers(districtCode)).toList();
    }

    /** Refuses data in which a category names a unit or an inspector a district that does not exist. */
    private void checkConsistency() {
        for (Category category : catalog.all()) {
            if (!category.handledByDistrict() && !units.containsKey(category.defaultUnit())) {
                throw new IllegalStateException("category " + category.code() + " names unknown unit "
                        + category.defaultUnit());
            }
        }
        Set<String> districtCodes = districts.stream().map(District::code).collect(Collectors.toSet());
        for (InspectorArea area : inspectorAreas) {
            Set<String> unknown = new HashSet<>(area.districtCodes());
            unknown.removeAll(districtCodes);
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("inspector " + area.username() + " covers unknown districts " + unknown);
            }
        }
    }

    private static JsonNode read(JsonMapper mapper, String file) {
        try (InputStream in = CityReference.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + BASE + file + " is not on the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + file, e);
        }
    }

    private static UnitGrid readGrid(JsonNode root) {
        List<UnitGrid.GridDistrict> districts = new ArrayList<>();
        for (JsonNode d : root.required("districts")) {
            JsonNode e = d.required("extent");
            List<String> streets = new ArrayList<>();
            d.required("streets").forEach(s -> streets.add(s.asString()));
            districts.add(new UnitGrid.GridDistrict(d.required("code").asString(), d.required("name").asString(),
                    new UnitGrid.Extent(e.get(0).asDouble(), e.get(1).asDouble(), e.get(2).asDouble(),
                            e.get(3).asDouble()),
                    d.required("streetRows").asInt(), d.required("streetCols").asInt(), streets));
        }
        JsonNode communities = root.required("communitiesPerStreet");
        return new UnitGrid(root.required("version").asString(), root.required("cellSizeMetres").asDouble(),
                communities.required("rows").asInt(), communities.required("cols").asInt(), districts);
    }

    private static CategoryCatalog readCatalog(JsonNode root) {
        List<Category> categories = new ArrayList<>();
        for (JsonNode c : root.required("categories")) {
            JsonNode limit = c.required("handlingLimit");
            categories.add(new Category(
                    c.required("code").asString(),
                    c.required("name").asString(),
                    CategoryKind.valueOf(c.required("kind").asString()),
                    c.required("majorName").asString(),
                    Urgency.valueOf(c.required("urgency").asString()),
                    new TimeLimitSpec(limit.required("amount").asDouble(),
                            WorkingTimeUnit.valueOf(limit.required("unit").asString())),
                    c.required("verificationLimitHours").asDouble(),
                    c.required("defaultUnit").asString(),
                    c.required("filingCriterion").asString(),
                    c.required("closingCriterion").asString()));
        }
        return new CategoryCatalog(root.required("version").asString(), categories);
    }

    private static WorkingCalendar readCalendar(JsonNode root) {
        List<OfficePeriod> officeHours = new ArrayList<>();
        for (JsonNode period : root.required("officeHours")) {
            officeHours.add(new OfficePeriod(LocalTime.parse(period.get(0).asString()),
                    LocalTime.parse(period.get(1).asString())));
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUpWorkdays = new HashSet<>();
        for (JsonNode year : root.required("years")) {
            year.required("holidays").forEach(d -> holidays.add(LocalDate.parse(d.asString())));
            year.required("makeUpWorkdays").forEach(d -> makeUpWorkdays.add(LocalDate.parse(d.asString())));
        }
        return new WorkingCalendar(ZoneId.of(root.required("zone").asString()), officeHours,
                root.required("workingHoursPerDay").asInt(), holidays, makeUpWorkdays);
    }

    private static List<InspectorArea> readInspectorAreas(JsonNode root) {
        List<InspectorArea> areas = new ArrayList<>();
        for (JsonNode node : root.required("inspectors")) {
            Set<String> districts = new LinkedHashSet<>();
            node.required("districts").forEach(d -> districts.add(d.asString()));
            areas.add(new InspectorArea(node.required("username").asString(), node.required("name").asString(),
                    Set.copyOf(districts)));
        }
        return List.copyOf(areas);
    }
}
