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
import io.cityloop.platform.problem.ProblemException;
import io.cityloop.platform.problem.Problems;
import io.cityloop.platform.security.CurrentUser;

/**
 * 照片: multipart (or base64 JSON) upload ({@code file}, at most 10 MB, JPEG/PNG/HEIC by content, at most 6 per case) and download
 * with the same access rule as the case itself.
 */
@RestController
class PhotoController {

    private static final List<String> STAGES = List.of("REPORT", "VERIFICATION", "OTHER");

    private final CasePhotos photos;
    private final CaseAccess access;

    PhotoController(CasePhotos photos, CaseAccess access) {
        this.photos = photos;
        this.access = access;
    }

    @PostMapping(path = "/api/cases/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR','SHIFT_LEAD')")
    ResponseEntity<CaseView.Photo> upload(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "REPORT") String stage, CurrentUser user) {
        requireStage(stage);
        return attach(id, bytes(file), stage, user);
    }

    /**
     * The same upload as JSON with the image in base64, for clients that only speak JSON (field-app web views,
     * the launcher's demo seeder). The limits are those of the multipart upload, on the decoded bytes.
     */
    @PostMapping(path = "/api/cases/{id}/photos", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('INSPECTOR','OPERATOR','SHIFT_LEAD')")
    ResponseEntity<CaseView.Photo> uploadEncoded(@PathVariable String id, @Valid @RequestBody EncodedPhoto photo,
                                                 CurrentUser user) {
        String stage = photo.stage() == null ? "REPORT" : photo.stage();
        requireStage(stage);
        return attach(id, photo.decoded(), stage, user);
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
        Participant uploader = new Participant(user.username(), user.actingRole("inspector", "operator", "shift-lead"));
        PhotoRef photo = CaseProblems.act(() -> photos.attach(id, content, stage, uploader));
        String url = "/api/cases/" + id + "/photos/" + photo.id();
        return ResponseEntity.created(URI.create(url)).body(new CaseView.Photo(photo.id(), photo.sha256(),
                photo.contentType(), photo.size(), photo.stage(), photo.takenAt(), photo.lon(), photo.lat(),
                photo.uploadedBy(), photo.uploadedAt(), url));
    }

    private static void requireStage(String stage) {
        if (!STAGES.contains(stage)) {
            throw Problems.validation("stage", "allowed-value", "one of " + STAGES);
        }
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

    private static ProblemException tooLarge() {
        return CaseProblems.violation(new CaseRuleViolation("file", "max-size", "a photo may be at most 10 MB"));
    }
}
