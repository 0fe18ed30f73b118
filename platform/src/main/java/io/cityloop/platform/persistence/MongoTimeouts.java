package io.cityloop.platform.persistence;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

import com.mongodb.MongoClientSettings;

import io.cityloop.platform.PlatformProperties;

/**
 * Applies {@code cityloop.mongo.*} to the service's MongoDB client. It runs before Boot applies the connection
 * string, so timeouts written into {@code MONGODB_URI} still win.
 */
public final class MongoTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final PlatformProperties.Mongo timeouts;

    public MongoTimeouts(PlatformProperties.Mongo timeouts) {
        this.timeouts = timeouts;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
        settings.applyToSocketSettings(socket -> socket
                .connectTimeout((int) timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout((int) timeouts.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
