package io.cityloop.platform.persistence;

import static io.cityloop.platform.persistence.CollectionIndexes.index;
import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

class CollectionIndexesTest {

    @Test
    void readsKeysInOrderWithAMinusForDescending() {
        Index written = index("by_reporter", "reporter._id", "-reportedAt", "-_id");
        Index spelledOut = new Index().on("reporter._id", Sort.Direction.ASC).on("reportedAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC).named("by_reporter");

        assertThat(written.getIndexKeys()).isEqualTo(spelledOut.getIndexKeys());
        assertThat(written.getIndexKeys().keySet()).containsExactly("reporter._id", "reportedAt", "_id");
        assertThat(written.getIndexOptions()).isEqualTo(spelledOut.getIndexOptions());
    }

    @Test
    void keepsTheOptionsOfTheIndex() {
        assertThat(index("report_idempotency", "reporter.id", "idempotencyKey").unique().getIndexOptions())
                .isEqualTo(new Document("name", "report_idempotency").append("unique", true));
        assertThat(index("pending_outbox", "outbox.0").sparse().getIndexOptions())
                .isEqualTo(new Document("name", "pending_outbox").append("sparse", true));
    }

    @Test
    void addsAnIndexToACopy() {
        CollectionIndexes cases = CollectionIndexes.of("cases", index("verifier", "verification.assignee"));

        assertThat(cases.with(index("near_box", "location.lat", "location.lon")).indexes()).hasSize(2);
        assertThat(cases.indexes()).hasSize(1);
    }
}
