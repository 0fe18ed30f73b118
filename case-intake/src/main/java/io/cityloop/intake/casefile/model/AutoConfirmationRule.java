package io.cityloop.intake.casefile.model;

import java.util.List;
import java.util.Set;

/**
 * 自动派核实: reports from the given sources whose category code starts with one of the prefixes (all categories
 * when none is given) are sent to the inspector of their cell to confirm without waiting for an operator — e.g. a
 * citizen's reports of 事件 ({@code 02-}).
 */
public record AutoConfirmationRule(Set<ReportSource> sources, List<String> categoryPrefixes) {

    public AutoConfirmationRule {
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        categoryPrefixes = categoryPrefixes == null ? List.of() : List.copyOf(categoryPrefixes);
    }

    public boolean applies(String categoryCode, ReportSource source) {
        return source != ReportSource.INSPECTOR && sources.contains(source)
                && (categoryPrefixes.isEmpty() || categoryPrefixes.stream().anyMatch(categoryCode::startsWith));
    }
}
