package io.cityloop.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.cityloop.launcher.GatewayClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The desks in a real Chromium: the operator's filing desk (a probable duplicate merged side by side, a report
 * filed from the keyboard, a caller's report from the hotline form), the dispatcher's desk (a returned task sent to
 * the unit chosen, an extension approved that the unit's inbox then shows), and the supervision center (all 34
 * handling units and 13 districts with score and grade, drill-down from a unit's rework to its case, the city map,
 * the month frozen, the XLSX opened and read), and a unit that sees only its own row.
 */
@ExtendWith(BrowserCity.class)
class DesksBrowserIntegrationTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final LoopDriver loop = new LoopDriver();

    @Test
    void anOperatorMergesAProbableDuplicateFilesAnotherFromTheKeyboardAndEntersAHotlineReport() {
        String master = report("02-05-05", "渭城区文林路人行道露天烧烤油烟扰民", 108.7520, 34.3560);
        String duplicate = report("02-05-05", "文林路路边烧烤，烟很大", 108.7522, 34.3561);
        String other = report("02-01-01", "渭城区中山街暴露垃圾约1平方米" + UUID.randomUUID().toString().substring(0, 6), 108.7410, 34.3380);
        loop.api().awaitGet("operator", "/api/cases/" + duplicate,
                r -> r.body().path("probableDuplicates").toString().contains(master), Duration.ofSeconds(30));

        try (AppPage desk = AppPage.open(AppPage.DESK)) {
            desk.signIn("operator");
            desk.awaitTest("filing-desk");
            desk.clickCss("[data-test=queue-item][data-case='" + duplicate + "']");
            desk.await("[data-test=filing-current][data-case='" + duplicate + "']");
            WebElement side = desk.await("[data-test=duplicate][data-case='" + master + "']");
            assertThat(side.getText()).contains("相距").contains("米");
            desk.assertChineseRendered("[data-test=duplicates] h3");
            desk.screenshot("desk-filing-duplicates");
            side.findElement(By.cssSelector("[data-action=merge]")).click();
            desk.awaitMessage("已合并", Duration.ofSeconds(20));
            assertThat(loop.caseFile(duplicate).path("status").asString()).isEqualTo("MERGED");
            assertThat(loop.caseFile(duplicate).path("masterCaseId").asString()).isEqualTo(master);

            desk.clickCss("[data-test=queue-item][data-case='" + other + "']");
            desk.await("[data-test=filing-current][data-case='" + other + "']");
            desk.type("filing-note", "符合立案标准");
            desk.chrome().findElement(By.tagName("body")).click();
            new Actions(desk.chrome()).sendKeys("f").perform();
            desk.awaitMessage("已立案", Duration.ofSeconds(20));
            assertThat(loop.caseFile(other).path("status").asString()).isEqualTo("FILED");
            loop.awaitParked(other);

            desk.click("nav-hotline");
            desk.awaitTest("hotline-form");
            desk.type("caller-name", "王秀兰");
            desk.type("caller-phone", "13891001234");
            desk.type("category-search", "暴露垃圾");
            desk.clickCss("button[data-code='02-01-01']");
            desk.type("hotline-description", "来电反映：渭阳西路小区门口垃圾堆积三天无人清运");
            desk.type("hotline-address", "秦都区渭阳西路66号小区门口");
            desk.screenshot("desk-hotline");
            desk.click("hotline-send");
            String caseId = caseIdIn(desk.awaitMessage("已上报", Duration.ofSeconds(20)));
            JsonNode hotline = loop.api().get("operator", "/api/cases/" + caseId).body();
            assertThat(hotline.path("source").asString()).isEqualTo("HOTLINE");
            assertThat(hotline.path("origin").path("callerPhone").asString()).isEqualTo("13891001234");
            assertThat(hotline.path("address").asString()).isEqualTo("秦都区渭阳西路66号小区门口");
        }
    }

    @Test
    void aDispatcherSendsAParkedCaseAndAReturnedTaskToTheUnitsChosenAndApprovesAnExtensionThatTheUnitThenSees() {
        String parked = loop.parkedCase("秦都区陈杨寨街道路边暴露垃圾，待人工派遣", 108.6930, 34.3360);
        String returned = loop.filedCase("秦都区古渡街道河堤垃圾漂浮，非街面保洁范围", 108.6850, 34.3290);
        String returnedTask = loop.awaitTask(LoopDriver.QINDU, returned, "DISPATCHED").path("taskId").asString();
        assertThat(loop.api().post(LoopDriver.QINDU, "/api/tasks/" + returnedTask + "/return",
                Map.of("reason", "河道保洁属市水利局")).status()).isEqualTo(200);
        String slow = loop.filedCase("秦都区人民路绿化带建筑垃圾，需机械清运", 108.7050, 34.3420);
        JsonNode slowTask = loop.awaitTask(LoopDriver.QINDU, slow, "DISPATCHED");
        String slowId = slowTask.path("taskId").asString();
        assertThat(loop.api().post(LoopDriver.QINDU, "/api/tasks/" + slowId + "/accept", null).status()).isEqualTo(200);
        assertThat(loop.api().post(LoopDriver.QINDU, "/api/tasks/" + slowId + "/extension-request",
                Map.of("amount", 2, "unit", "WORKING_DAYS", "reason", "需协调机械清运")).status()).isEqualTo(200);

        try (AppPage desk = AppPage.open(AppPage.DESK)) {
            desk.signIn("dispatcher");
            WebElement waiting = desk.await("[data-test=dispatch-entry][data-kind=PARKED][data-case='" + parked + "']");
            assertThat(waiting.getText()).contains("待人工派遣");
            new Select(waiting.findElement(By.cssSelector("[data-test=unit-choice]"))).selectByVisibleText("秦都区");
            waiting.findElement(By.cssSelector("[data-test=dispatch-reason]")).sendKeys("街面市容问题，派秦都区城管平台");
            waiting.findElement(By.cssSelector("[data-action=dispatch]")).click();
            desk.awaitMessage("已完成", Duration.ofSeconds(20));
            String parkedTask = loop.awaitTask(LoopDriver.QINDU, parked, "DISPATCHED").path("taskId").asString();
            assertThat(loop.task(parkedTask).path("dispatchReason").asString()).isEqualTo("街面市容问题，派秦都区城管平台");

            WebElement entry = desk.await("[data-test=dispatch-entry][data-case='" + returned + "']");
            assertThat(entry.getText()).contains("河道保洁属市水利局");
            entry.findElement(By.cssSelector("[data-test=dispatch-reason]")).sendKeys("确属水利局职责");
            entry.findElement(By.cssSelector("[data-action=justified]")).click();
            desk.awaitMessage("已完成", Duration.ofSeconds(20));
            entry = desk.await("[data-test=dispatch-entry][data-case='" + returned + "'] [data-action=redispatch]")
                    .findElement(By.xpath("ancestor::li"));
            new Select(entry.findElement(By.cssSelector("[data-test=unit-choice]"))).selectByVisibleText("市水利局");
            entry.findElement(By.cssSelector("[data-test=dispatch-reason]")).sendKeys("改派市水利局处置");
            desk.screenshot("desk-dispatch-queue");
            entry.findElement(By.cssSelector("[data-action=redispatch]")).click();
            desk.awaitMessage("已完成", Duration.ofSeconds(20));
            JsonNode redispatched = loop.api().awaitGet("dept-07", "/api/tasks?limit=200",
                    r -> r.body().toString().contains(returned), Duration.ofSeconds(30)).body();
            assertThat(redispatched.toString()).contains("dept-07");

            desk.clickCss("[data-tab=approvals]");
            WebElement row = desk.await("[data-test=board-row][data-task='" + slowId + "']");
            row.findElement(By.cssSelector("[data-action=expand]")).click();
            assertThat(desk.awaitTest("pending-extension").getText()).contains("14.0 工作小时");
            desk.type("board-reason", "同意延期两个工作日");
            desk.screenshot("desk-dispatch-approval");
            desk.clickCss("[data-action=approve-extension]");
            desk.awaitMessage("已完成", Duration.ofSeconds(20));
        }
        JsonNode approved = loop.task(slowId);
        assertThat(approved.path("status").asString()).isEqualTo("ACCEPTED");
        Instant deadline = Instant.parse(approved.path("deadline").asString());
        assertThat(deadline).isAfter(Instant.parse(slowTask.path("deadline").asString()));
        try (AppPage unit = AppPage.open(AppPage.DESK)) {
            unit.signIn(LoopDriver.QINDU);
            unit.go("#/inbox/task/" + slowId);
            unit.await("[data-test=task-detail][data-status='ACCEPTED']");
            var local = deadline.atZone(CITY);
            String shown = local.getMonthValue() + "月" + local.getDayOfMonth() + "日 "
                    + String.format("%02d:%02d", local.getHour(), local.getMinute());
            assertThat(unit.awaitTest("task-detail").getText()).as("the new deadline in Beijing time").contains(shown);
        }
    }

    @Test
    void theSupervisionCenterReadsTheMonthDrillsFromReworkToTheCaseSeesTheMapFreezesAndExportsXlsx() throws IOException {
        String reworked = loop.caseWaitingForCheck("秦都区人民路东口暴露垃圾，复查仍有残留", 108.7040, 34.3415);
        Response photo = loop.api().post("inspector", "/api/cases/" + reworked + "/photos",
                Map.of("file", java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(AppPage.photo("rework-" + reworked, 31))),
                        "stage", "VERIFICATION"));
        assertThat(loop.api().post("inspector", "/api/cases/" + reworked + "/verification", Map.of("result", "FAIL",
                "note", "现场仍有残留垃圾", "photoIds", List.of(photo.path("id").asString()))).status()).isEqualTo(200);
        JsonNode task = loop.awaitTask(LoopDriver.QINDU, reworked, "REWORK");
        String month = YearMonth.from(Instant.parse(task.path("deadline").asString()).atZone(CITY)).toString();
        loop.api().awaitGet("supervisor", "/api/scorecards/" + month + "/departments/" + LoopDriver.QINDU + "/cases?indicator=rework",
                r -> r.body().toString().contains(reworked), Duration.ofSeconds(60));

        Path downloads = Files.createDirectories(Path.of("target", "downloads").toAbsolutePath());
        try (AppPage desk = AppPage.open(AppPage.DESK)) {
            desk.chrome().executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
            desk.signIn("supervisor");
            desk.awaitTest("supervision");
            setMonth(desk, month);
            desk.await("[data-test=scorecard][data-scope=UNIT] tbody tr");
            assertThat(desk.all("[data-test=scorecard] tbody tr")).hasSize(34);
            WebElement qindu = desk.await("[data-test=scorecard] tr[data-row='" + LoopDriver.QINDU + "']");
            assertThat(qindu.getText()).contains("秦都区").containsPattern("\\d+\\.\\d");
            assertThat(qindu.findElements(By.cssSelector(".grade"))).isNotEmpty();
            assertThat(desk.awaitTest("formula").getText()).contains("综合指标值 = (按期处置率 × 0.5");
            desk.assertChineseRendered("[data-test=formula]");
            desk.screenshot("desk-scorecards");

            desk.scrollTo(qindu.findElement(By.cssSelector("[data-indicator=rework]")));
            qindu.findElement(By.cssSelector("[data-indicator=rework]")).click();
            WebElement drill = desk.awaitTest("drill-down");
            assertThat(drill.getText()).contains("返工数").contains(reworked);
            drill.findElement(By.linkText(reworked)).click();
            desk.await("[data-test=case-detail]");
            assertThat(desk.awaitTest("case-detail").getText()).contains("核查不通过").contains("现场仍有残留垃圾");
            desk.screenshot("desk-case-detail");

            desk.go("#/desk/scorecards");
            desk.awaitTest("supervision");
            setMonth(desk, month);
            desk.clickCss("[data-scope=DISTRICT]");
            desk.await("[data-test=scorecard][data-scope=DISTRICT] tbody tr");
            assertThat(desk.all("[data-test=scorecard] tbody tr")).hasSize(13);
            desk.clickCss("[data-action=map]");
            desk.awaitTest("city-map");
            new WebDriverWait(desk.chrome(), Duration.ofSeconds(20)).until(d ->
                    d.findElements(By.cssSelector("[data-test=city-map] path.district-shape")).size() == 13);
            desk.screenshot("desk-city-map");

            desk.clickCss("[data-scope=UNIT]");
            desk.clickCss("[data-action=xlsx]");
            Path xlsx = downloads.resolve("scorecard-departments-" + month + ".xlsx");
            new WebDriverWait(desk.chrome(), Duration.ofSeconds(30)).until(d -> Files.exists(xlsx));
            String sheet = worksheetText(xlsx);
            assertThat(sheet).contains("处置单位", "综合指标值", "秦都区", "市水务集团");
            assertThat(Pattern.compile("dept-\\d{2}|district-\\d{6}").matcher(sheet).results().map(r -> r.group())
                    .distinct().count()).as("a row for each of the 34 handling units").isEqualTo(34);

            String previous = YearMonth.parse(month).minusMonths(1).toString();
            setMonth(desk, previous);
            assertThat(desk.awaitTest("month-state").getText()).isEqualTo("草稿");
            desk.clickCss("[data-action=freeze]");
            new WebDriverWait(desk.chrome(), Duration.ofSeconds(60)).until(d ->
                    "已冻结".equals(d.findElement(By.cssSelector("[data-test=month-state]")).getText()));
        }
        assertThat(loop.api().get("supervisor", "/api/assessment-months/" + YearMonth.parse(month).minusMonths(1))
                .path("state").asString()).isEqualTo("FROZEN");
    }

    @Test
    void aHandlingUnitSeesOnlyItsOwnRowAndItsAppealIsAnsweredInWords() {
        String caseId = loop.filedCase("秦都区吴家堡街道暴露垃圾，申诉用", 108.6790, 34.3300);
        JsonNode task = loop.awaitTask(LoopDriver.QINDU, caseId, "DISPATCHED");
        String month = YearMonth.from(Instant.parse(task.path("deadline").asString()).atZone(CITY)).toString();
        loop.api().awaitGet("supervisor", "/api/scorecards/" + month + "/departments/" + LoopDriver.QINDU + "/cases?indicator=dispatched",
                r -> r.body().toString().contains(caseId), Duration.ofSeconds(60));
        try (AppPage unit = AppPage.open(AppPage.DESK)) {
            unit.signIn(LoopDriver.QINDU);
            unit.click("tab-scorecard");
            unit.awaitTest("supervision");
            setMonth(unit, month);
            unit.await("[data-test=scorecard] tbody tr");
            assertThat(unit.all("[data-test=scorecard] tbody tr")).hasSize(1);
            assertThat(unit.all("[data-test=scorecard] tbody tr").get(0).getAttribute("data-row")).isEqualTo(LoopDriver.QINDU);
            unit.clickCss("tr[data-row='" + LoopDriver.QINDU + "'] [data-indicator=dispatched]");
            WebElement drill = unit.awaitTest("drill-down");
            drill.findElement(By.cssSelector("input[type=checkbox][value='" + caseId + "']")).click();
            unit.type("appeal-reason", "该处为铁路用地，不属本区管辖，申请核减");
            unit.screenshot("unit-scorecard-appeal");
            unit.click("appeal-send");
            String answer = unit.awaitMessage("PUBLISHED", Duration.ofSeconds(20));
            assertThat(answer).as("the month is still a draft; the API's words are shown").contains(month);
        }
    }

    private String report(String category, String description, double lon, double lat) {
        Response reported = loop.api().post("inspector", "/api/cases", Map.of("categoryCode", category,
                "description", description, "location", Map.of("lon", lon, "lat", lat)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        return reported.path("id").asString();
    }

    /** Chooses the month and waits until the page shows it: cards, close state and appeals of that month. */
    private static void setMonth(AppPage page, String month) {
        WebElement input = page.awaitTest("month");
        page.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));"
                + "arguments[0].dispatchEvent(new Event('change'));", input, month);
        page.await("[data-test=supervision][data-month='" + month + "']");
    }

    private static String caseIdIn(String message) {
        Matcher m = Pattern.compile("CL\\d{14}").matcher(message);
        assertThat(m.find()).as("a case number in '%s'", message).isTrue();
        return m.group();
    }

    /** The first worksheet's cells with the shared strings resolved: what a person opening the file reads. */
    private static String worksheetText(Path xlsx) {
        StringBuilder strings = new StringBuilder();
        StringBuilder sheet = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    strings.append(read(zip));
                } else if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    sheet.append(read(zip));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(sheet).as("a worksheet in %s", xlsx).isNotEmpty();
        return strings.append(sheet).toString();
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
