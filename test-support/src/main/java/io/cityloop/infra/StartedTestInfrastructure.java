package io.cityloop.infra;

/** A running {@link TestInfrastructure} that its owner can stop. Not public: tests never stop the shared one. */
interface StartedTestInfrastructure extends TestInfrastructure, AutoCloseable {

    @Override
    void close();
}
