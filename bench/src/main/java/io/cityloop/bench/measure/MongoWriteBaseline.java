package io.cityloop.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Raw write throughput of the same MongoDB server the services use: single-document inserts, one at a time, as a
 * service writes an aggregate with its outbox entry; documents about the size of a case file.
 */
public final class MongoWriteBaseline {

    public record Result(int writes, double seconds, double writesPerSecond, Map<String, Double> latencyMicros) {
    }

    public static Result run(String mongoUri, int writes) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase("bench-baseline").getCollection("writes");
            collection.drop();
            String description = "人民路与渭阳西路交叉口东南角暴露垃圾约2平方米".repeat(8);
            List<Long> latencies = new ArrayList<>(writes);
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                long before = System.nanoTime();
                collection.insertOne(new Document("_id", "CL20261102" + i).append("status", "REPORTED")
                        .append("description", description).append("version", 0)
                        .append("outbox", List.of(new Document("eventId", "e" + i).append("payload", description))));
                latencies.add((System.nanoTime() - before) / 1_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            client.getDatabase("bench-baseline").drop();
            return new Result(writes, seconds, writes / seconds, Percentiles.of(latencies));
        }
    }
}
