package io.cityloop.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.cityloop.bench.city.Refusal;
import io.cityloop.bench.city.Report;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * 采集 under load: inspectors' reports arrive at the gateway at a constant rate (open model, so a slow system gets
 * a queue rather than fewer reports), each with its own Idempotency-Key. A 201 puts the case in the ledger with its
 * plan; anything else counts as refused, with its status and the problem+json body the gateway answered, so that
 * the summary can say why.
 */
public class ReportingSimulation extends Simulation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ReportingSimulation() {
        RunContext run = RunContext.get();
        HttpProtocolBuilder gateway = http.baseUrl(run.gatewayUrl())
                .acceptHeader("application/json, application/problem+json")
                .contentTypeHeader("application/json")
                .authorizationHeader("Bearer " + run.inspectorToken())
                .shareConnections();

        Iterator<Map<String, Object>> reports = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                Report report = run.traffic().next();
                Map<String, Object> record = new HashMap<>();
                record.put("report", report);
                record.put("key", report.idempotencyKey());
                record.put("body", JSON.writeValueAsString(report.body()));
                return record;
            }
        };

        ScenarioBuilder inspectors = scenario("inspectors report")
                .feed(reports)
                .exec(http("POST /api/cases").post("/api/cases")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody("#{body}"))
                        // status and body are saved before the 201 check, so a refusal keeps them
                        .check(responseTimeInMillis().saveAs("responseTime"), status().saveAs("httpStatus"),
                                bodyString().saveAs("responseBody"), status().is(201),
                                jsonPath("$.id").saveAs("caseId")))
                .exec(session -> {
                    Report report = session.get("report");
                    if (session.contains("responseTime")) {
                        long latency = session.getLong("responseTime");
                        run.ledger().answered(latency);
                        run.levels().answered(latency,
                                session.contains("caseId") && !session.isFailed());
                    }
                    if (session.contains("caseId") && !session.isFailed()) {
                        run.ledger().accepted(session.getString("caseId"), report.plan());
                    } else {
                        int status = session.contains("httpStatus") ? session.getInt("httpStatus") : 0;
                        String body = session.contains("responseBody") ? session.getString("responseBody") : null;
                        run.ledger().refused(Refusal.of(report, status, body));
                    }
                    return session;
                });

        // One constant rate per level, back to back: a step load's levels start at exactly known instants.
        List<OpenInjectionStep> levels = run.levels().rates().stream()
                .map(rate -> (OpenInjectionStep) constantUsersPerSec(rate).during(run.levels().levelLasting()))
                .toList();
        run.levels().started();
        setUp(inspectors.injectOpen(levels)).protocols(gateway);
    }
}
