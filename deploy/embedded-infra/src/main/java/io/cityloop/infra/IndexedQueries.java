package io.cityloop.infra;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The query planner the embedded server lacks: answers a query from the best declared index — a unique index named
 * completely by equality or {@code $in}, else the {@link SecondaryIndex} whose leading keys the filter binds by
 * equality or {@code $in}, then a range on the next key, preferring one whose order is the sort's (then it stops after
 * {@code skip + limit} matches) — and only when none serves any of it reads the whole collection. Every document the
 * query reads is counted for the {@link QueryGuard}. The index only picks candidates: each is still matched against the
 * whole filter by the server's own matcher, so a plan can read too much but never answer wrongly.
 */
final class IndexedQueries {

    /** Above this many equality tuples ($in × $in …) the planner stops extending the prefix. */
    private static final int MAX_TUPLES = 10_000;

    private IndexedQueries() {
    }

    /** An aggregation's leading {@code $match} on the collection it aggregates, while that command runs. */
    record AggregationMatch(Object collection, Document filter) {
    }

    static final ThreadLocal<AggregationMatch> AGGREGATION_MATCH = new ThreadLocal<>();

    /** The filter of the pipeline's first stage when it is a {@code $match}. */
    static Document leadingMatch(Document aggregate) {
        if (aggregate.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.get("$match") instanceof Document match) {
            return match;
        }
        return null;
    }

    /**
     * The filter an aggregation of {@code collection} starts from — its leading {@code $match}, to be read through an
     * index (the stage still runs, on fewer documents) — or {@code null} to read every document.
     */
    static Document aggregationFilter(Object collection) {
        AggregationMatch match = AGGREGATION_MATCH.get();
        if (match == null || match.collection() != collection) {
            return null;
        }
        AGGREGATION_MATCH.remove();
        return match.filter();
    }

    /** What a collection of either backend lends the planner. */
    interface Host<P> {
        String databaseName();

        String collectionName();

        List<Index<P>> indexes();

        Document document(P position);

        /** The ordered part of a unique index, built under the collection's lock if it is not yet. */
        SecondaryIndex<P> ordered(OrderedUniqueIndex<P> index);

        Stream<Document> allDocuments();

        /** Every document with its position, for checking the indexes against them. */
        List<DocumentWithPosition<P>> documentsWithPositions();

        boolean matches(Document document, Document filter);

        Comparator<Document> comparator(Document sort);

        /** Projects and batches documents already filtered, sorted, skipped and limited. */
        QueryResult answer(List<Document> documents, int batchSize, Document projection);

        /** The server's own path, for {@code $natural} order. */
        QueryResult natural(Document filter, Document sort, int skip, int limit, int batchSize, Document projection);

        QueryGuard guard();
    }

    /** How a query is served. {@code positions} is {@code null} for a collection scan. */
    record Plan(String description, Stream<?> positions, boolean ordered) {
        boolean collectionScan() {
            return positions == null;
        }
    }

    /** What a filter says about one field, as far as an index can use it. */
    static final class Predicate {
        private List<Object> equality;
        private Object low;
        private boolean lowInclusive;
        private boolean hasLow;
        private Object high;
        private boolean highInclusive;
        private boolean hasHigh;
        private boolean exists;

        List<Object> equality() {
            return equality;
        }

        boolean ranged() {
            return hasLow || hasHigh;
        }

        boolean exists() {
            return exists;
        }

        boolean singleValue() {
            return equality != null && equality.size() == 1;
        }
    }

    static <P> QueryResult query(Host<P> host, Document filter, Document sort, int skip, int limit, int batchSize,
                                 Document projection) {
        Document query = filter == null ? new Document() : filter;
        if (sort != null && sort.containsKey("$natural")) {
            return host.natural(query, sort, skip, limit, batchSize, projection);
        }
        Plan plan = plan(host, query, sort, skip, limit);
        long[] examined = {0};
        Stream<Document> documents;
        if (plan.collectionScan()) {
            documents = host.allDocuments();
        } else {
            @SuppressWarnings("unchecked")
            Stream<P> positions = (Stream<P>) plan.positions();
            documents = positions.map(host::document).filter(Objects::nonNull);
        }
        documents = documents.peek(document -> examined[0]++).filter(document -> host.matches(document, query));
        if (!plan.ordered() && sort != null && !sort.isEmpty()) {
            documents = documents.sorted(host.comparator(sort));
        }
        if (skip > 0) {
            documents = documents.skip(skip);
        }
        if (limit > 0) {
            documents = documents.limit(limit);
        }
        List<Document> matched = documents.collect(Collectors.toList());
        QueryGuard guard = host.guard();
        if (guard != null) {
            guard.check(host.databaseName(), host.collectionName(), query, sort, plan, examined[0], matched.size(),
                    secondaryIndexes(host), uniqueIndexNames(host));
        }
        return host.answer(matched, batchSize, projection);
    }

    static <P> Plan plan(Host<P> host, Document filter, Document sort, int skip, int limit) {
        Plan unique = uniquePlan(host, filter);
        if (unique != null) {
            return unique;
        }
        Map<String, Predicate> predicates = predicates(filter);
        List<Candidate> candidates = new ArrayList<>();
        for (Index<P> index : host.indexes()) {
            SecondaryIndex<P> secondary = index instanceof SecondaryIndex<P> plain ? plain
                    : index instanceof OrderedUniqueIndex<P> ordered ? host.ordered(ordered) : null;
            if (secondary != null) {
                Candidate candidate = candidate(secondary, predicates, sort);
                if (candidate != null) {
                    candidates.add(candidate);
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Plan("COLLSCAN", null, false);
        }
        return cheapest(candidates, skip, limit).plan();
    }

    /** Entries a trial reads from each candidate at most (MongoDB's planner runs such trials too). */
    static final int TRIAL_ENTRIES = 256;

    /**
     * The candidate that would read the fewest entries, found by a trial of each: its shape alone does not tell —
     * {@code status $in [open]} and {@code category.code = ?} both bind one key and range the next, but one reads
     * every open case of the period and the other the few of one category near the point. An ordered candidate
     * under a limit stops after {@code skip + limit} matches. Candidates that all reach the trial's bound are ranked
     * by shape ({@link Candidate#better}). Every candidate is tried, not only those of the best shape: dispatch's
     * deadline watch ({@code status $in [open]}, {@code nextEscalationAt <= now}) is served well only by an index
     * whose shape scores lower (trying the best shape alone put 4 of its queries over the guard's bound).
     */
    private static Candidate cheapest(List<Candidate> candidates, int skip, int limit) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Candidate best = null;
        long bestCost = Long.MAX_VALUE;
        for (Candidate candidate : candidates) {
            long cost = candidate.plan().positions().limit(TRIAL_ENTRIES).count();
            if (candidate.ordered() && limit > 0) {
                cost = Math.min(cost, (long) skip + limit);
            }
            if (best == null || cost < bestCost || (cost == bestCost && candidate.better(best))) {
                best = candidate;
                bestCost = cost;
            }
        }
        return best;
    }

    private static <P> Plan uniquePlan(Host<P> host, Document filter) {
        for (Index<P> index : host.indexes()) {
            if (index instanceof SecondaryIndex<?> || !index.isUnique()) {
                continue;
            }
            Document keys = new Document();
            for (IndexKey key : index.getKeys()) {
                Object value = filter.get(key.getKey());
                if (value == null && !filter.containsKey(key.getKey())) {
                    keys = null;
                    break;
                }
                if (value instanceof Document document && !document.keySet().equals(Set.of("$in"))) {
                    keys = null;
                    break;
                }
                if (value instanceof Pattern || BsonRegularExpression.isRegularExpression(value)) {
                    keys = null;
                    break;
                }
                keys.put(key.getKey(), value);
            }
            if (keys != null && index.canHandle(keys)) {
                Iterable<P> positions = index.getPositions(keys);
                List<P> list = new ArrayList<>();
                positions.forEach(list::add);
                return new Plan(index.getName() + " (unique)", list.stream(), false);
            }
        }
        return null;
    }

    /** A way to read one secondary index for this query, and how good it is. */
    private record Candidate(SecondaryIndex<?> index, List<Object[]> prefixes, int equalityKeys, Predicate range,
                             boolean existsScan, boolean ordered, boolean reverse) {

        int score() {
            return equalityKeys * 2 + (range != null || existsScan ? 1 : 0);
        }

        boolean better(Candidate other) {
            if (score() != other.score()) {
                return score() > other.score();
            }
            if (ordered != other.ordered) {
                return ordered;
            }
            return index.paths().size() < other.index.paths().size();
        }

        Plan plan() {
            int keys = index.paths().size();
            boolean multikey = index.multikey();
            Stream<Object[]> ranges = prefixes.stream();
            Stream<?> positions = ranges.flatMap(prefix -> {
                Object[] from = new Object[keys + 1];
                Object[] to = new Object[keys + 1];
                System.arraycopy(prefix, 0, from, 0, equalityKeys);
                System.arraycopy(prefix, 0, to, 0, equalityKeys);
                for (int i = equalityKeys; i <= keys; i++) {
                    from[i] = SecondaryIndex.Bound.MIN;
                    to[i] = SecondaryIndex.Bound.MAX;
                }
                boolean fromInclusive = true;
                boolean toInclusive = true;
                if (range != null && equalityKeys < keys) {
                    boolean asc = index.ascending(equalityKeys);
                    // in index order a descending key starts at the high bound
                    Object start = asc ? (range.hasLow ? range.low : null) : (range.hasHigh ? range.high : null);
                    boolean startSet = asc ? range.hasLow : range.hasHigh;
                    boolean startInclusive = asc ? range.lowInclusive : range.highInclusive;
                    Object end = asc ? (range.hasHigh ? range.high : null) : (range.hasLow ? range.low : null);
                    boolean endSet = asc ? range.hasHigh : range.hasLow;
                    boolean endInclusive = asc ? range.highInclusive : range.lowInclusive;
                    if (startSet) {
                        from[equalityKeys] = start;
                        if (!startInclusive) {
                            // skip every entry equal to the bound: start after its last one
                            for (int i = equalityKeys + 1; i <= keys; i++) {
                                from[i] = SecondaryIndex.Bound.MAX;
                            }
                            fromInclusive = false;
                        }
                    }
                    if (endSet) {
                        to[equalityKeys] = end;
                        if (!endInclusive) {
                            for (int i = equalityKeys + 1; i <= keys; i++) {
                                to[i] = SecondaryIndex.Bound.MIN;
                            }
                            toInclusive = false;
                        }
                    }
                }
                return index.range(from, fromInclusive, to, toInclusive, reverse).stream();
            });
            if (multikey) {
                Set<Object> seen = new HashSet<>();
                positions = positions.filter(seen::add);
            }
            String description = index.getName() + index.paths()
                    + (equalityKeys > 0 ? " equality on " + equalityKeys : "")
                    + (range != null ? " range" : "") + (existsScan ? " sparse" : "")
                    + (ordered ? " in sort order" : "");
            return new Plan(description, positions, ordered);
        }
    }

    private static Candidate candidate(SecondaryIndex<?> index, Map<String, Predicate> predicates, Document sort) {
        List<String> paths = index.paths();
        List<Object[]> prefixes = new ArrayList<>();
        prefixes.add(new Object[paths.size()]);
        int equalityKeys = 0;
        for (String path : paths) {
            Predicate predicate = predicates.get(path);
            if (predicate == null || predicate.equality == null
                    || prefixes.size() * (long) predicate.equality.size() > MAX_TUPLES) {
                break;
            }
            List<Object> values = sortedDistinct(predicate.equality, index.ascending(equalityKeys));
            List<Object[]> extended = new ArrayList<>();
            for (Object[] prefix : prefixes) {
                for (Object value : values) {
                    Object[] next = prefix.clone();
                    next[equalityKeys] = value;
                    extended.add(next);
                }
            }
            prefixes = extended;
            equalityKeys++;
        }
        Predicate range = null;
        boolean existsScan = false;
        if (equalityKeys < paths.size()) {
            Predicate next = predicates.get(paths.get(equalityKeys));
            if (next != null && next.ranged()) {
                range = next;
            } else if (next != null && next.exists && equalityKeys == 0 && index.sparse() && paths.size() == 1) {
                existsScan = true;
            }
        }
        if (index.sparse() && !existsScan && !excludesMissing(index, predicates)) {
            // a sparse index lacks the documents without its keys; only a filter that refuses those may use it
            return null;
        }
        boolean ordered = false;
        boolean reverse = false;
        List<Map.Entry<String, Object>> sortKeys = new ArrayList<>();
        if (sort != null) {
            for (Map.Entry<String, Object> entry : sort.entrySet()) {
                Predicate predicate = predicates.get(entry.getKey());
                if (predicate == null || !predicate.singleValue()) {
                    sortKeys.add(entry);
                }
            }
        }
        if (sortKeys.isEmpty()) {
            ordered = true;
        } else if (!index.multikey() && prefixes.size() == 1 && equalityKeys + sortKeys.size() <= paths.size()) {
            Boolean flipped = null;
            boolean matches = true;
            for (int i = 0; i < sortKeys.size() && matches; i++) {
                Map.Entry<String, Object> sortKey = sortKeys.get(i);
                int key = equalityKeys + i;
                if (!paths.get(key).equals(sortKey.getKey())) {
                    matches = false;
                    break;
                }
                boolean sortAscending = ((Number) sortKey.getValue()).intValue() >= 0;
                boolean flip = sortAscending != index.ascending(key);
                if (flipped == null) {
                    flipped = flip;
                } else if (flipped != flip) {
                    matches = false;
                }
            }
            if (matches) {
                ordered = true;
                reverse = Boolean.TRUE.equals(flipped);
            }
        }
        if (equalityKeys == 0 && range == null && !existsScan && (!ordered || sortKeys.isEmpty())) {
            return null;
        }
        return new Candidate(index, prefixes, equalityKeys, range, existsScan, ordered, reverse);
    }

    private static boolean excludesMissing(SecondaryIndex<?> index, Map<String, Predicate> predicates) {
        for (String path : index.paths()) {
            Predicate predicate = predicates.get(path);
            if (predicate != null && (predicate.exists || predicate.ranged()
                    || (predicate.equality != null && predicate.equality.stream().noneMatch(Objects::isNull)))) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> sortedDistinct(List<Object> values, boolean ascending) {
        Comparator<Object> order = ascending ? ValueComparator.asc() : ValueComparator.desc();
        TreeSet<Object> distinct = new TreeSet<>(order);
        distinct.addAll(values);
        return new ArrayList<>(distinct);
    }

    /** The fields of the filter (top level and {@code $and}) with what an index can use of each. */
    static Map<String, Predicate> predicates(Document filter) {
        Map<String, Predicate> predicates = new LinkedHashMap<>();
        collect(filter, predicates);
        return predicates;
    }

    private static void collect(Document filter, Map<String, Predicate> predicates) {
        if (filter == null) {
            return;
        }
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            String field = entry.getKey();
            Object value = entry.getValue();
            if (field.equals("$and") && value instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        collect(document, predicates);
                    }
                }
                continue;
            }
            if (field.startsWith("$")) {
                continue;
            }
            Predicate predicate = predicates.computeIfAbsent(field, f -> new Predicate());
            if (value instanceof Document document && hasOperator(document)) {
                for (Map.Entry<String, Object> operator : document.entrySet()) {
                    Object operand = operator.getValue();
                    switch (operator.getKey()) {
                        case "$eq" -> {
                            if (indexable(operand)) {
                                predicate.equality = listOf(operand);
                            }
                        }
                        case "$in" -> {
                            if (operand instanceof Collection<?> values && !values.isEmpty()
                                    && values.stream().allMatch(IndexedQueries::indexable)) {
                                predicate.equality = new ArrayList<>(values);
                            }
                        }
                        case "$gt", "$gte" -> {
                            if (indexable(operand) && operand != null) {
                                predicate.low = operand;
                                predicate.hasLow = true;
                                predicate.lowInclusive = operator.getKey().equals("$gte");
                            }
                        }
                        case "$lt", "$lte" -> {
                            if (indexable(operand) && operand != null) {
                                predicate.high = operand;
                                predicate.hasHigh = true;
                                predicate.highInclusive = operator.getKey().equals("$lte");
                            }
                        }
                        case "$exists" -> {
                            if (Utils.isTrue(operand)) {
                                predicate.exists = true;
                            }
                        }
                        default -> {
                            // $ne, $nin, $elemMatch, $regex …: the matcher checks them on the candidates
                        }
                    }
                }
            } else if (indexable(value)) {
                predicate.equality = listOf(value);
            }
        }
        predicates.values().removeIf(p -> p.equality == null && !p.ranged() && !p.exists);
    }

    private static List<Object> listOf(Object value) {
        List<Object> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }

    private static boolean hasOperator(Document document) {
        return document.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }

    /** A value an index entry can equal: not an array (whole-array equality), not a pattern. */
    private static boolean indexable(Object value) {
        return !(value instanceof Collection<?>) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value)
                && !(value instanceof Document document && hasOperator(document));
    }

    private static List<SecondaryIndex<?>> secondaryIndexes(Host<?> host) {
        List<SecondaryIndex<?>> list = new ArrayList<>();
        for (Index<?> index : host.indexes()) {
            if (index instanceof SecondaryIndex<?> secondary) {
                list.add(secondary);
            }
        }
        return list;
    }

    private static List<String> uniqueIndexNames(Host<?> host) {
        List<String> list = new ArrayList<>();
        for (Index<?> index : host.indexes()) {
            if (!(index instanceof SecondaryIndex<?>)) {
                list.add(index.getName() + index.getKeys().stream().map(IndexKey::getKey).toList() + " unique");
            }
        }
        return list;
    }
}
