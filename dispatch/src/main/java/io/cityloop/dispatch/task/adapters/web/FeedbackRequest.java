package io.cityloop.dispatch.task.adapters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * 处理反馈 as the unit sends it.
 *
 * @param photoRef a reference to a photo already stored (e.g. a GridFS id), not the photo itself
 */
public record FeedbackRequest(
        @NotBlank @Size(min = 1, max = 1000) String note,
        @Size(max = 200) String photoRef) {
}
