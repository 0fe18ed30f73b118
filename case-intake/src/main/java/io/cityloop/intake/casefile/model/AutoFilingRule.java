package io.cityloop.intake.casefile.model;

import java.util.Set;

/**
 * 自动立案: reports of a category from the given sources are filed without an operator, e.g. a gas sensor above
 * its alarm threshold. Without a threshold every such report is filed.
 */
public record AutoFilingRule(String categoryCode, Set<ReportSource> sources, Double minReading) {

    public boolean applies(String category, ReportSource source, ReportOrigin origin) {
        if (!categoryCode.equals(category) || !sources.contains(source)) {
            return false;
        }
        if (minReading == null) {
            return true;
        }
        return origin != null && origin.reading() != null && origin.reading() >= minReading;
    }
}
