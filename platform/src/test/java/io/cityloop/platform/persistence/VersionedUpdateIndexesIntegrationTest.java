package io.cityloop.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.cityloop.infra.TestInfrastructure;

/**
 * On the embedded MongoDB: versioned documents get the {@code (_id, version)} index, and optimistic locking still
 * refuses a stale write once the server answers the update from that index.
 */
class VersionedUpdateIndexesIntegrationTest {

    private final String database = "cityloop-platform-versioned-" + UUID.randomUUID();
    private final MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri(database));
    private final MongoTemplate mongo = template(client, database);

    @AfterEach
    void drop() {
        client.getDatabase(database).drop();
        client.close();
    }

    @Test
    void indexesOnlyVersionedDocumentsAndIsSafeToRepeat() {
        assertThat(new VersionedUpdateIndexes(mongo).ensure()).containsExactly(InspectionSheet.COLLECTION);
        assertThat(new VersionedUpdateIndexes(mongo).ensure()).containsExactly(InspectionSheet.COLLECTION);

        List<IndexInfo> indexes = mongo.indexOps(InspectionSheet.COLLECTION).getIndexInfo();
        assertThat(indexes).filteredOn(index -> index.getName().equals(VersionedUpdateIndexes.NAME))
                .singleElement()
                .satisfies(index -> {
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.getIndexFields()).extracting(field -> field.getKey())
                            .containsExactly("_id", "version");
                });
        assertThat(mongo.collectionExists(GridNote.COLLECTION)).isFalse();
    }

    @Test
    void aStaleWriteIsStillRefusedWithTheIndexInPlace() {
        new VersionedUpdateIndexes(mongo).ensure();
        InspectionSheet first = mongo.insert(new InspectionSheet("610402001001", "渭城区井盖缺失，已拍照"));
        InspectionSheet stale = mongo.findById(first.id, InspectionSheet.class);

        first.note = "渭城区井盖缺失，已通知市政设施管理处";
        mongo.save(first);
        stale.note = "旧版本的修改";

        assertThatThrownBy(() -> mongo.save(stale)).isInstanceOf(OptimisticLockingFailureException.class);
        InspectionSheet stored = mongo.findById(first.id, InspectionSheet.class);
        assertThat(stored.note).isEqualTo("渭城区井盖缺失，已通知市政设施管理处");
        assertThat(stored.version).isEqualTo(1L);
    }

    private static MongoTemplate template(MongoClient client, String database) {
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, database);
        MongoMappingContext context = new MongoMappingContext();
        context.setInitialEntitySet(Set.of(InspectionSheet.class, GridNote.class));
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.afterPropertiesSet();
        return new MongoTemplate(factory, converter);
    }

    @Document(InspectionSheet.COLLECTION)
    static class InspectionSheet {
        static final String COLLECTION = "inspection-sheets";
        @Id String id;
        @Version Long version;
        String note;

        InspectionSheet() {
        }

        InspectionSheet(String id, String note) {
            this.id = id;
            this.note = note;
        }
    }

    /** Not versioned: left without the index. */
    @Document(GridNote.COLLECTION)
    static class GridNote {
        static final String COLLECTION = "grid-notes";
        @Id String id;
        String text;
    }
}
