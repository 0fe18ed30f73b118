package io.cityloop.intake.casefile.adapters.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.model.GridFSFile;

import io.cityloop.intake.casefile.application.PhotoStore;

/** Photos in GridFS ({@code photos.files}/{@code photos.chunks}), the photo id as file name. */
@Component
class GridFsPhotoStore implements PhotoStore {

    private final GridFsTemplate gridFs;

    GridFsPhotoStore(MongoDatabaseFactory database, MongoConverter converter) {
        this.gridFs = new GridFsTemplate(database, converter, "photos");
    }

    @Override
    public void store(String photoId, byte[] content, String contentType, Map<String, Object> metadata) {
        if (find(photoId) != null) {
            return;
        }
        Document meta = new Document(metadata);
        meta.put("_contentType", contentType);
        gridFs.store(new ByteArrayInputStream(content), photoId, contentType, meta);
    }

    @Override
    public Optional<PhotoContent> open(String photoId) {
        GridFSFile file = find(photoId);
        if (file == null) {
            return Optional.empty();
        }
        GridFsResource resource = gridFs.getResource(file);
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(new PhotoContent(in.readAllBytes(), resource.getContentType()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read photo " + photoId, e);
        }
    }

    @Override
    public void delete(String photoId) {
        gridFs.delete(query(where("filename").is(photoId)));
    }

    private GridFSFile find(String photoId) {
        return gridFs.findOne(query(where("filename").is(photoId)));
    }
}
