package io.cityloop.intake.casefile.adapters.open311;

import java.util.List;

/** One entry of Open311's error answer, {@code [{"code": 400, "description": "…"}]}; code is the HTTP status. */
record Open311Error(int code, String description) {

    static List<Open311Error> of(int code, List<String> descriptions) {
        return descriptions.stream().map(description -> new Open311Error(code, description)).toList();
    }
}
