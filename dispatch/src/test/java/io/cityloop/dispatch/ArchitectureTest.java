package io.cityloop.dispatch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.cityloop.testsupport.architecture.CityLoopArchitecture;

/**
 * Routing rules and the task state machine stay plain Java, testable without Spring, Kafka or MongoDB, and the layers
 * depend one way ({@link CityLoopArchitecture}).
 */
@AnalyzeClasses(packages = "io.cityloop.dispatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelIsFrameworkFree = CityLoopArchitecture.MODEL_IS_FRAMEWORK_FREE;

    @ArchTest
    static final ArchRule modelDoesNotReachOut = CityLoopArchitecture.MODEL_DOES_NOT_REACH_OUT;

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = CityLoopArchitecture.FEATURES_ARE_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule wireEventsStayInAdapters = CityLoopArchitecture.WIRE_EVENTS_STAY_IN_ADAPTERS;

    @ArchTest
    static final ArchRule noTestcontainersInMainCode = CityLoopArchitecture.NO_TESTCONTAINERS_IN_MAIN_CODE;
}
