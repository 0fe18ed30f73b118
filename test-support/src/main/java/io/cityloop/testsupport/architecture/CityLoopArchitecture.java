package io.cityloop.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every CityLoop service keeps (docs/service-conventions.md), written once. A service's
 * {@code ArchitectureTest} analyses its own main classes ({@code ImportOption.DoNotIncludeTests}) and lists, as
 * {@code @ArchTest} fields, the rules that hold for it.
 */
public final class CityLoopArchitecture {

    /** The rules stay plain Java, testable without Spring, Kafka or MongoDB. */
    public static final ArchRule MODEL_IS_FRAMEWORK_FREE = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                    "tools.jackson..", "com.fasterxml.jackson..", "jakarta.persistence..", "org.mapstruct..",
                    "io.micrometer..", "io.cityloop.platform..", "io.cityloop.events..");

    /** The model is the centre: the application layer and the adapters use it, never the other way round. */
    public static final ArchRule MODEL_DOES_NOT_REACH_OUT = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapters..", "..application..");

    /**
     * Features ({@code io.cityloop.<service>.<feature>}) may use one another one way only, so each can be read,
     * tested and split off on its own; what two features both need lives in a package of its own.
     */
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices()
            .matching("io.cityloop.(*).(*)..")
            .namingSlices("$2")
            .should().beFreeOfCycles();

    /**
     * A producing feature's model and application layer speak the domain; only its outbox adapter (the persistence
     * adapter that writes the aggregate and its outbox entries in one document write, through the translator in
     * {@code adapters/messaging}) turns domain changes into {@code io.cityloop.events} wire events.
     */
    public static final ArchRule WIRE_EVENTS_STAY_IN_ADAPTERS = noClasses()
            .that().resideInAnyPackage("..model..", "..application..")
            .should().dependOnClassesThat().resideInAPackage("io.cityloop.events..");

    /**
     * Testcontainers is test infrastructure (test-support, at test scope): production code never refers to it, so no
     * service or launcher needs it at run time.
     */
    public static final ArchRule NO_TESTCONTAINERS_IN_MAIN_CODE = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.testcontainers..");

    private CityLoopArchitecture() {
    }
}
