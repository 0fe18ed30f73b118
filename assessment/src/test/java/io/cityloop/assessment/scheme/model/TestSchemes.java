package io.cityloop.assessment.scheme.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.json.JsonMapper;

/** The shipped scheme files, read the way the service reads them. */
public final class TestSchemes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestSchemes() {
    }

    public static ScoringScheme defaultScheme() {
        return read("scoring-schemes/gbt30428-default.json");
    }

    public static ScoringScheme cityRule() {
        return read("scoring-schemes/city-rule-2025.json");
    }

    public static ScoringScheme read(String resource) {
        try (InputStream in = TestSchemes.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readValue(in, ScoringScheme.class).validated();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
