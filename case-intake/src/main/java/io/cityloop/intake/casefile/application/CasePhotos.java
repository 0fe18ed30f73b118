package io.cityloop.intake.casefile.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseRuleViolation;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.PhotoRef;
import io.cityloop.platform.concurrency.ConcurrentChangeRetry;

/**
 * 照片: stores a case's photos in GridFS under an id derived from the case and the content hash, so an upload
 * retried after a lost answer is the same photo, not a second one.
 */
@Service
public class CasePhotos {

    /** 10 MB per photo. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final ConcurrentChangeRetry RETRY = ConcurrentChangeRetry.upTo(3);

    private final CaseFileStore store;
    private final PhotoStore photos;
    private final ImageInspector images;
    private final Clock clock;

    CasePhotos(CaseFileStore store, PhotoStore photos, ImageInspector images, Clock clock) {
        this.store = store;
        this.photos = photos;
        this.images = images;
        this.clock = clock;
    }

    public PhotoRef attach(String caseId, byte[] content, String stage, Participant uploader) {
        if (content.length == 0) {
            throw new CaseRuleViolation("file", "not-empty", "the upload is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new CaseRuleViolation("file", "max-size", "a photo may be at most 10 MB");
        }
        String type = images.sniff(content);
        if (type == null) {
            throw new CaseRuleViolation("file", "image-type", "only JPEG, PNG and HEIC photos are accepted");
        }
        String sha256 = sha256(content);
        String photoId = sha256(( caseId + ':' + sha256).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 24);
        ImageInspector.Exif exif = images.exif(content);
        Instant now = clock.instant();
        PhotoRef candidate = new PhotoRef(photoId, sha256, type, content.length, stage, exif.takenAt(), exif.lon(),
                exif.lat(), uploader.id(), now);
        try {
            return RETRY.run(() -> {
                CaseFile file = store.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
                PhotoRef attached = file.attachPhoto(candidate);
                if (attached != candidate) {
                    return attached;
                }
                photos.store(photoId, content, type, metadata(caseId, candidate));
                store.save(file);
                return candidate;
            });
        } catch (OptimisticLockingFailureException e) {
            photos.delete(photoId);
            throw e;
        }
    }

    public Optional<PhotoStore.PhotoContent> open(CaseFile file, String photoId) {
        return file.photo(photoId).flatMap(ref -> photos.open(ref.id()));
    }

    private static Map<String, Object> metadata(String caseId, PhotoRef photo) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("caseId", caseId);
        metadata.put("sha256", photo.sha256());
        metadata.put("stage", photo.stage());
        metadata.put("uploadedBy", photo.uploadedBy());
        return metadata;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
