package io.cityloop.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The inspector's field app (城管通) on a 390 × 844 phone in a real Chromium: a report with a photo and a dragged
 * pin, a report made without network, the on-site check (核查) that today cannot be finished without curl, and a
 * hotline report the filing desk sends to 核实 that the inspector confirms on site with a photo.
 */
@ExtendWith(BrowserCity.class)
class FieldAppBrowserIntegrationTest {

    private static final Pattern CASE_ID = Pattern.compile("CL\\d{14}");
    /** 人民路 in 秦都区, inside the unit grid. */
    private static final double LON = 108.7012;
    private static final double LAT = 34.3405;

    private final LoopDriver loop = new LoopDriver();

    @Test
    void anInspectorReportsExposedGarbageWithAPhotoAndADraggedPin() {
        try (AppPage phone = AppPage.open(AppPage.PHONE).at(LON, LAT, 12)) {
            phone.signIn("inspector");
            phone.awaitTest("report-form");
            assertThat(phone.awaitTest("gps-accuracy").getText()).contains("GPS 精度 ±12 米");
            awaitPlace(phone, "秦都区");

            WebElement pin = phone.await(".map-pin");
            phone.scrollTo(pin);
            new Actions(phone.chrome()).clickAndHold(pin).moveByOffset(60, -45).release().perform();
            phone.attachPhotos("report-photo", AppPage.photo("garbage-renmin-road", 1));
            phone.type("category-search", "暴露垃圾");
            phone.clickCss("button[data-code='02-01-01']");
            assertThat(phone.awaitTest("criterion").getText()).contains("立案标准");
            String description = "人民路东侧人行道暴露垃圾约2平方米 " + UUID.randomUUID().toString().substring(0, 8);
            phone.type("report-description", description);
            phone.type("report-address", "秦都区人民路88号东侧");
            awaitPlace(phone, "秦都区");
            phone.assertNoHorizontalScrolling();
            phone.assertChineseRendered("[data-test=report-send]");
            phone.assertChineseRendered(".topbar .title span");
            phone.screenshot("field-report");

            phone.click("report-send");
            String caseId = caseIdIn(phone.awaitMessage("已上报", Duration.ofSeconds(30)));

            JsonNode created = loop.caseFile(caseId);
            assertThat(created.path("description").asString()).isEqualTo(description);
            assertThat(created.path("categoryCode").asString()).isEqualTo("02-01-01");
            assertThat(created.path("districtName").asString()).isEqualTo("秦都区");
            double movedMetres = metres(LON, LAT, created.path("location").path("lon").asDouble(),
                    created.path("location").path("lat").asDouble());
            assertThat(movedMetres).as("the dragged pin, not the GPS fix, is the place").isBetween(20.0, 500.0);
            Response queue = loop.api().awaitGet("operator", "/api/cases/filing-queue?limit=200",
                    r -> r.body().toString().contains(caseId), Duration.ofSeconds(30));
            JsonNode queued = null;
            for (JsonNode c : queue.body()) {
                if (caseId.equals(c.path("id").asString())) {
                    queued = c;
                }
            }
            assertThat(queued).as("the report waits in the operator's filing queue").isNotNull();
            assertThat(queued.path("photos")).hasSize(1);
            assertThat(queued.path("photos").get(0).path("stage").asString()).isEqualTo("REPORT");

            phone.click("tab-mine");
            phone.await("[data-test=my-report][data-case='" + caseId + "']");
            phone.assertNoHorizontalScrolling();
            phone.screenshot("field-my-reports");
        }
    }

    @Test
    void aReportMadeWithoutNetworkWaitsOnThePhoneAndIsSentOnceWhenTheNetworkIsBack() {
        try (AppPage phone = AppPage.open(AppPage.PHONE).at(108.6952, 34.3331, 25)) {
            phone.signIn("inspector");
            phone.awaitTest("report-form");
            awaitPlace(phone, "秦都区");
            phone.awaitTest("category-type");

            phone.offline(true);
            String description = "渭阳西路桥下暴露垃圾堆积（离线上报）" + UUID.randomUUID().toString().substring(0, 8);
            phone.attachPhotos("report-photo", AppPage.photo("garbage-offline", 2));
            phone.type("category-search", "暴露垃圾");
            phone.clickCss("button[data-code='02-01-01']");
            phone.type("report-description", description);
            phone.click("report-send");
            phone.awaitMessage("已保存在手机上", Duration.ofSeconds(30));

            phone.click("tab-mine");
            WebElement waiting = phone.awaitTest("outbox-item");
            assertThat(waiting.findElement(By.cssSelector("[data-test=outbox-state]")).getText()).isEqualTo("待发送");
            assertThat(phone.awaitTest("outbox-badge").getText()).isEqualTo("1");
            phone.screenshot("field-offline-waiting");
            assertThat(casesDescribed(description)).as("nothing reached the server while offline").isEmpty();

            phone.chrome().navigate().refresh();
            assertThat(phone.awaitTest("outbox-item").getText()).as("the report survives closing the app")
                    .contains(description);

            phone.offline(false);
            new org.openqa.selenium.support.ui.WebDriverWait(phone.chrome(), Duration.ofSeconds(90))
                    .until(d -> d.findElements(By.cssSelector("[data-test=outbox-item]")).isEmpty());
            List<String> sent = casesDescribed(description);
            assertThat(sent).as("exactly one case, however often the phone tried").hasSize(1);
            phone.await("[data-test=my-report][data-case='" + sent.get(0) + "']");
            assertThat(loop.caseFile(sent.get(0)).path("photos")).hasSize(1);
            phone.assertNoHorizontalScrolling();
        }
    }

    @Test
    void theInspectorPassesTheOnSiteCheckWithASitePhotoAndTheCaseIsClosed() {
        String caseId = loop.caseWaitingForCheck("秦都区人民路口暴露垃圾，待核查", LON, LAT);
        try (AppPage phone = AppPage.open(AppPage.PHONE).at(LON, LAT, 8)) {
            phone.signIn("inspector");
            phone.click("tab-checks");
            phone.clickCss("[data-test=check-item][data-case='" + caseId + "']");
            phone.awaitTest("check-detail");
            assertThat(phone.awaitTest("time-left").getText()).containsPattern("(剩余|超期) [\\d.]+ 工作小时");
            phone.attachPhotos("site-photo", AppPage.photo("site-clean-" + caseId, 3));
            phone.awaitTest("check-pass");
            phone.assertNoHorizontalScrolling();
            phone.assertChineseRendered("[data-test=check-pass]");
            phone.screenshot("field-check");

            phone.click("check-pass");
            phone.awaitMessage("核查通过", Duration.ofSeconds(30));
            JsonNode closed = loop.awaitCase(caseId, "CLOSED");
            assertThat(closed.path("verification").path("result").asString()).isEqualTo("PASS");
            assertThat(closed.path("verification").path("photoIds")).hasSize(1);
        }
    }

    /**
     * 核实 before filing, from both sides: the operator sends a caller's report to be confirmed on site, the
     * inspector finds it among the reports to confirm, takes the photo and answers 属实, and the report is back in the
     * filing queue marked as confirmed. The desk is 1400 px wide, the width of a filing desk's screen.
     */
    @Test
    void aHotlineReportSentToBeConfirmedOnSiteIsConfirmedWithAPhotoAndComesBackToTheFilingQueue() {
        String caseId = loop.hotlineReport("来电反映：人民路88号门前垃圾堆积，气味很大 " + UUID.randomUUID().toString().substring(0, 6),
                LON, LAT);
        try (AppPage desk = AppPage.open(new Dimension(1400, 900))) {
            desk.signIn("operator");
            desk.clickCss("[data-test=queue-item][data-case='" + caseId + "']");
            desk.await("[data-test=filing-current][data-case='" + caseId + "']");
            desk.clickCss("[data-test=filing-current] [data-action=confirm]");
            desk.awaitMessage("已派核实", Duration.ofSeconds(20));
            String sentCss = "[data-test=confirming-item][data-case='" + caseId + "']";
            assertThat(desk.await(sentCss).getText()).contains("核实中").contains("核实人 inspector").contains("核实时限");
            desk.assertChineseRendered(sentCss + " .tag");
            desk.screenshot("desk-filing-confirming");
            JsonNode sent = loop.caseFile(caseId);
            assertThat(sent.path("status").asString()).isEqualTo("CONFIRMING");
            assertThat(sent.path("confirmation").path("assignee").asString()).isEqualTo("inspector");

            try (AppPage phone = AppPage.open(AppPage.PHONE).at(LON, LAT, 8)) {
                phone.signIn("inspector");
                phone.click("tab-confirm");
                WebElement item = phone.await("[data-test=confirm-item][data-case='" + caseId + "']");
                assertThat(item.getText()).contains("12345热线").contains("垃圾堆积")
                        .containsPattern("(剩余|已超时) [\\d.]+ 工作小时");
                phone.assertNoHorizontalScrolling();
                phone.assertChineseRendered("[data-test=confirm-item][data-case='" + caseId + "'] [data-test=confirm-source]");
                phone.screenshot("field-confirmations");

                item.click();
                phone.await("[data-test=confirm-detail][data-status=CONFIRMING] [data-test=map]");
                phone.click("confirm-yes");
                phone.awaitMessage("属实须先拍摄现场照片", Duration.ofSeconds(5));
                phone.attachPhotos("confirm-photo", AppPage.photo("confirm-" + caseId, 5));
                phone.type("confirm-note", "现场确有垃圾堆积约1平方米");
                phone.assertNoHorizontalScrolling();
                phone.assertChineseRendered("[data-test=confirm-yes]");
                phone.screenshot("field-confirmation");
                phone.click("confirm-yes");
                phone.awaitMessage("核实属实", Duration.ofSeconds(30));
            }
            JsonNode confirmed = loop.caseFile(caseId);
            assertThat(confirmed.path("status").asString()).isEqualTo("REPORTED");
            assertThat(confirmed.path("confirmation").path("result").asString()).isEqualTo("CONFIRMED");
            assertThat(confirmed.path("confirmation").path("photoIds")).hasSize(1);

            desk.chrome().navigate().refresh();
            String backCss = "[data-test=queue-item][data-case='" + caseId + "']";
            assertThat(desk.await(backCss + " [data-test=queue-confirmed]").getText()).isEqualTo("核实属实");
            desk.clickCss(backCss);
            WebElement answer = desk.await("[data-test=filing-current][data-case='" + caseId + "'] [data-test=confirmation][data-result=CONFIRMED]");
            assertThat(answer.getText()).contains("属实").contains("现场确有垃圾堆积约1平方米");
            assertThat(desk.all("[data-test=filing-current] [data-action=confirm]")).as("once per report").isEmpty();
            desk.screenshot("desk-filing-confirmed");

            desk.go("#/case/" + caseId);
            WebElement detail = desk.await("[data-test=case-detail][data-status=REPORTED]");
            desk.await("[data-test=case-detail] [data-step=confirmed]");
            assertThat(detail.getText()).contains("派核实").contains("核实属实").contains("核实人").contains("12345热线");
        }
    }

    @Test
    void aTokenTheGatewayNoLongerTakesAsksForThePasswordOverThePageAndTheReportGoesOn() {
        try (AppPage phone = AppPage.open(AppPage.PHONE).at(LON, LAT, 10)) {
            phone.signIn("inspector");
            phone.awaitTest("category-type");
            // The token the phone keeps was signed with a key the city has since rotated.
            phone.script("const s = JSON.parse(localStorage.getItem('cityloop.session'));"
                    + "const p = s.token.split('.'); s.token = p[0] + '.' + p[1] + '.c2lnbmVkLWVsc2V3aGVyZQ';"
                    + "localStorage.setItem('cityloop.session', JSON.stringify(s));");
            phone.chrome().navigate().refresh();
            phone.awaitTest("category-type");

            String description = "古渡街道路边暴露垃圾（登录过期后上报）" + UUID.randomUUID().toString().substring(0, 8);
            phone.attachPhotos("report-photo", AppPage.photo("garbage-expired-token", 4));
            phone.type("category-search", "暴露垃圾");
            phone.clickCss("button[data-code='02-01-01']");
            phone.type("report-description", description);
            phone.click("report-send");

            WebElement dialog = phone.await(".dialog-backdrop [data-test=login-form]");
            assertThat(dialog.getText()).contains("登录已过期");
            phone.screenshot("field-sign-in-again");
            dialog.findElement(By.cssSelector("input[name=password]")).sendKeys("cityloop");
            dialog.findElement(By.cssSelector("[data-test=login-submit]")).click();
            String caseId = caseIdIn(phone.awaitMessage("已上报", Duration.ofSeconds(30)));
            assertThat(loop.caseFile(caseId).path("description").asString()).isEqualTo(description);
            assertThat(casesDescribed(description)).containsExactly(caseId);

            phone.click("sign-out");
            phone.awaitTest("login-form");
            assertThat(phone.script("return localStorage.getItem('cityloop.session')")).isNull();
        }
    }

    private List<String> casesDescribed(String description) {
        List<String> ids = new ArrayList<>();
        Response all = loop.api().get("operator", "/api/cases?size=200");
        assertThat(all.status()).isEqualTo(200);
        for (JsonNode c : all.body()) {
            if (description.equals(c.path("description").asString())) {
                ids.add(c.path("id").asString());
            }
        }
        return ids;
    }

    private static void awaitPlace(AppPage phone, String district) {
        new org.openqa.selenium.support.ui.WebDriverWait(phone.chrome(), Duration.ofSeconds(30)).until(d ->
                d.findElement(By.cssSelector("[data-test=resolved-place]")).getText().contains(district));
    }

    private static String caseIdIn(String message) {
        Matcher m = CASE_ID.matcher(message);
        assertThat(m.find()).as("a case number in '%s'", message).isTrue();
        return m.group();
    }

    private static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return 6_371_000 * Math.sqrt(dLat * dLat + dLon * dLon);
    }
}
