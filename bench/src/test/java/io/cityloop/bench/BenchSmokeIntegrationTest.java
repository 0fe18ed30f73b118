package io.cityloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.cityloop.bench.drill.BadInputDrill;
import io.cityloop.bench.drill.Verdict;

/**
 * The smoke scale of the bench in {@code ./mvnw verify}: the real system, a minute of Gatling load with every
 * backend service killed once, the replay and the bad-input drills. It asserts that it works and that nothing is
 * lost or duplicated, never how fast.
 */
class BenchSmokeIntegrationTest {

    @Test
    void theSmokeRunLosesNothingAndEveryDrillThatRanPasses() throws Exception {
        BenchSettings settings = BenchSettings.forScale("smoke");
        Path home = Path.of(System.getProperty("cityloop.home", "..")).toAbsolutePath().normalize();

        BenchRun.Summary summary = new BenchRun(settings, home, System.out).run();
        System.out.println(summary.table());

        assertThat(summary.verdicts()).filteredOn(Verdict::run).extracting(Verdict::drill).hasSize(4)
                .contains("every query served by an index");
        for (Verdict verdict : summary.verdicts()) {
            if (!verdict.run()) {
                continue;
            }
            assertThat(verdict.casesLost()).isZero();
            assertThat(verdict.duplicates()).isZero();
            if (verdict.drill().startsWith("bad input")) {
                // No 5xx, no acceptance, no internals, no state change. Refusals that are not problem+json (the
                // gateway's own 400 for encoded slashes) are reported in the bench's findings for the gateway's owner.
                assertThat(verdict.findings().subList(1, verdict.findings().size()))
                        .allMatch(finding -> finding.contains(BadInputDrill.FORMAT));
            } else {
                assertThat(verdict.passed()).as(verdict.drill() + ": " + verdict.findings()).isTrue();
            }
        }
        assertThat((Integer) summary.figures().get("reportsAccepted")).isPositive();
        assertThat(settings.output().resolve("summary.json")).exists();
        assertThat(Files.readString(settings.output().resolve("report.md"))).contains("| drill | verdict |");
    }
}
