package io.cityloop.notification.inbox.adapters.persistence;

import static io.cityloop.platform.persistence.CollectionIndexes.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.platform.persistence.CollectionIndexes;

/** An inbox is read newest first per unit; a rework looks up its task's dispatch. */
@Configuration(proxyBeanMethods = false)
class NotificationIndexes {

    static final String UNIT_ID = "unitId";
    static final String CREATED_AT = "createdAt";

    @Bean
    CollectionIndexes inboxIndexes() {
        return CollectionIndexes.of(NotificationDocument.class,
                index("unit_newest_first", UNIT_ID, "-" + CREATED_AT),
                index("task", "taskId"));
    }
}
