package io.cityloop.assessment.facts.adapters.persistence;

import static io.cityloop.platform.persistence.CollectionIndexes.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.platform.persistence.CollectionIndexes;

/**
 * The month index the scorecard queries need, so they never scan every case, the open-task index that finds the
 * overdue backlog carried into later months ({@code openFrom < month}), and the snapshot index a frozen month
 * is read (in {@code _id} order) and dropped by.
 */
@Configuration(proxyBeanMethods = false)
class CaseFactsIndexes {

    static final String COUNTS_IN = "countsIn";
    static final String OPEN_FROM = "openFrom";

    @Bean
    CollectionIndexes factIndexes() {
        return CollectionIndexes.of(CaseFactsDocument.class,
                index(COUNTS_IN, COUNTS_IN),
                index(OPEN_FROM, OPEN_FROM).sparse());
    }

    @Bean
    CollectionIndexes frozenFactsIndexes() {
        return CollectionIndexes.of(MongoFrozenFactsStore.COLLECTION, index("snapshot", "snapshotId", "_id"));
    }
}
