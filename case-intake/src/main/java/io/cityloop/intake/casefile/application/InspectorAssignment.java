package io.cityloop.intake.casefile.application;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.InspectorArea;

/**
 * Who checks a case on site (核查人): the inspector the city assigned to the inspector area (责任网格) of the case's
 * cell. An area nobody was assigned to falls back to the district's first inspector of reference-data, so a gap in
 * the configuration delays nothing; the fallback is logged because it means the configuration has a gap.
 */
@Component
public class InspectorAssignment {

    private static final Logger log = LoggerFactory.getLogger(InspectorAssignment.class);

    private final IntakeSettings settings;
    private final CityReference city;

    InspectorAssignment(IntakeSettings settings, CityReference city) {
        this.settings = settings;
        this.city = city;
    }

    public String inspectorFor(CaseLocation location) {
        return assignedTo(location.inspectorArea()).orElseGet(() -> {
            String fallback = districtInspector(location.districtCode());
            log.warn("inspector area {} of cell {} has no inspector; the check goes to {}, first of district {}",
                    location.inspectorArea(), location.cellCode(), fallback, location.districtCode());
            return fallback;
        });
    }

    /** The inspector configured for the area, if any. */
    public Optional<String> assignedTo(String inspectorArea) {
        return Optional.ofNullable(inspectorArea).map(settings.inspectorAreas()::get);
    }

    private String districtInspector(String districtCode) {
        return city.inspectorsFor(districtCode).stream()
                .map(InspectorArea::username)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no inspector covers district " + districtCode));
    }
}
