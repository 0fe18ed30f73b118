package io.cityloop.intake.casefile.adapters.web;

import io.cityloop.platform.problem.Problems;

/** The Idempotency-Key a report must carry, so that a retried submission finds the case it created. */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static void require(String key) {
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw Problems.validation("Idempotency-Key", "pattern",
                    "must be 8 to 100 letters, digits or . _ : -, e.g. a UUID");
        }
    }
}
