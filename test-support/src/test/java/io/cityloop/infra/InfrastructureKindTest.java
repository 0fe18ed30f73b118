package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfrastructureKindTest {

    @Test
    void parsesBothKindsLeniently() {
        assertThat(InfrastructureKind.parse("embedded")).isEqualTo(InfrastructureKind.EMBEDDED);
        assertThat(InfrastructureKind.parse(" Containers ")).isEqualTo(InfrastructureKind.CONTAINERS);
    }

    @Test
    void explainsAnUnknownKind() {
        assertThatThrownBy(() -> InfrastructureKind.parse("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'docker'")
                .hasMessageContaining("cityloop.it.infrastructure")
                .hasMessageContaining("CITYLOOP_IT_INFRASTRUCTURE")
                .hasMessageContaining("'embedded' or 'containers'");
    }
}
