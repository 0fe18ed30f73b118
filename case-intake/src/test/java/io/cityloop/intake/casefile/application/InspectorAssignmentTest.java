package io.cityloop.intake.casefile.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cityloop.intake.casefile.model.CaseLocation;
import io.cityloop.reference.CityReference;

class InspectorAssignmentTest {

    private static final CityReference CITY = CityReference.load();

    private static InspectorAssignment assigning(Map<String, String> areas) {
        return new InspectorAssignment(new IntakeSettings(null, null, null, null, null, null, null, areas), CITY);
    }

    private static CaseLocation inArea(String districtCode, String area) {
        return new CaseLocation(108.70, 34.34, null, districtCode, "秦都区", districtCode + "005", "人民路街道",
                districtCode + "005003", "人民路街道第3社区", districtCode + "0050030184", area);
    }

    @Test
    void theInspectorOfTheCellsAreaChecksTheCase() {
        InspectorAssignment assignment = assigning(Map.of("IA610402005", "wang.fang", "IA610402006", "li.na"));

        assertThat(assignment.inspectorFor(inArea("610402", "IA610402005"))).isEqualTo("wang.fang");
        assertThat(assignment.inspectorFor(inArea("610402", "IA610402006"))).isEqualTo("li.na");
    }

    @Test
    void anAreaWithoutAnInspectorFallsBackToTheDistrictsFirst() {
        InspectorAssignment assignment = assigning(Map.of("IA610402005", "wang.fang"));

        assertThat(assignment.inspectorFor(inArea("610402", "IA610402009"))).isEqualTo("inspector");
        assertThat(assignment.inspectorFor(inArea("610402", null))).isEqualTo("inspector");
        assertThat(assignment.assignedTo("IA610402009")).isEmpty();
    }
}
