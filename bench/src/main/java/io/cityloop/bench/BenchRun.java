package io.cityloop.bench;

import java.time.Clock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cityloop.bench.city.BusinessClock;
import io.cityloop.bench.city.CaseLedger;
import io.cityloop.bench.city.CasePlan;
import io.cityloop.bench.city.CityActors;
import io.cityloop.bench.city.CityTraffic;
import io.cityloop.bench.city.Report;
import io.cityloop.bench.drill.BadInputDrill;
import io.cityloop.bench.drill.BrokerRestartDrill;
import io.cityloop.bench.drill.FloodDrill;
import io.cityloop.bench.drill.MongoOutageDrill;
import io.cityloop.bench.drill.KillDrill;
import io.cityloop.bench.drill.LedgerCheck;
import io.cityloop.bench.drill.ReplayDrill;
import io.cityloop.bench.drill.Verdict;
import io.cityloop.bench.load.ReportingSimulation;
import io.cityloop.bench.load.RunContext;
import io.cityloop.bench.measure.GatlingStats;
import io.cityloop.bench.measure.KafkaHopBaseline;
import io.cityloop.bench.measure.LoadLevels;
import io.cityloop.bench.measure.MongoWriteBaseline;
import io.cityloop.bench.measure.QueryCostSampler;
import io.cityloop.bench.measure.StoreGrowthSampler;
import io.cityloop.bench.measure.SystemSampler;
import io.cityloop.bench.measure.TopicAudit;
import io.cityloop.events.CaseEventTopics;
import io.cityloop.infra.FreePorts;
import io.cityloop.infra.QueryGuard;
import io.cityloop.launcher.CityLoopService;
import io.cityloop.launcher.CityLoopSystem;
import io.cityloop.launcher.GatewayClient;
import io.cityloop.launcher.JvmProfile;
import io.cityloop.launcher.LauncherOptions;
import io.cityloop.reference.CityReference;
import io.gatling.app.Gatling$;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One bench run from start to verdicts; see {@link Bench}. */
public final class BenchRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BenchSettings settings;
    private final Path home;
    private final PrintStream out;
    private Path dataDirectory;

    public BenchRun(BenchSettings settings, Path home, PrintStream out) {
        this.settings = settings;
        this.home = home;
        this.out = out;
    }

    public record Summary(Map<String, Object> figures, List<Verdict> verdicts) {

        public boolean allDrillsPassed() {
            return verdicts.stream().filter(Verdict::run).allMatch(Verdict::passed);
        }

        public String table() {
            return SummaryTable.render(this);
        }
    }

    public Summary run() throws Exception {
        try {
            return runOnce();
        } finally {
            deleteDataDirectory();
        }
    }

    /** The Kafka log of a run is on disk even with MongoDB in memory; a run leaves nothing behind in /tmp. */
    private void deleteDataDirectory() throws IOException {
        if (dataDirectory == null || !Files.isDirectory(dataDirectory)) {
            return;
        }
        Path logs = dataDirectory.resolve("logs");
        if (Files.isDirectory(logs)) {
            // the services' and the broker's logs outlive the run, for the drills' findings
            Path kept = settings.output().resolve("logs");
            Files.createDirectories(kept);
            try (java.util.stream.Stream<Path> logFiles = Files.list(logs)) {
                for (Path log : logFiles.toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private Summary runOnce() throws Exception {
        Files.createDirectories(settings.output());
        CityReference city = CityReference.load();
        try (CityLoopSystem system = start()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            List<Verdict> verdicts = new ArrayList<>();
            figures.put("scale", settings.scale());
            figures.put("settings", settings.toString());
            figures.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                    + System.getProperty("java.version"));
            BusinessClock clock = new BusinessClock(settings.simulateFrom(), system.simulationAnchor(),
                    settings.simulateSpeed());
            AtomicReference<GatewayClient> client = new AtomicReference<>(warmClient(system, city));
            CaseLedger ledger = new CaseLedger();
            CityTraffic traffic = new CityTraffic(city, settings.seed(), knownCategories(client.get()));

            out.println("bench: bad-input drill …");
            verdicts.add(badInput(system, client.get(), ledger, traffic));

            out.println("bench: baseline (Kafka hops, MongoDB writes) …");
            figures.put("baselineKafka", KafkaHopBaseline.run(system.bootstrapServers(), settings.baselineEvents(),
                    settings.baselinePacedEvents(), settings.baselineHops()));
            figures.put("baselineMongo", MongoWriteBaseline.run(system.mongoUri("bench"), settings.mongoWrites()));

            Map<String, Integer> metricPorts = new LinkedHashMap<>();
            for (CityLoopService service : CityLoopService.values()) {
                metricPorts.put(service.module(), system.options().port(service));
            }
            try (SystemSampler sampler = new SystemSampler(system.bootstrapServers(), CaseEventTopics.CASE_EVENTS,
                    () -> pids(system), metricPorts);
                 CityActors actors = new CityActors(client::get, ledger, clock, settings.maxHandlingDelay())) {
                sampler.start();
                actors.start();
                KillDrill kill = new KillDrill(system, settings.load(), ledger::size);
                Thread killer = new Thread(kill, "kill-drill");
                if (settings.killDrill()) {
                    killer.start();
                }
                BrokerRestartDrill broker = new BrokerRestartDrill(system, settings.load().dividedBy(5),
                        Duration.ofSeconds(5), ledger::size);
                Thread brokerThread = new Thread(broker, "broker-drill");
                if (settings.brokerDrill()) {
                    brokerThread.start();
                }
                MongoOutageDrill mongo = new MongoOutageDrill(system, client::get, settings.load().dividedBy(2),
                        settings.mongoOutage(), ledger::size, () -> ledger.caseIds().get(0),
                        java.time.YearMonth.from(settings.simulateFrom().atZone(java.time.ZoneId.of("Asia/Shanghai")))
                                .toString());
                Thread mongoThread = new Thread(mongo, "mongo-drill");
                if (settings.mongoDrill()) {
                    mongoThread.start();
                }
                FloodDrill flood = new FloodDrill(system.gatewayUrl(), client::get, ledger,
                        settings.load().dividedBy(10), settings.load().multipliedBy(8).dividedBy(10),
                        settings.floodFactor(), settings.floodCallers(), settings.floodBurst());
                Thread floodThread = new Thread(flood, "flood-drill");
                if (settings.floodDrill()) {
                    floodThread.start();
                }
                LoadLevels levels = settings.levels();
                out.println("bench: load " + levels.rates() + " reports/s, each for " + levels.levelLasting()
                        + (settings.killDrill() ? ", killing each backend service once" : "") + " …");
                Instant loadStart = Clock.systemUTC().instant();
                QueryCostSampler queryCost = QueryCostSampler.start(system.queryGuard(), settings.load());
                StoreGrowthSampler storeGrowth = StoreGrowthSampler.start(dataDirectory.resolve("kafka"),
                        dataDirectory.resolve("mongo"), ledger::size, settings.load());
                RunContext.set(new RunContext(system.gatewayUrl(), client.get().token("inspector"), traffic, ledger,
                        settings.reportsPerSecond(), settings.load().toSeconds(), levels));
                int gatling = Gatling$.MODULE$.fromArgs(new String[] {"-s", ReportingSimulation.class.getName(),
                        "-rf", settings.gatlingResults().toString(), "-rd", "CityLoop " + settings.scale()});
                figures.put("gatlingExitCode", gatling);
                List<Map<String, Object>> levelFigures = levels.summary(sampler::totalLagAt);
                figures.put("levels", levelFigures);
                List<Map<String, Object>> tenths = levels.tenths();
                figures.put("tenths", tenths);
                figures.put("flatness", LoadLevels.flatness(tenths));
                figures.put("queryCost", queryCost.stop());
                figures.put("storeGrowth", storeGrowth.stop());
                if (levels.isStepLoad()) {
                    figures.put("sustainedReportsPerSecond", LoadLevels.capacity(levelFigures));
                    figures.put("overload", LoadLevels.overloadHeld(levelFigures));
                }
                killer.join();
                brokerThread.join();
                mongoThread.join();
                floodThread.join();
                out.println("bench: load done in " + Duration.between(loadStart, Clock.systemUTC().instant()).toSeconds()
                        + " s; draining (up to " + settings.drain() + ") …");
                client.set(warmClient(system, city));
                // The load's own figures, before the retries below add cases to the ledger.
                Map<String, Object> submissions = ledger.submissionStats();
                figures.put("refusedRetried", retryRefused(client.get(), ledger));
                LedgerCheck.Outcome outcome = LedgerCheck.check(client.get(), ledger, settings.drain(),
                        () -> assessmentCaughtUp(system, settings.drain(), figures));
                figures.put("drainedAfterSeconds", Duration.between(loadStart, Clock.systemUTC().instant()).toSeconds());
                figures.put("system", sampler.summary());
                figures.put("storeAfterDrain", storeGrowth.now());
                figures.put("heaps", sampler.heaps());
                figures.put("actors", actors.outcomes());
                submissions.put("gatlingReport", GatlingStats.latestReport(settings.gatlingResults()));
                figures.put("submissions", submissions);
                figures.put("reportsAccepted", ledger.size());
                figures.put("reportsRefused", ledger.refusedCount());
                figures.put("finalStatuses", outcome.finalStatuses());

                TopicAudit.Result audit = TopicAudit.read(system.bootstrapServers(), CaseEventTopics.CASE_EVENTS);
                figures.put("events", audit);
                figures.put("kills", kill.kills());
                long duplicates = audit.duplicateCases() + ledger.sameKeyDifferentCase();
                List<String> findings = new ArrayList<>();
                findings.addAll(outcome.lost());
                findings.addAll(outcome.mismatches());
                kill.kills().stream().filter(k -> k.error() != null)
                        .forEach(k -> findings.add(k.service() + " did not come back: " + k.error()));
                if (duplicates > 0) {
                    findings.add(duplicates + " reports became more than one case");
                }
                // The embedded MongoDB's declared indexes must still match their documents after the kills and
                // outages: a stale entry would be trusted by a later read.
                List<String> indexDifferences = system.indexInconsistencies();
                figures.put("indexInconsistencies", indexDifferences);
                indexDifferences.forEach(difference -> findings.add("index not exact: " + difference));
                Long stale = actors.outcomes().get("re-dispatched case still shows the returned task");
                if (stale != null && stale > 0) {
                    findings.add(stale + " re-dispatched cases still named their returned task when verified");
                }
                List<String> endChecks = List.copyOf(findings);
                long inFlight = kill.kills().stream().mapToLong(KillDrill.Kill::casesInFlight).max().orElse(0);
                boolean killPassed = findings.isEmpty() && (!settings.killDrill() || kill.kills().size() == 4);
                findings.add(0, ledger.size() + " cases with a 201 checked; " + outcome.mismatches().size()
                        + " scorecard mismatches; " + audit.republishedEvents() + " events re-published (same id); "
                        + "the embedded MongoDB's secondary indexes " + (indexDifferences.isEmpty() ? "exact"
                        : "NOT exact (" + indexDifferences.size() + " differences)"));
                verdicts.add(new Verdict(settings.killDrill() ? "kill -9 each backend service under load"
                        : "load run without kills", killPassed, inFlight, outcome.lost().size(), duplicates, findings));

                if (settings.brokerDrill()) {
                    BrokerRestartDrill.Restart restart = broker.restart();
                    List<String> brokerFindings = new ArrayList<>();
                    brokerFindings.add("broker pid " + restart.pid() + " killed -9 at " + settings.load().dividedBy(5)
                            + " into the load, started again after " + restart.downMillis() + " ms (start took "
                            + restart.startMillis() + " ms); " + ledger.size() + " cases with a 201 checked");
                    if (restart.error() != null) {
                        brokerFindings.add("the broker did not come back: " + restart.error());
                    }
                    brokerFindings.addAll(endChecks);
                    figures.put("brokerRestart", restart);
                    verdicts.add(new Verdict("Kafka broker restart mid-run (kill -9 of its own process)",
                            brokerFindings.size() == 1, restart.casesInFlight(), outcome.lost().size(), duplicates,
                            brokerFindings));
                }
                if (settings.mongoDrill()) {
                    List<String> mongoFindings = new ArrayList<>(mongo.findings());
                    mongoFindings.set(0, mongoFindings.get(0) + "; refused submissions retried after the load with "
                            + "the same Idempotency-Key, answers " + figures.get("refusedRetried"));
                    mongoFindings.addAll(endChecks);
                    figures.put("mongoOutageProbes", mongo.probes());
                    verdicts.add(new Verdict("MongoDB unavailable for " + settings.mongoOutage().toSeconds() + " s",
                            mongoFindings.size() == 1, mongo.casesInFlight(), outcome.lost().size(), duplicates,
                            mongoFindings));
                }

                if (settings.floodDrill()) {
                    figures.put("flood", flood.figures());
                    verdicts.add(flood.verdict());
                }

                verdicts.add(queryGuardVerdict(system.queryGuard()));
                if (levels.isStepLoad() && figures.get("overload") != null) {
                    String held = (String) figures.get("overload");
                    verdicts.add(new Verdict("past capacity the loop keeps accepting at its capacity",
                            held.startsWith("held"), 0, 0, 0, List.of(held, "staff actions refused with 503 during "
                            + "the run: " + staffRefusals(actors.outcomes()))));
                }
                if ("year".equals(settings.scale())) {
                    String flat = (String) figures.get("flatness");
                    verdicts.add(new Verdict("a year at a flat rate", LoadLevels.isFlat(flat), 0, 0, 0,
                            List.of(flat)));
                }

                out.println("bench: replay drill …");
                // A month's or a year's topic takes longer to read back than the smoke run's.
                Duration rebuild = settings.drain().compareTo(Duration.ofMinutes(3)) > 0 ? settings.drain()
                        : Duration.ofMinutes(3);
                verdicts.add(ReplayDrill.run(system, client.get(), scorecardPaths(outcome.scorecards()), rebuild));
            }
            if (!settings.brokerDrill()) {
                verdicts.add(Verdict.notRun("Kafka broker restart mid-run", "off; -Dbench.broker-drill=true runs it"));
            }
            if (!settings.mongoDrill()) {
                verdicts.add(Verdict.notRun("MongoDB unavailable for 30 s", "off; -Dbench.mongo-drill=true runs it"));
            }
            if (!settings.floodDrill()) {
                verdicts.add(Verdict.notRun("anonymous flood while inspectors report",
                        "off; -Dbench.flood-drill=true runs it"));
            }
            Summary summary = new Summary(figures, verdicts);
            write(summary);
            return summary;
        }
    }

    /**
     * Every query of the run served by an index: the guard (mode {@code log}) counted each query that scanned or
     * examined more than 10 × what it returned + 100, by collection, filter shape and sort.
     */
    private Verdict queryGuardVerdict(QueryGuard guard) {
        Map<String, Long> breaches = guard.breaches();
        List<String> findings = new ArrayList<>();
        QueryGuard.Cost cost = guard.cost();
        findings.add(String.format(java.util.Locale.ROOT, "%,d queries on the embedded MongoDB examined %,d "
                        + "documents and returned %,d (%.1f examined per query); guard mode %s",
                cost.queries(), cost.examined(), cost.returned(), cost.examinedPerQuery(), guard.modeFor("any")));
        breaches.forEach((shape, count) -> findings.add(count + " × " + shape + " (see the WARN lines of "
                + "io.cityloop.infra.QueryGuard in the bench's output for the index it lacked)"));
        boolean guarded = guard.modeFor("any") != QueryGuard.Mode.OFF;
        return guarded ? new Verdict("every query served by an index", breaches.isEmpty(), 0, 0, 0, findings)
                : Verdict.notRun("every query served by an index", "off; -Dbench.query-guard=log runs it");
    }

    /** The 503s the simulated staff got on their own work (everything but new reports), by action. */
    static Map<String, Long> staffRefusals(Map<String, Long> outcomes) {
        Map<String, Long> refused = new java.util.TreeMap<>();
        outcomes.forEach((action, count) -> {
            if (action.contains(" 503")) {
                refused.put(action, count);
            }
        });
        return refused;
    }

    private CityLoopSystem start() throws IOException {
        int[] ports = FreePorts.next(8);
        Map<CityLoopService, Integer> servicePorts = new EnumMap<>(CityLoopService.class);
        CityLoopService[] services = CityLoopService.values();
        for (int i = 0; i < services.length; i++) {
            servicePorts.put(services[i], ports[i]);
        }
        Path data = Files.createTempDirectory("cityloop-bench");
        dataDirectory = data;
        // The MongoDB drill closes and reopens the server: only an H2 file keeps the data across that. The year keeps
        // one too, as the launcher does by default, so that its disk per case is measured.
        String onFile = System.getProperty("bench.mongo-file", "").trim();
        boolean mongoOnFile = settings.mongoDrill()
                || (onFile.isEmpty() ? "year".equals(settings.scale()) : Boolean.parseBoolean(onFile));
        LauncherOptions options = new LauncherOptions(home, data, !mongoOnFile, false, ports[5], ports[6], ports[7],
                servicePorts, new LauncherOptions.Simulation(settings.simulateFrom(), settings.simulateSpeed()))
                .withJvmProfile(JvmProfile.named(settings.jvmProfile()));
        if (settings.jfr() != null) {
            // One recording per service (and the bench's own), to find where the time goes under load.
            Files.createDirectories(settings.jfr());
            System.setProperty(CityLoopSystem.EXTRA_JVM_OPTIONS, "-XX:StartFlightRecording=filename="
                    + settings.jfr().resolve("{service}.jfr") + ",settings=profile,dumponexit=true");
        }
        // The embedded MongoDB lives in this JVM and reads its guard's mode when it starts.
        System.setProperty(QueryGuard.PROPERTY, settings.queryGuard());
        out.println("bench: starting the system (data " + data + ", services' JVMs " + settings.jvmProfile()
                + ": " + options.jvmProfile().options() + ", query guard " + settings.queryGuard() + ") …");
        CityLoopSystem system = CityLoopSystem.start(options, null, Duration.ofMinutes(5), settings.brokerDrill());
        // Ctrl-C or SIGTERM of the bench must not leave five service processes behind.
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "bench-shutdown"));
        return system;
    }

    /**
     * What an inspector's app does with a refused submission: sends it again with the same Idempotency-Key. A 503
     * from the gateway's timeout (an overloaded service, a database answering late) may hide a case that was
     * created after all; the retry returns that case ("200 known" never: the ledger did not have it), so the
     * ledger knows every case that exists before the end checks compare it with the scorecards.
     */
    private static Map<String, Long> retryRefused(GatewayClient client, CaseLedger ledger) {
        Map<String, Long> answers = new java.util.TreeMap<>();
        for (Report report : ledger.refusedReports()) {
            String status;
            try {
                GatewayClient.Response answer = client.post("inspector", "/api/cases", report.body(),
                        Map.of("Idempotency-Key", report.idempotencyKey()));
                status = Integer.toString(answer.status());
                String id = answer.path("id").asString();
                if ((answer.status() == 200 || answer.status() == 201) && id != null && !id.isBlank()) {
                    status += ledger.knows(id) ? " known" : "";
                    ledger.accepted(id, report.plan());
                }
            } catch (RuntimeException e) {
                status = "no answer";
            }
            answers.merge(status, 1L, Long::sum);
        }
        return answers;
    }

    /**
     * The month's scorecards are compared once assessment has read the whole topic; how long that took after the
     * cases were final is a figure of its own (its consumer is the slowest of the loop on this machine).
     */
    private static void assessmentCaughtUp(CityLoopSystem system, Duration bound, Map<String, Object> figures) {
        long start = System.nanoTime();
        try {
            io.cityloop.infra.ConsumerGroups.awaitCaughtUp(system.bootstrapServers(), "assessment", bound);
            figures.put("assessmentCaughtUpAfterSeconds", (System.nanoTime() - start) / 1_000_000_000L);
        } catch (AssertionError stillBehind) {
            figures.put("assessmentCaughtUpAfterSeconds", "not within " + bound + ": " + stillBehind.getMessage());
        }
    }

    /** A client whose tokens are fetched up front, so that the actors' threads only read them. */
    private static GatewayClient warmClient(CityLoopSystem system, CityReference city) {
        GatewayClient client = new GatewayClient(system.gatewayUrl());
        for (String user : List.of("inspector", "operator", "dispatcher", "supervisor")) {
            client.token(user);
        }
        city.units().forEach(unit -> client.token(unit.id()));
        return client;
    }

    private Verdict badInput(CityLoopSystem system, GatewayClient client, CaseLedger ledger, CityTraffic traffic) {
        Report report = traffic.next();
        GatewayClient.Response created = client.post("inspector", "/api/cases", report.body(),
                Map.of("Idempotency-Key", report.idempotencyKey()));
        String caseId = created.path("id").asString();
        ledger.accepted(caseId, new CasePlan(report.plan().sequence(), false, false, 0.2));
        client.post("operator", "/api/cases/" + caseId + "/filing", Map.of("decision", "FILE", "note", "符合立案标准"));
        JsonNode task = client.awaitGet("dispatcher", "/api/tasks?status=DISPATCHED",
                r -> r.body().toString().contains(caseId), Duration.ofSeconds(60)).body();
        String taskId = null;
        String unit = null;
        for (JsonNode t : task) {
            if (caseId.equals(t.path("caseId").asString())) {
                taskId = t.path("taskId").asString();
                unit = t.path("unitId").asString();
            }
        }
        Map<String, Integer> backends = new LinkedHashMap<>();
        for (CityLoopService service : CityLoopService.values()) {
            if (service != CityLoopService.GATEWAY) {
                backends.put(service.module(), system.options().port(service));
            }
        }
        // The hourly limit's reports become cases: the operator rejects them (不予立案), as the ledger plans.
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong(-1_000_000);
        return new BadInputDrill(system.gatewayUrl(), client, backends,
                id -> ledger.accepted(id, new CasePlan(sequence.decrementAndGet(), true, false, 0.2)))
                .run(caseId, taskId, unit, () -> topicSize(system.bootstrapServers()));
    }

    /**
     * The category codes the running case-intake accepts (its current catalog), so that the traffic stays valid
     * while the catalog evolves; an empty set means all of the reference data.
     */
    private static java.util.Set<String> knownCategories(GatewayClient client) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        try {
            GatewayClient.Response tree = client.get("operator", "/api/reference/categories");
            for (String code : tree.body().findValuesAsString("code")) {
                if (code.matches("\\d{2}-\\d{2}-\\d{2}")) {
                    codes.add(code);
                }
            }
        } catch (RuntimeException e) {
            // fall back to the reference data
        }
        return codes;
    }

    static long topicSize(String bootstrap) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(CaseEventTopics.CASE_EVENTS)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static Map<String, Long> pids(CityLoopSystem system) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("bench+kafka+mongo", ProcessHandle.current().pid());
        system.brokerPid().ifPresent(pid -> pids.put("kafka-broker", pid));
        for (CityLoopService service : CityLoopService.values()) {
            try {
                if (system.isAlive(service)) {
                    pids.put(service.module(), system.pid(service));
                }
            } catch (RuntimeException e) {
                // being restarted by a drill
            }
        }
        return pids;
    }

    private static Map<String, JsonNode> scorecardPaths(Map<String, JsonNode> cards) {
        Map<String, JsonNode> paths = new LinkedHashMap<>();
        cards.forEach((key, card) -> paths.put(key, card));
        return paths;
    }

    private void write(Summary summary) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>(summary.figures());
        json.put("ratios", SummaryTable.ratios(summary));
        json.put("drills", summary.verdicts());
        Files.writeString(settings.output().resolve("summary.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        Files.writeString(settings.output().resolve("report.md"), SummaryTable.markdown(summary));
    }
}
