package io.cityloop.intake.catalog;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.cityloop.reference.Category;

/** One published version of the category catalog; versions are never changed, only added. */
@Document("catalog_versions")
record CatalogVersionDocument(@Id String version, int sequence, Instant publishedAt, String publishedBy,
                              String note, List<Category> categories) {
}
