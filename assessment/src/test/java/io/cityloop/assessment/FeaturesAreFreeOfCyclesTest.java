package io.cityloop.assessment;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each feature can be read, changed and tested from its own package downwards: what two features both need (the
 * month's close state, the corrections of upheld appeals) lives in a package they share, not in one of them.
 */
@AnalyzeClasses(packages = "io.cityloop.assessment", importOptions = ImportOption.DoNotIncludeTests.class)
class FeaturesAreFreeOfCyclesTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("io.cityloop.assessment.(*)..")
            .should().beFreeOfCycles();
}
