package io.cityloop.intake.reference;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cityloop.reference.CityReference;

/** The category catalog (管理部件和事件) for every signed-in user; read-only here. */
@RestController
class ReferenceController {

    private final CategoryTree tree;

    ReferenceController(CityReference city) {
        this.tree = CategoryTree.of(city.catalog());
    }

    @GetMapping("/api/reference/categories")
    CategoryTree categories() {
        return tree;
    }
}
