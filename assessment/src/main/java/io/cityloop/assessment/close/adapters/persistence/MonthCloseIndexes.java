package io.cityloop.assessment.close.adapters.persistence;

import static io.cityloop.platform.persistence.CollectionIndexes.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityloop.platform.persistence.CollectionIndexes;

/**
 * The indexes behind a month's close: its corrections in the order they were decided, its appeals in the order they
 * were filed (equality on the month, then the sort, then {@code _id} as every list's tie-break), so that reading one
 * month never reads every month's.
 */
@Configuration(proxyBeanMethods = false)
class MonthCloseIndexes {

    @Bean
    CollectionIndexes correctionIndexes() {
        return CollectionIndexes.of(MongoCorrectionRepository.COLLECTION,
                index("month_decided", "month", "decidedAt", "_id"));
    }

    @Bean
    CollectionIndexes appealIndexes() {
        return CollectionIndexes.of(AppealDocument.COLLECTION, index("month_filed", "month", "filedAt", "_id"));
    }
}
