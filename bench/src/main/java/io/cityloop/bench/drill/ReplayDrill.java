package io.cityloop.bench.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.cityloop.bench.measure.ConsumeOnlyFloor;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.infra.ConsumerGroups;
import io.cityloop.launcher.CityLoopService;
import io.cityloop.launcher.CityLoopSystem;
import io.cityloop.launcher.GatewayClient;
import tools.jackson.databind.JsonNode;

/**
 * Replay (重放): stop assessment, drop its database, delete its consumer group so it starts again from offset 0,
 * start it, and require the very same scorecards as before — the projection is a pure function of the topic.
 */
public final class ReplayDrill {

    public static Verdict run(CityLoopSystem system, GatewayClient client, Map<String, JsonNode> before,
                              Duration timeout) {
        List<String> findings = new ArrayList<>();
        // The floor first, while assessment is still running and idle: a bare consumer reading the same records.
        ConsumeOnlyFloor.Result floor = ConsumeOnlyFloor.measure(system.bootstrapServers(),
                CaseEventTopics.CASE_EVENTS);
        long restarted;
        long resetStarted = System.nanoTime();
        try {
            system.stop(CityLoopService.ASSESSMENT);
            try (MongoClient mongo = MongoClients.create(system.mongoUri(CityLoopService.ASSESSMENT.database()))) {
                mongo.getDatabase(CityLoopService.ASSESSMENT.database()).drop();
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    system.bootstrapServers()))) {
                admin.deleteConsumerGroups(List.of("assessment")).all().get(30, TimeUnit.SECONDS);
            }
            system.restart(CityLoopService.ASSESSMENT, Duration.ofMinutes(3));
            restarted = System.nanoTime();
        } catch (Exception e) {
            return new Verdict("replay assessment from offset 0", false, 0, 0, 0,
                    List.of("could not reset assessment: " + e));
        }
        String rebuild;
        try {
            ConsumerGroups.awaitCaughtUp(system.bootstrapServers(), "assessment", timeout);
            double seconds = (System.nanoTime() - restarted) / 1e9;
            double perSecond = floor.events() / seconds;
            rebuild = String.format(Locale.ROOT, "rebuilt from %,d events in %.1f s after assessment was up "
                            + "(%.1f s with its stop, reset and start): %,.0f events/s; a bare consumer read the same "
                            + "records at %,.0f events/s (%.1f s): %.1f %% of that floor",
                    floor.events(), seconds, (System.nanoTime() - resetStarted) / 1e9, perSecond,
                    floor.eventsPerSecond(), floor.seconds(),
                    floor.eventsPerSecond() == 0 ? 0 : 100 * perSecond / floor.eventsPerSecond());
        } catch (AssertionError stillBehind) {
            rebuild = "assessment did not read the topic within " + timeout + ": " + stillBehind.getMessage();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> differences = differences(client, before);
        while (!differences.isEmpty() && System.nanoTime() < deadline) {
            LedgerCheck.pause(Duration.ofSeconds(2));
            differences = differences(client, before);
        }
        findings.addAll(differences);
        findings.add(0, "compared " + before.size() + " scorecards (month × axis) before and after the rebuild; "
                + rebuild);
        return new Verdict("replay assessment from offset 0", differences.isEmpty(), 0, 0, 0, findings);
    }

    private static List<String> differences(GatewayClient client, Map<String, JsonNode> before) {
        List<String> differences = new ArrayList<>();
        before.forEach((path, card) -> {
            try {
                JsonNode now = client.get("supervisor", "/api/scorecards/" + path).body();
                if (!card.path("rows").equals(now.path("rows"))) {
                    differences.add(path + " differs after replay");
                }
            } catch (RuntimeException e) {
                differences.add(path + " unreadable after replay: " + e.getMessage());
            }
        });
        return differences;
    }
}
