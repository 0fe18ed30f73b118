package io.cityloop.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The case state machine stays plain Java, testable without Spring, Kafka or MongoDB. */
@AnalyzeClasses(packages = "io.cityloop.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsFrameworkFreeTest {

    @ArchTest
    static final ArchRule modelHasNoFrameworkDependencies = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "tools.jackson..", "com.fasterxml.jackson..", "org.mapstruct..", "io.micrometer..",
                    "io.cityloop.platform..", "io.cityloop.events..");

    @ArchTest
    static final ArchRule modelDoesNotReachIntoAdaptersOrApplication = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapters..", "..application..");
}
