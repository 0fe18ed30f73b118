package io.cityloop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file's page cache is sized by configuration, not left at H2's 16 MB, and a wrong size is refused. */
class MongoStoreCacheTest {

    @Test
    void theStoreOpensWithTheConfiguredCache(@TempDir Path data) {
        MVStore store = EmbeddedMongo.openStore(EmbeddedMongo.h2File(data), 512);
        try {
            assertThat(store.getCacheSize()).isEqualTo(512);
        } finally {
            store.close();
        }
    }

    @Test
    void thePropertyBeatsTheEnvironmentAndNeitherMeansTheDefault() {
        assertThat(EmbeddedMongo.cacheMegabytes("1024", "64")).isEqualTo(1024);
        assertThat(EmbeddedMongo.cacheMegabytes(" ", "64")).isEqualTo(64);
        assertThat(EmbeddedMongo.cacheMegabytes(null, null)).isEqualTo(EmbeddedMongo.DEFAULT_CACHE_MB)
                .isGreaterThan(16);
    }

    @Test
    void aCacheSizeThatIsNoSizeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> EmbeddedMongo.cacheMegabytes("0", null))
                .hasMessageContaining(EmbeddedMongo.CACHE_PROPERTY).hasMessageContaining("'0'");
        assertThatThrownBy(() -> EmbeddedMongo.cacheMegabytes(null, "1g"))
                .hasMessageContaining(EmbeddedMongo.CACHE_ENVIRONMENT).hasMessageContaining("'1g'");
    }
}
