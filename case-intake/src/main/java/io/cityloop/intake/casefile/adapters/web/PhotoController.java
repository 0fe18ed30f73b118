package io.cityloop.intake.casefile.adapters.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Base64;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.cityloop.intake.casefile.application.CasePhotos;
import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.intake.casefile.model.CaseRuleViolation;
import io.cityloop.intake.casefile.model.Participant;
import io.cityloop.intake.casefile.model.PhotoRef;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/**
 * 照片: multipart (or base64 JSON) upload ({@code file}, at most 10 MB, JPEG/PNG/HEIC by content, at most 6 of the
 * report and 30 per case) and download with the same access rule as the case itself. Inspectors and operators add
 * photos of the report, the on-site check or other; a handling unit adds the photos of its result (处理反馈照片,
 * stage {@code HANDLING}) only, and only to a case whose current task is its own.
 */
@RestController
class PhotoController {

    private static final List<String> STAGES = List.of("REPORT", "HANDLING", "VERIFICATION", "OTHER");
    private static final List<String> SUPERVISION_STAGES = List.of("REPORT", "VERIFICATION", "OTHER");
    private static final String HANDLING = "HANDLING";

    private final CasePhotos photos;
    private final CaseAccess access;

    PhotoController(CasePhotos photos, CaseAccess access) {
        this.photos = photos;
        this.access = access;
    }

    @PostMapping(path = "/api/cases/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR','SHIFT_LEAD','DEPARTMENT')")
    ResponseEntity<CaseView.Photo> upload(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                          @RequestParam(required = false) String stage, CurrentUser user) {
        String allowed = allowedStage(id, stage, user);
        return attach(id, bytes(file), allowed, user);
    }

    /**
     * The same upload as JSON with the image in base64, for clients that only speak JSON (field-app web views,
     * the launcher's demo seeder). The limits are those of the multipart upload, on the decoded bytes.
     */
    @PostMapping(path = "/api/cases/{id}/photos", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR','SHIFT_LEAD','DEPARTMENT')")
    ResponseEntity<CaseView.Photo> uploadEncoded(@PathVariable String id, @Valid @RequestBody EncodedPhoto photo,
                                                 CurrentUser user) {
        String allowed = allowedStage(id, photo.stage(), user);
        return attach(id, photo.decoded(), allowed, user);
    }

    /** A photo in a JSON body: {@code file} is the image's bytes in standard base64. */
    record EncodedPhoto(@NotBlank String file, String stage) {

        /** Base64 grows the bytes by a third; anything longer than 10 MB's worth is refused before decoding. */
        private static final long MAX_ENCODED = (CasePhotos.MAX_BYTES + 2) / 3 * 4;

        byte[] decoded() {
            if (file.length() > MAX_ENCODED) {
                throw tooLarge();
            }
            try {
                return Base64.getDecoder().decode(file);
            } catch (IllegalArgumentException e) {
                throw Problems.validation("file", "base64", "must be the image's bytes in standard base64");
            }
        }
    }

    private ResponseEntity<CaseView.Photo> attach(String id, byte[] content, String stage, CurrentUser user) {
        Participant uploader = new Participant(user.username(),
                user.actingRole("inspector", "operator", "shift-lead", "department"));
        PhotoRef photo = photos.attach(id, content, stage, uploader);
        String url = "/api/cases/" + id + "/photos/" + photo.id();
        return ResponseEntity.created(URI.create(url)).body(new CaseView.Photo(photo.id(), photo.sha256(),
                photo.contentType(), photo.size(), photo.stage(), photo.takenAt(), photo.lon(), photo.lat(),
                photo.uploadedBy(), photo.uploadedAt(), url));
    }

    /**
     * The stage the caller may upload: a handling unit {@code HANDLING} only (the default for it), on a case
     * dispatched to it (403 otherwise); inspectors and operators {@code REPORT} (the default), {@code VERIFICATION}
     * or {@code OTHER}.
     */
    private String allowedStage(String caseId, String requested, CurrentUser user) {
        if (isHandlingUnit(user)) {
            String stage = requested == null ? HANDLING : requested;
            if (!HANDLING.equals(stage)) {
                throw Problems.validation("stage", "allowed-value",
                        "a handling unit uploads the photos of its result only: stage HANDLING");
            }
            access.readable(caseId, user);
            return stage;
        }
        String stage = requested == null ? "REPORT" : requested;
        if (!STAGES.contains(stage)) {
            throw Problems.validation("stage", "allowed-value", "one of " + STAGES);
        }
        if (!SUPERVISION_STAGES.contains(stage)) {
            throw Problems.validation("stage", "allowed-value", "HANDLING photos come from the handling unit; "
                    + "inspectors and operators upload " + SUPERVISION_STAGES);
        }
        return stage;
    }

    /** A department or district platform user acting as a handling unit, not also on the supervision side. */
    private static boolean isHandlingUnit(CurrentUser user) {
        return user.hasRole("department") && !user.hasAnyRole("inspector", "operator", "shift-lead");
    }

    @GetMapping("/api/cases/{id}/photos/{photoId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String photoId, CurrentUser user) {
        CaseFile file = access.readable(id, user);
        return photos.open(file, photoId)
                .map(photo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                        .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
                        .body(photo.content()))
                .orElseThrow(() -> Problems.notFound("case " + id + " has no photo " + photoId));
    }

    private static byte[] bytes(MultipartFile file) {
        if (file.getSize() > CasePhotos.MAX_BYTES) {
            throw tooLarge();
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
    }

    private static CaseRuleViolation tooLarge() {
        return new CaseRuleViolation("file", "max-size", "a photo may be at most 10 MB");
    }
}
