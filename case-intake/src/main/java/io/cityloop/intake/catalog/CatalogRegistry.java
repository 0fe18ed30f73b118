package io.cityloop.intake.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.cityloop.reference.Category;
import io.cityloop.reference.CategoryCatalog;
import io.cityloop.reference.CityReference;

/**
 * The versioned category catalog (管理部件和事件) the supervision center files under. The shipped reference
 * catalog is the first version; every admin edit publishes a new version ({@code 2026.1-r1}, {@code -r2}, …) and
 * a case records the version it was reported under. Versions are immutable, so an old case can always be read
 * against its own criteria and limits.
 */
@Service
public class CatalogRegistry {

    private static final int MAJOR_LENGTH = "02-01".length();

    private final MongoTemplate mongo;
    private final CityReference city;
    private final Clock clock;
    private final java.util.Map<String, CategoryCatalog> published = new java.util.concurrent.ConcurrentHashMap<>();

    CatalogRegistry(MongoTemplate mongo, CityReference city, Clock clock) {
        this.mongo = mongo;
        this.city = city;
        this.clock = clock;
    }

    /** The version in force: the latest published. */
    public CategoryCatalog current() {
        String latest = latestVersion();
        return version(latest).orElseGet(() -> catalog(latest()));
    }

    /**
     * A published version never changes, so each is read and mapped once per process (its hundred-odd categories
     * cost more to map than the report that asks for them); only which version is the latest is read every time.
     */
    public Optional<CategoryCatalog> version(String version) {
        if (version == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(published.computeIfAbsent(version, v -> Optional
                        .ofNullable(mongo.findById(v, CatalogVersionDocument.class)).map(CatalogRegistry::catalog)
                        .orElse(null)))
                .or(() -> city.catalog().version().equals(version) ? Optional.of(city.catalog()) : Optional.empty());
    }

    /** A category as the given version (or, when that is unknown, the current one) defines it. */
    public Optional<Category> find(String version, String code) {
        return version(version == null ? latestVersion() : version).flatMap(c -> c.find(code))
                .or(() -> current().find(code));
    }

    /**
     * A category in force of the major class (type-major, e.g. {@code 02-01}) of {@code code}: a new or edited
     * category takes its kind (部件/事件) and its major's name from the catalog, not from its code.
     */
    public Optional<Category> majorOf(String code) {
        String major = code.substring(0, Math.min(code.length(), MAJOR_LENGTH));
        return current().all().stream().filter(c -> c.code().startsWith(major + "-")).findFirst();
    }

    public List<VersionInfo> versions() {
        latest();
        return mongo.find(new Query().with(Sort.by(Sort.Order.desc("sequence"))), CatalogVersionDocument.class)
                .stream().map(d -> new VersionInfo(d.version(), d.publishedAt().toString(), d.publishedBy(), d.note(),
                        d.categories().size())).toList();
    }

    /**
     * Publishes a new version with one category added or replaced. {@code baseVersion} must be the version in
     * force, so two admins editing at once cannot silently overwrite each other.
     */
    public CategoryCatalog publish(String baseVersion, Category edited, String admin, String note) {
        CatalogVersionDocument base = latest();
        if (!base.version().equals(baseVersion)) {
            throw new StaleCatalogException(baseVersion, base.version());
        }
        List<Category> categories = new ArrayList<>(base.categories().stream()
                .filter(c -> !c.code().equals(edited.code())).toList());
        categories.add(edited);
        categories.sort((a, b) -> a.code().compareTo(b.code()));
        int sequence = base.sequence() + 1;
        String version = rootVersion() + "-r" + sequence;
        CatalogVersionDocument next = new CatalogVersionDocument(version, sequence, clock.instant(), admin, note,
                List.copyOf(categories));
        try {
            mongo.insert(next);
        } catch (DuplicateKeyException e) {
            throw new StaleCatalogException(baseVersion, version);
        }
        return catalog(next);
    }

    private String rootVersion() {
        return city.catalog().version();
    }

    /**
     * The latest version's name, re-read on every call (one indexed entry, only its id) so that a version another
     * replica published is in force here at once.
     */
    private String latestVersion() {
        Query latest = new Query().with(Sort.by(Sort.Order.desc("sequence"))).limit(1);
        latest.fields().include("_id");
        org.bson.Document found = mongo.findOne(latest, org.bson.Document.class,
                mongo.getCollectionName(CatalogVersionDocument.class));
        return found == null ? latest().version() : found.getString("_id");
    }

    /** The latest version as stored, seeded with the shipped catalog when there is none yet. */
    private CatalogVersionDocument latest() {
        CatalogVersionDocument found = mongo.findOne(new Query().with(Sort.by(Sort.Order.desc("sequence"))).limit(1),
                CatalogVersionDocument.class);
        if (found == null) {
            found = seed();
        }
        return found;
    }

    private CatalogVersionDocument seed() {
        CatalogVersionDocument first = new CatalogVersionDocument(rootVersion(), 0, clock.instant(), "reference-data",
                "shipped catalog", city.catalog().all());
        try {
            mongo.insert(first);
        } catch (DuplicateKeyException raced) {
            return mongo.findOne(query(where("_id").is(rootVersion())), CatalogVersionDocument.class);
        }
        return first;
    }

    private static CategoryCatalog catalog(CatalogVersionDocument document) {
        return new CategoryCatalog(document.version(), document.categories());
    }

    public record VersionInfo(String version, String publishedAt, String publishedBy, String note, int categories) {
    }
}
