package io.cityloop.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A non-unique (possibly compound, possibly sparse) index that mongo-java-server declares but never fills: an ordered
 * map from (the document's key values…, its {@code _id}) to its position in the collection.
 *
 * <p>It lives in memory only. The server builds it from the documents when the index is created and again each time
 * it opens an H2 file, so it is derived state: a crash can lose it but cannot leave an entry a later read trusts.
 * Every write keeps it exact through the hooks {@code AbstractMongoCollection} calls on each index (add, update in
 * place, remove). {@link #canHandle} is {@code false}: the server's own planner never uses it; {@link IndexedQueries}
 * does, for equality, {@code $in}, ranges and sorts.
 *
 * <p>An array value is indexed once per element (multikey); an index that has seen one no longer serves sorts. A
 * missing field is indexed as {@code null}, as MongoDB does, except in a sparse index, which leaves out a document that
 * has none of the keys.
 */
final class SecondaryIndex<P> extends Index<P> {

    /** Bounds of a key component: below and above every value. */
    enum Bound { MIN, MAX }

    private final boolean sparse;
    private final List<String> paths = new ArrayList<>();
    private final boolean[] ascending;
    private final Comparator<Object[]> order;
    private final ConcurrentSkipListMap<Object[], P> entries;
    private volatile boolean multikey;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.sparse = sparse;
        this.ascending = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            paths.add(keys.get(i).getKey());
            ascending[i] = keys.get(i).isAscending();
        }
        this.order = entryOrder(ascending);
        this.entries = new ConcurrentSkipListMap<>(order);
    }

    List<String> paths() {
        return paths;
    }

    boolean ascending(int key) {
        return ascending[key];
    }

    boolean multikey() {
        return multikey;
    }

    boolean sparse() {
        return sparse;
    }

    /** The positions whose entries lie between the two bounds (each {@code keys + 1} long), in index order or reversed. */
    Collection<P> range(Object[] from, boolean fromInclusive, Object[] to, boolean toInclusive, boolean reverse) {
        if (order.compare(from, to) > 0) {
            return List.of();
        }
        NavigableMap<Object[], P> range = entries.subMap(from, fromInclusive, to, toInclusive);
        return reverse ? range.descendingMap().values() : range.values();
    }

    /** The entries of one document: one unless a key holds an array; none for a sparse index and no key present. */
    List<Object[]> entriesOf(Document document, Object position) {
        List<Object[]> result = new ArrayList<>();
        result.add(new Object[paths.size() + 1]);
        boolean anyPresent = false;
        for (int i = 0; i < paths.size(); i++) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, paths.get(i));
            List<Object> values;
            if (value instanceof Missing || emptyPositional(paths.get(i), value)) {
                values = java.util.Collections.singletonList(null);
            } else if (value instanceof Collection<?> collection) {
                anyPresent = true;
                multikey = true;
                values = new ArrayList<>();
                for (Object element : collection) {
                    values.add(element instanceof Missing ? null : element);
                }
                if (values.isEmpty()) {
                    values.add(null);
                }
            } else {
                anyPresent = true;
                values = java.util.Collections.singletonList(value);
            }
            List<Object[]> expanded = new ArrayList<>(result.size() * values.size());
            for (Object[] partial : result) {
                for (Object element : values) {
                    Object[] entry = values.size() == 1 ? partial : partial.clone();
                    entry[i] = element;
                    expanded.add(entry);
                }
            }
            result = expanded;
        }
        if (sparse && !anyPresent) {
            return List.of();
        }
        Object id = document.get("_id");
        Object tail = id != null ? id : position;
        for (Object[] entry : result) {
            entry[paths.size()] = tail;
        }
        return result;
    }

    /**
     * Where this index and the documents disagree, at most {@code limit} lines: a document's entry missing or
     * pointing elsewhere, or an entry left behind for a document that no longer has that key. Empty when exact.
     * The caller holds the collection's lock, so no write moves the documents meanwhile.
     */
    List<String> differences(List<de.bwaldvogel.mongo.backend.DocumentWithPosition<P>> documents, int limit) {
        List<String> differences = new ArrayList<>();
        ConcurrentSkipListMap<Object[], P> expected = new ConcurrentSkipListMap<>(order);
        for (de.bwaldvogel.mongo.backend.DocumentWithPosition<P> document : documents) {
            for (Object[] entry : entriesOf(document.getDocument(), document.getPosition())) {
                expected.put(entry, document.getPosition());
                P indexed = entries.get(entry);
                if (differences.size() < limit && !java.util.Objects.equals(indexed, document.getPosition())) {
                    differences.add(getName() + ": document " + document.getDocument().get("_id")
                            + (indexed == null ? " has no entry " : " has its entry pointing elsewhere ")
                            + java.util.Arrays.toString(entry));
                }
            }
        }
        for (Object[] entry : entries.keySet()) {
            if (differences.size() < limit && !expected.containsKey(entry)) {
                differences.add(getName() + ": entry " + java.util.Arrays.toString(entry)
                        + " names no document that has it (stale)");
            }
        }
        return differences;
    }

    /**
     * {@code outbox.0} of {@code outbox: []} does not exist — the server's path lookup answers an empty list, which
     * would put every document with an empty outbox into the sparse pending-outbox index, and the relays' sweep
     * would then read every published document.
     */
    private static boolean emptyPositional(String path, Object value) {
        if (!(value instanceof Collection<?> collection) || !collection.isEmpty()) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        return !last.isEmpty() && last.chars().allMatch(Character::isDigit);
    }

    @Override
    public P getPosition(Document document) {
        for (Object[] entry : entriesOf(document, null)) {
            P position = entries.get(entry);
            if (position != null) {
                return position;
            }
        }
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        for (Object[] entry : entriesOf(document, position)) {
            entries.put(entry, position);
        }
    }

    @Override
    public P remove(Document document) {
        P removed = null;
        for (Object[] entry : entriesOf(document, null)) {
            P position = entries.remove(entry);
            if (position != null) {
                removed = position;
            }
        }
        return removed;
    }

    @Override
    protected boolean isSparse() {
        return sparse;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("served by IndexedQueries");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        List<Object[]> before = entriesOf(oldDocument, position);
        List<Object[]> after = entriesOf(newDocument, position);
        for (Object[] entry : before) {
            entries.remove(entry);
        }
        for (Object[] entry : after) {
            entries.put(entry, position);
        }
    }

    @Override
    public void drop() {
        entries.clear();
    }

    /** Index order; a {@link Bound} sorts first (MIN) or last (MAX) in index order, whatever the key's direction. */
    private static Comparator<Object[]> entryOrder(boolean[] ascending) {
        ValueComparator asc = ValueComparator.asc();
        return (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                Object x = a[i];
                Object y = b[i];
                int c;
                if (x instanceof Bound || y instanceof Bound) {
                    c = Integer.compare(rank(x), rank(y));
                } else {
                    c = asc.compare(x, y);
                    if (i < ascending.length && !ascending[i]) {
                        c = -c;
                    }
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static int rank(Object component) {
        return component == Bound.MIN ? -1 : component == Bound.MAX ? 1 : 0;
    }
}
