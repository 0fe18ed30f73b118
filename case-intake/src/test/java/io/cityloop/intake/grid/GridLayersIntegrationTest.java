package io.cityloop.intake.grid;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.cityloop.intake.IntakeIntegrationTestSupport;

/** The map layers over HTTP: district outlines and the cells of a view as GeoJSON, for every signed-in user. */
class GridLayersIntegrationTest extends IntakeIntegrationTestSupport {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private UnitCellGrid grid;

    @Test
    void everySignedInUserGetsTheThirteenDistrictsAsGeoJson() throws Exception {
        mvc.perform(get("/api/reference/grid/districts").with(unit("dept-16")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("Cache-Control", containsString("max-age=3600")))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features", hasSize(13)))
                .andExpect(jsonPath("$.features[*].type", everyItem(org.hamcrest.Matchers.is("Feature"))))
                .andExpect(jsonPath("$.features[0].id").value("610402"))
                .andExpect(jsonPath("$.features[0].properties.code").value("610402"))
                .andExpect(jsonPath("$.features[0].properties.name").value("秦都区"))
                .andExpect(jsonPath("$.features[0].properties.cells").value(13982))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][0]").value(closeTo(108.7, 0.1)))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][1]").value(closeTo(34.35, 0.1)))
                .andExpect(jsonPath("$.features[*].properties.name", hasItem("彬州市")));
        mvc.perform(get("/api/reference/grid/districts").with(as("inspector", "inspector")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features[1].properties.name").value("渭城区"));
        mvc.perform(get("/api/reference/grid/districts"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theCellsOfAViewComeWithTheirPlaceAndInspectorArea() throws Exception {
        CellLocation here = grid.locate(108.7012, 34.3405).orElseThrow();

        mvc.perform(get("/api/reference/grid/cells").with(as("inspector", "inspector"))
                        .param("bbox", "108.7005,34.3400,108.7020,34.3410"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[*].properties.cellCode", hasItem(here.cellCode())))
                .andExpect(jsonPath("$.features[?(@.id == '" + here.cellCode() + "')].properties.communityName")
                        .value(hasItem(here.communityName())))
                .andExpect(jsonPath("$.features[?(@.id == '" + here.cellCode() + "')].properties.streetName")
                        .value(hasItem(here.streetName())))
                .andExpect(jsonPath("$.features[?(@.id == '" + here.cellCode() + "')].properties.districtName")
                        .value(hasItem("秦都区")))
                .andExpect(jsonPath("$.features[?(@.id == '" + here.cellCode() + "')].properties.inspectorArea")
                        .value(hasItem(here.inspectorArea())))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][0]").value(closeTo(108.701, 0.002)))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[0][0][1]").value(closeTo(34.3405, 0.002)));
        mvc.perform(get("/api/reference/grid/cells").with(as("operator", "operator"))
                        .param("bbox", "116.39,39.90,116.40,39.91"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features", hasSize(0)));
    }

    @Test
    void aMalformedBoxOrOneHoldingTooManyCellsIsRefused() throws Exception {
        mvc.perform(get("/api/reference/grid/cells").with(as("inspector", "inspector"))
                        .param("bbox", "108.62,34.28,108.82,34.42"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("bbox"))
                .andExpect(jsonPath("$.errors[0].rule").value("max-cells"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("zoom in")));
        for (String bad : new String[] {"108.70,34.34", "108.70,34.34,abc,34.35", "{\"$gt\":1}"}) {
            mvc.perform(get("/api/reference/grid/cells").with(as("inspector", "inspector")).param("bbox", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("bbox"))
                    .andExpect(jsonPath("$.errors[0].rule").value("format"));
        }
        mvc.perform(get("/api/reference/grid/cells").with(as("inspector", "inspector"))
                        .param("bbox", "108.71,34.34,108.70,34.35"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("range"));
        mvc.perform(get("/api/reference/grid/cells").with(as("inspector", "inspector")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/reference/grid/cells").param("bbox", "108.7005,34.3400,108.7020,34.3410"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/reference/grid/cells/{code}", "6104020060020154").with(as("inspector", "inspector")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cell.cellCode").value(startsWith("610402")));
    }
}
