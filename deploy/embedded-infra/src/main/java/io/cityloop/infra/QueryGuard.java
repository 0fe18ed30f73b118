package io.cityloop.infra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the documents each query on the embedded server examines and refuses the query that reads far more than it
 * returns, so that a query without an index is caught by {@code ./mvnw verify}, not by a city a year later.
 *
 * <p>A query breaks the rule when
 * <ul>
 *   <li>it examines more than {@code 10 × returned + 100} documents, whatever served it, or</li>
 *   <li>it has a filter or a sort, no index serves any of it (a collection scan), it examined at least one document
 *       and its collection is not in {@link #ALLOWED_SCANS}.</li>
 * </ul>
 * The second rule is what catches a missing index on the few documents of a test.
 *
 * <p>Modes ({@value #PROPERTY} system property, or {@value #ENVIRONMENT}): {@code off} (the default: the launcher),
 * {@code log} (a WARN line per breach), {@code fail} (the WARN line, and the query fails with error 291
 * {@code NoQueryExecutionPlans}, as a real MongoDB run with {@code notablescan} answers). A database can be guarded on
 * its own ({@link #guard(String)}): {@code TestInfrastructure.indexedMongoUri} does that for the services' integration
 * tests; the property, when set, wins over it (set {@code log} to list every breach of a test run at once).
 */
public final class QueryGuard {

    public static final String PROPERTY = "cityloop.mongo.query-guard";
    public static final String ENVIRONMENT = "CITYLOOP_MONGO_QUERY_GUARD";

    /** MongoDB's code for "no query solutions" (what {@code notablescan} answers). */
    public static final int ERROR_CODE = 291;

    /**
     * Collections a filtered query may scan: small reference data whose size does not grow with the city, as
     * {@code database.collection} or {@code *.collection}. Each entry says why.
     */
    static final Set<String> ALLOWED_SCANS = Set.of(
            // none yet
    );

    private static final Logger log = LoggerFactory.getLogger(QueryGuard.class);

    public enum Mode { OFF, LOG, FAIL;

        static Mode parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "", "off", "false" -> OFF;
                case "log", "warn" -> LOG;
                case "fail", "on", "true" -> FAIL;
                default -> throw new IllegalArgumentException(
                        PROPERTY + " must be off, log or fail, not '" + value + "'");
            };
        }
    }

    private final Mode forced;
    private final Map<String, Mode> databases = new ConcurrentHashMap<>();
    private final LongAdder queries = new LongAdder();
    private final LongAdder examined = new LongAdder();
    private final LongAdder returned = new LongAdder();
    private final Map<String, LongAdder> breaches = new ConcurrentHashMap<>();

    /** {@code forced}: the mode of every database, or {@code null} to leave each at off unless guarded. */
    QueryGuard(Mode forced) {
        this.forced = forced;
    }

    /** The mode named by {@value #PROPERTY} or {@value #ENVIRONMENT}; unset means off except guarded databases. */
    public static QueryGuard fromEnvironment() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return new QueryGuard(value == null || value.isBlank() ? null : Mode.parse(value));
    }

    public static QueryGuard of(Mode mode) {
        return new QueryGuard(mode);
    }

    /** Makes queries on {@code database} fail when they break the rule (unless the property says otherwise). */
    public void guard(String database) {
        databases.put(database, Mode.FAIL);
    }

    public Mode modeFor(String database) {
        if (forced != null) {
            return forced;
        }
        return databases.getOrDefault(database, Mode.OFF);
    }

    /**
     * What the queries read so far, whatever the mode: how many, the documents they examined and returned. The
     * bench reports the examined-per-query cost at the start and the end of a run — flat when indexes serve them.
     */
    public record Cost(long queries, long examined, long returned) {

        public Cost since(Cost earlier) {
            return new Cost(queries - earlier.queries, examined - earlier.examined, returned - earlier.returned);
        }

        public double examinedPerQuery() {
            return queries == 0 ? 0 : (double) examined / queries;
        }
    }

    public Cost cost() {
        return new Cost(queries.sum(), examined.sum(), returned.sum());
    }

    /** The queries that broke the rule (mode log or fail), by collection, filter shape and sort, with their count. */
    public Map<String, Long> breaches() {
        Map<String, Long> counted = new java.util.TreeMap<>();
        breaches.forEach((shape, count) -> counted.put(shape, count.sum()));
        return counted;
    }

    static long bound(long returned) {
        return 10 * returned + 100;
    }

    void check(String database, String collection, Document filter, Document sort, IndexedQueries.Plan plan,
               long examined, long returned, Collection<SecondaryIndex<?>> indexes, List<String> uniqueIndexes) {
        if (collection.startsWith("system.")) {
            return;
        }
        queries.increment();
        this.examined.add(examined);
        this.returned.add(returned);
        Mode mode = modeFor(database);
        if (mode == Mode.OFF) {
            return;
        }
        boolean scan = plan.collectionScan() && (!isEmpty(filter) || !isEmpty(sort)) && examined > 0
                && !allowed(database, collection);
        boolean costly = examined > bound(returned);
        if (!scan && !costly) {
            return;
        }
        String message = message(database, collection, filter, sort, plan, examined, returned, indexes, uniqueIndexes);
        breaches.computeIfAbsent(database + "." + collection + " " + shape(filter)
                + (isEmpty(sort) ? "" : " sort " + sort.keySet()), key -> new LongAdder()).increment();
        log.warn(message);
        if (mode == Mode.FAIL) {
            throw new MongoServerError(ERROR_CODE, "NoQueryExecutionPlans", message);
        }
    }

    private static boolean allowed(String database, String collection) {
        return ALLOWED_SCANS.contains(database + "." + collection) || ALLOWED_SCANS.contains("*." + collection);
    }

    static String message(String database, String collection, Document filter, Document sort,
                          IndexedQueries.Plan plan, long examined, long returned,
                          Collection<SecondaryIndex<?>> indexes, List<String> uniqueIndexes) {
        StringBuilder text = new StringBuilder("query guard: ")
                .append(database).append('.').append(collection)
                .append(" examined ").append(examined).append(" documents to return ").append(returned)
                .append(" (bound 10 × ").append(returned).append(" + 100 = ").append(bound(returned)).append(")")
                .append(plan.collectionScan() ? " by a collection scan" : " through index " + plan.description())
                .append("; filter ").append(shape(filter))
                .append(isEmpty(sort) ? "" : ", sort " + sort.toString())
                .append("; lacks an index like ").append(suggestion(filter, sort))
                .append(" (equality fields first, then the sort, then the range)");
        List<String> declared = new ArrayList<>(uniqueIndexes);
        for (SecondaryIndex<?> index : indexes) {
            declared.add(index.getName() + index.paths());
        }
        text.append("; declared: ").append(declared);
        return text.toString();
    }

    /** The filter with every value replaced by {@code ?}: what identifies a query in code, not its data. */
    static String shape(Object value) {
        if (value instanceof Document document) {
            StringJoiner joiner = new StringJoiner(", ", "{", "}");
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                joiner.add(entry.getKey() + ": " + shape(entry.getValue()));
            }
            return joiner.toString();
        }
        if (value instanceof Collection<?> collection) {
            boolean documents = !collection.isEmpty() && collection.iterator().next() instanceof Document;
            if (!documents) {
                return "[?]";
            }
            StringJoiner joiner = new StringJoiner(", ", "[", "]");
            for (Object element : collection) {
                joiner.add(shape(element));
            }
            return joiner.toString();
        }
        return value == null ? "{}" : "?";
    }

    /** An index that would serve the query: equality fields, then the sort's, then the range's. */
    static String suggestion(Document filter, Document sort) {
        Map<String, IndexedQueries.Predicate> predicates = IndexedQueries.predicates(filter);
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        List<String> used = new ArrayList<>();
        predicates.forEach((field, predicate) -> {
            if (predicate.equality() != null) {
                joiner.add(field + ": 1");
                used.add(field);
            }
        });
        if (!isEmpty(sort)) {
            sort.forEach((field, direction) -> {
                if (!used.contains(field)) {
                    joiner.add(field + ": " + direction);
                    used.add(field);
                }
            });
        }
        predicates.forEach((field, predicate) -> {
            if (!used.contains(field) && (predicate.ranged() || predicate.exists())) {
                joiner.add(field + ": 1");
                used.add(field);
            }
        });
        return joiner.toString();
    }

    private static boolean isEmpty(Document document) {
        return document == null || document.isEmpty();
    }
}
