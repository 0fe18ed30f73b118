package io.cityloop.intake.casefile.model;

import java.time.Instant;

/**
 * A photo attached to a case: where it is stored, its content hash and, when the image carried EXIF data, where and
 * when it was taken.
 *
 * @param stage {@code REPORT} (采集), {@code HANDLING} (处理反馈, from the handling unit), {@code VERIFICATION} (核查)
 *              or {@code OTHER}
 */
public record PhotoRef(String id, String sha256, String contentType, long size, String stage, Instant takenAt,
                       Double lon, Double lat, String uploadedBy, Instant uploadedAt) {
}
