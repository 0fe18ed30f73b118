package io.cityloop.intake.catalog;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.intake.grid.CellLocation;
import io.cityloop.intake.grid.UnitCellGrid;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;
import io.cityloop.reference.Category;
import io.cityloop.reference.CityReference;
import io.cityloop.reference.District;
import io.cityloop.reference.HandlingUnit;
import io.cityloop.reference.TimeLimitSpec;

/**
 * The category catalog (管理部件和事件) for every signed-in user, editable by admins as new versions; and the unit
 * grid's lookup for the console.
 */
@RestController
class ReferenceController {

    private static final String CODE = "0[12]-0[1-6]-\\d{2}";

    private final CatalogRegistry catalogs;
    private final CityReference city;
    private final UnitCellGrid grid;

    ReferenceController(CatalogRegistry catalogs, CityReference city, UnitCellGrid grid) {
        this.catalogs = catalogs;
        this.city = city;
        this.grid = grid;
    }

    @GetMapping("/api/reference/categories")
    CategoryTree categories(@RequestParam(required = false) String version) {
        if (version == null) {
            return CategoryTree.of(catalogs.current());
        }
        return CategoryTree.of(catalogs.version(version)
                .orElseThrow(() -> Problems.notFound("no catalog version " + version)));
    }

    @GetMapping("/api/reference/categories/versions")
    List<CatalogRegistry.VersionInfo> versions() {
        return catalogs.versions();
    }

    @PutMapping("/api/reference/categories/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    CategoryTree edit(@PathVariable String code, @Valid @RequestBody CategoryEditRequest request, CurrentUser user) {
        if (!code.matches(CODE)) {
            throw Problems.validation("code", "pattern", "must be type-major-minor, e.g. 02-01-01, with type 01 "
                    + "(部件) or 02 (事件) and major 01–06");
        }
        if (!Category.DISTRICT_UNIT.equals(request.defaultUnit()) && city.unit(request.defaultUnit()).isEmpty()) {
            throw Problems.validation("defaultUnit", "known-unit", request.defaultUnit() + " is not a handling unit");
        }
        Category major = catalogs.majorOf(code).orElseThrow(() -> Problems.validation("code", "pattern",
                "must be type-major-minor with a major class of the catalog"));
        Category edited = new Category(code, request.name(), major.kind(), major.majorName(), request.urgency(),
                new TimeLimitSpec(request.handlingLimit().amount(), request.handlingLimit().unit()),
                request.verificationLimitHours(), request.defaultUnit(), request.filingCriterion(),
                request.closingCriterion());
        return CategoryTree.of(catalogs.publish(request.baseVersion(), edited, user.username(), request.note()));
    }

    /** 处置单位: the 21 departments and the 13 district platforms, for the desks' choices of a unit. */
    @GetMapping("/api/reference/units")
    List<HandlingUnit> units() {
        return city.units();
    }

    /** The 13 districts (区县) by their administrative codes. */
    @GetMapping("/api/reference/districts")
    List<District> districts() {
        return city.districts();
    }

    @GetMapping("/api/reference/grid/locate")
    CellLocation locate(@RequestParam double lon, @RequestParam double lat) {
        return grid.locate(lon, lat).orElseThrow(() -> Problems.validation("location", "inside-city",
                "(" + lon + ", " + lat + ") is outside every unit grid cell of the city"));
    }

    @GetMapping("/api/reference/grid/cells/{code}")
    Map<String, Object> cell(@PathVariable String code) {
        CellLocation cell = grid.cell(code).orElseThrow(() -> Problems.notFound("no grid cell " + code));
        return Map.of("cell", cell, "outline", grid.outline(code).orElseThrow(), "gridVersion", grid.version());
    }
}
