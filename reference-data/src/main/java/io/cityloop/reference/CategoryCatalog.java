package io.cityloop.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The versioned catalog of minor categories; a case records the version it was filed under. */
public final class CategoryCatalog {

    private final String version;
    private final List<Category> categories;
    private final Map<String, Category> byCode;

    public CategoryCatalog(String version, List<Category> categories) {
        this.version = version;
        this.categories = List.copyOf(categories);
        this.byCode = categories.stream().collect(Collectors.toUnmodifiableMap(Category::code, Function.identity()));
    }

    public String version() {
        return version;
    }

    public List<Category> all() {
        return categories;
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }
}
