package io.cityloop.intake.casefile.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.cityloop.intake.casefile.model.AutoConfirmationRule;
import io.cityloop.intake.casefile.model.AutoFilingRule;
import io.cityloop.intake.casefile.model.DuplicateRule;
import io.cityloop.intake.casefile.model.ReportSource;

/**
 * The supervision center's rules that a city configures, under {@code cityloop.intake}.
 *
 * @param duplicates    radius and look-back window of the probable-duplicate flag
 * @param filing        the operator's filing time limit (受理时限) in working hours
 * @param autoFiling    categories and sources that are filed without an operator
 * @param verification  whether a verdict needs a photo taken on site (yes unless a city turns it off)
 * @param confirmation  核实 before filing: the inspector's time limit in working minutes and the sources and
 *                      categories sent to 核实 without an operator
 * @param publicReports how many anonymous reports one client may send per hour
 * @param inspectorAreas inspector area (责任网格, e.g. {@code IA610402001}) → the inspector's user name; areas
 *                       not listed fall back to the district's first inspector
 * @param geo           {@code native} geo queries need a real MongoDB ($nearSphere on a 2dsphere index)
 */
@ConfigurationProperties("cityloop.intake")
public record IntakeSettings(
        @DefaultValue Duplicates duplicates,
        @DefaultValue Filing filing,
        @DefaultValue List<AutoFiling> autoFiling,
        @DefaultValue Verification verification,
        @DefaultValue Confirmation confirmation,
        @DefaultValue PublicReports publicReports,
        @DefaultValue Geo geo,
        Map<String, String> inspectorAreas) {

    public IntakeSettings {
        inspectorAreas = inspectorAreas == null ? Map.of() : Map.copyOf(inspectorAreas);
    }

    public record Duplicates(@DefaultValue("50") double radiusMetres, @DefaultValue("72h") Duration window) {

        public DuplicateRule rule() {
            return new DuplicateRule(radiusMetres, window);
        }
    }

    public record Filing(@DefaultValue("0.5") double limitWorkingHours) {
    }

    public record AutoFiling(String category, Set<ReportSource> sources, Double minReading) {

        public AutoFilingRule rule() {
            return new AutoFilingRule(category, sources == null ? Set.of() : Set.copyOf(sources), minReading);
        }
    }

    public record Verification(@DefaultValue("true") boolean photoRequired) {
    }

    public record Confirmation(@DefaultValue("30") int limitWorkingMinutes, List<AutoConfirmation> automatic) {

        public List<AutoConfirmationRule> rules() {
            return automatic == null ? List.of() : automatic.stream()
                    .map(rule -> new AutoConfirmationRule(rule.sources(), rule.categoryPrefixes())).toList();
        }
    }

    public record AutoConfirmation(Set<ReportSource> sources, List<String> categoryPrefixes) {
    }

    public record PublicReports(@DefaultValue("10") int perClientPerHour) {
    }

    public record Geo(@DefaultValue("false") boolean nativeQueries) {
    }

    public List<AutoFilingRule> autoFilingRules() {
        return autoFiling == null ? List.of() : autoFiling.stream().map(AutoFiling::rule).toList();
    }
}
