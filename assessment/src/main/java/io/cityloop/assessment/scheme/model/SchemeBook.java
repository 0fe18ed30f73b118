package io.cityloop.assessment.scheme.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded scoring schemes and which one scores which month: a month named in {@code selections} gets that scheme
 * ({@code id@version}); any other month the scheme with the latest {@code effectiveFrom} not after it.
 */
public final class SchemeBook {

    private final List<ScoringScheme> schemes;
    private final Map<String, String> selections;

    public SchemeBook(List<ScoringScheme> schemes, Map<String, String> selections) {
        List<String> problems = new ArrayList<>();
        for (ScoringScheme scheme : schemes) {
            scheme.validated();
            if (schemes.stream().filter(other -> other.reference().equals(scheme.reference())).count() > 1) {
                problems.add("duplicate scheme " + scheme.reference());
            }
        }
        selections.forEach((month, reference) -> {
            if (schemes.stream().noneMatch(scheme -> scheme.reference().equals(reference))) {
                problems.add("month " + month + " selects unknown scheme " + reference);
            }
        });
        if (schemes.stream().noneMatch(scheme -> scheme.effectiveFrom() != null)) {
            problems.add("no scheme has effectiveFrom, so most months would have none");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSchemeException("book", problems);
        }
        this.schemes = List.copyOf(schemes);
        this.selections = Map.copyOf(selections);
    }

    public List<ScoringScheme> schemes() {
        return schemes;
    }

    public ScoringScheme forMonth(YearMonth month) {
        String selected = selections.get(month.toString());
        if (selected != null) {
            return find(selected).orElseThrow();
        }
        return schemes.stream()
                .filter(scheme -> scheme.effectiveFrom() != null
                        && !YearMonth.parse(scheme.effectiveFrom()).isAfter(month))
                .max(Comparator.comparing((ScoringScheme scheme) -> YearMonth.parse(scheme.effectiveFrom()))
                        .thenComparing(ScoringScheme::version))
                .orElseThrow(() -> new IllegalStateException("no scoring scheme in effect for " + month));
    }

    public Optional<ScoringScheme> find(String reference) {
        return schemes.stream().filter(scheme -> scheme.reference().equals(reference)).findFirst();
    }
}
