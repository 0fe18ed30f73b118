package io.cityloop.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index (the server's own, kept as it is, on H2 persisted) with a {@link SecondaryIndex} of the same keys
 * beside it, so that a query naming only a prefix of its keys, a range or a sort on them is served too (GridFS reads
 * chunks by {@code files_id} in {@code n} order from its unique {@code (files_id, n)} index). The ordered part is in
 * memory: when the server opens an H2 file whose unique index is already filled, it is built from the documents
 * before its first use.
 */
final class OrderedUniqueIndex<P> extends Index<P> {

    private final Index<P> unique;
    private final SecondaryIndex<P> ordered;
    private volatile boolean built;

    OrderedUniqueIndex(Index<P> unique, boolean sparse) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
        this.ordered = new SecondaryIndex<>(unique.getName(), unique.getKeys(), sparse);
        this.built = unique.isEmpty();
    }

    Index<P> unique() {
        return unique;
    }

    boolean built() {
        return built;
    }

    /** The ordered part, filled from {@code documents} (each with its position) if the store was opened filled. */
    SecondaryIndex<P> ordered(Iterable<de.bwaldvogel.mongo.backend.DocumentWithPosition<P>> documents) {
        if (!built) {
            synchronized (this) {
                if (!built) {
                    ordered.drop();
                    for (de.bwaldvogel.mongo.backend.DocumentWithPosition<P> document : documents) {
                        ordered.add(document.getDocument(), document.getPosition(), null);
                    }
                    built = true;
                }
            }
        }
        return ordered;
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
        if (built) {
            ordered.add(document, position, collection);
        }
    }

    @Override
    public P remove(Document document) {
        P position = unique.remove(document);
        if (built) {
            ordered.remove(document);
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.getPositions(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        if (built) {
            ordered.updateInPlace(oldDocument, newDocument, position, collection);
        }
    }

    @Override
    public void drop() {
        unique.drop();
        ordered.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    protected boolean isSparse() {
        return ordered.sparse();
    }
}
