package io.cityloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityloop.bench.city.CityTraffic;
import io.cityloop.bench.city.Report;
import io.cityloop.reference.CityReference;

class CityTrafficTest {

    private static final CityReference CITY = CityReference.load();

    @Test
    void theSameSeedGivesTheSameCity() {
        List<Report> first = new CityTraffic(CITY, 42).take(200);
        List<Report> second = new CityTraffic(CITY, 42).take(200);
        assertThat(first).isEqualTo(second);
        assertThat(new CityTraffic(CITY, 43).take(200)).isNotEqualTo(first);
    }

    @Test
    void reportsComeFromAllThirteenDistrictsAndLieInsideTheirGrid() {
        Set<String> districts = new HashSet<>();
        for (Report report : new CityTraffic(CITY, 7).take(2000)) {
            districts.add(report.districtCode());
            assertThat(CITY.grid().locate(report.lon(), report.lat()))
                    .as(report.toString()).hasValueSatisfying(g -> assertThat(g.districtCode()).isEqualTo(report.districtCode()));
            assertThat(CITY.catalog().find(report.categoryCode())).isPresent();
        }
        assertThat(districts).hasSize(13);
    }

    @Test
    void eventsDominateAndThePlannedSharesAreRoughlyKept() {
        List<Report> reports = new CityTraffic(CITY, 11).take(5000);
        long events = reports.stream().filter(r -> r.categoryCode().startsWith("02-")).count();
        long rejected = reports.stream().filter(r -> r.plan().rejected()).count();
        long late = reports.stream().filter(r -> r.plan().late()).count();
        long failing = reports.stream().filter(r -> r.plan().failsFirstVerification()).count();
        assertThat(events).isGreaterThan(reports.size() * 7 / 10);
        assertThat(rejected).isBetween(350L, 650L);
        assertThat(late).isBetween(550L, 950L);
        assertThat(failing).isBetween(350L, 650L);
        assertThat(reports).extracting(Report::idempotencyKey).doesNotHaveDuplicates();
    }
}
