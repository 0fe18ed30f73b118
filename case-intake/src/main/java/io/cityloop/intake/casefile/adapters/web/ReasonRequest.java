package io.cityloop.intake.casefile.adapters.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.cityloop.intake.web.PlainText;

/** A shift lead's correction (cancel, undo a merge) or a reporter's supplement: always with a reason or text. */
record ReasonRequest(@NotBlank @Size(max = 500) @PlainText String reason) {
}
