package io.cityloop.intake.casefile.application;

import java.util.Map;
import java.util.Optional;

/** Where photo bytes live (GridFS); the case keeps only a reference. */
public interface PhotoStore {

    void store(String photoId, byte[] content, String contentType, Map<String, Object> metadata);

    Optional<PhotoContent> open(String photoId);

    void delete(String photoId);

    record PhotoContent(byte[] content, String contentType) {
    }
}
