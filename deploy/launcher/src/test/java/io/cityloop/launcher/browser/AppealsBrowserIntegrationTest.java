package io.cityloop.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.cityloop.launcher.CityLoopSystem;
import io.cityloop.launcher.GatewayClient;
import io.cityloop.launcher.GatewayClient.Response;
import io.cityloop.launcher.LauncherOptions;
import io.cityloop.launcher.TestCities;
import tools.jackson.databind.JsonNode;

/**
 * 申诉 on a published month, in a real Chromium: a city of its own whose business clock starts on Saturday 28 November
 * 2026 at midnight and runs past the end of November in a little over three real minutes. Three burst water pipes
 * (供水管道破裂, two working hours to handle) are dispatched to 市水务集团 over the weekend, so all three tasks are due
 * on Monday morning; the company handles one at once and leaves two open, overdue by the end of the month. Once
 * November is over the supervisor freezes and publishes it on the desk; the company opens its November scorecard,
 * drills into 超期未处置数 and appeals each overdue case with its own reason and the correction it asks for; the
 * supervisor sees both pending, upholds one and rejects the other with written reasons — and the page, the appeals
 * API and the scorecard all show what was decided: the upheld case no longer counts for the company, the rejected one
 * still counts as overdue.
 *
 * <p>Not the shared {@link BrowserCity}: that city runs on the real clock, whose month never ends during a test.
 */
class AppealsBrowserIntegrationTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    /** Business time at the simulation's anchor: Saturday 28 November 2026, 00:00 Beijing time. */
    private static final Instant START = OffsetDateTime.parse("2026-11-28T00:00+08:00").toInstant();
    private static final Instant MONTH_END = NOVEMBER.plusMonths(1).atDay(1).atStartOfDay(CITY).toInstant();
    /**
     * November's last office hours end on Monday 30 November at 18:00. A task counts in the month its deadline falls
     * in, and it is overdue at the month's cut-off only if the unit's working time ran past its allowance before the
     * cut-off: its deadline must be before this instant. With two working hours that means dispatched by Monday
     * 16:00; every dispatch over the weekend is due at 10:30 on Monday.
     */
    private static final Instant LAST_OFFICE_HOURS_END = OffsetDateTime.parse("2026-11-30T18:00+08:00").toInstant();
    /** The last dispatch whose two working hours end before {@link #LAST_OFFICE_HOURS_END}. */
    private static final Instant LAST_DISPATCH = OffsetDateTime.parse("2026-11-30T16:00+08:00").toInstant();
    /** Real time from the anchor to the end of November; starting the city and dispatching must fit the first 89 %. */
    private static final Duration REAL_TIME_TO_MONTH_END = Duration.ofSeconds(200);
    private static final double SPEED = Duration.between(START, MONTH_END).toSeconds()
            / (double) REAL_TIME_TO_MONTH_END.toSeconds();
    /** 市水务集团, the city's water company. */
    private static final String WATER = "dept-16";
    private static final String BURST_PIPE = "02-04-02";
    private static final String MONTH = NOVEMBER.toString();

    private static CityLoopSystem system;
    private static GatewayClient api;
    private static String privateMains;
    private static String shutOffNotice;
    private static String handledAtOnce;

    @BeforeAll
    static void startACityWhoseNovemberEndsInMinutesAndDispatchThreeBurstPipesBeforeItDoes() throws IOException {
        Assumptions.assumeTrue(Chromium.available(), Chromium.HOW_TO_INSTALL);
        LauncherOptions options = TestCities.options("cityloop-appeals").withManualDispatch(true)
                .withSimulation(new LauncherOptions.Simulation(START, SPEED));
        system = CityLoopSystem.start(options, null, Duration.ofMinutes(4));
        Duration startup = Duration.between(system.simulationAnchor(), Instant.now());
        System.out.printf("[appeals] city started in %d s at %.0f× (business time %s)%n", startup.toSeconds(), SPEED,
                businessNow().atZone(CITY));
        api = new GatewayClient(system.gatewayUrl());
        LoopDriver loop = new LoopDriver(api);

        handledAtOnce = burstPipe(loop, "西兰路公交站旁供水管道渗漏，人行道湿滑", 108.6945, 34.3468,
                "秦都区西兰路公交站");
        String task = loop.awaitTask(WATER, handledAtOnce, "DISPATCHED").path("taskId").asString();
        assertThat(api.post(WATER, "/api/tasks/" + task + "/accept", null).status()).isEqualTo(200);
        assertThat(api.post(WATER, "/api/tasks/" + task + "/feedback", Map.of("note", "已关阀抢修，更换破损管段，恢复供水"))
                .status()).isEqualTo(200);
        privateMains = burstPipe(loop, "金色家园小区3号楼前地下供水管道破裂，地面冒水", 108.7012, 34.3335,
                "秦都区渭阳西路金色家园小区");
        shutOffNotice = burstPipe(loop, "人民路与文汇路口供水管道破裂，路面大量积水", 108.7090, 34.3405,
                "秦都区人民路与文汇路交叉口");
        Instant lastDispatch = businessNow();
        System.out.printf("[appeals] three burst pipes dispatched by business time %s, %d s after the anchor%n",
                lastDispatch.atZone(CITY), Duration.between(system.simulationAnchor(), Instant.now()).toSeconds());

        List<String> lateDeadlines = new ArrayList<>();
        for (String caseId : List.of(privateMains, shutOffNotice)) {
            Instant deadline = Instant.parse(loop.awaitTask(WATER, caseId, "DISPATCHED").path("deadline").asString());
            if (!deadline.isBefore(LAST_OFFICE_HOURS_END)) {
                lateDeadlines.add(caseId + " due " + deadline.atZone(CITY));
            }
        }
        assertThat(lateDeadlines).as("""
                the two tasks left open must be due before November's office hours end (%s) to be overdue in November, so \
                they had to be dispatched by business time %s, %d real seconds after the clock's anchor at %.0f×; \
                the city took %d s to start and the last case was dispatched at business time %s. The machine is \
                slower than this test allows: raise REAL_TIME_TO_MONTH_END (the speed follows)""",
                LAST_OFFICE_HOURS_END.atZone(CITY), LAST_DISPATCH.atZone(CITY), realSecondsAfterAnchor(LAST_DISPATCH),
                SPEED, startup.toSeconds(), lastDispatch.atZone(CITY)).isEmpty();
        JsonNode handled = api.get(WATER, "/api/tasks/" + task).body();
        assertThat(handled.path("handledOnTime").asBoolean())
                .as("the task handled at once was handled on time (dispatched at business time %s, due %s, "
                        + "handled %s)", handled.path("dispatchedAt").asString(), handled.path("deadline").asString(),
                        handled.path("handledAt").asString()).isTrue();
    }

    private static String burstPipe(LoopDriver loop, String description, double lon, double lat, String address) {
        return loop.dispatchedCase(BURST_PIPE, description, lon, lat, address, WATER, "供水管道破裂，派市水务集团抢修");
    }

    @AfterAll
    static void stopTheCity() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aSupervisorUpholdsOneAppealOfThePublishedMonthAndRejectsTheOtherAndTheUnitsScorecardIsCorrected() {
        JsonNode before = novemberIsOverAndCounted();
        assertThat(before.path("dispatched").asInt()).isEqualTo(3);
        assertThat(before.path("handledOnTime").asInt()).isEqualTo(1);
        assertThat(before.path("overdueOpen").asInt()).isEqualTo(2);
        long escalationsOfTheUpheldCase = counts(WATER, "dispatched", privateMains).path("escalated").asLong();

        try (AppPage desk = AppPage.open(AppPage.DESK, system.gatewayUrl());
             AppPage unit = AppPage.open(AppPage.DESK, system.gatewayUrl())) {
            desk.signIn("supervisor");
            desk.awaitTest("supervision");
            setMonth(desk, MONTH);
            assertThat(desk.awaitTest("month-state").getText()).isEqualTo("草稿");
            monthStep(desk, "freeze", "已冻结");
            monthStep(desk, "publish", "已发布");
            assertThat(desk.awaitMessage("已发布", Duration.ofSeconds(10))).contains("申诉期开始");
            desk.await("[data-test=scorecard] tr[data-row='" + WATER + "']");
            desk.screenshot("appeals-month-published");

            unit.signIn(WATER);
            unit.click("tab-scorecard");
            unit.awaitTest("supervision");
            setMonth(unit, MONTH);
            assertThat(unit.awaitTest("month-state").getText()).isEqualTo("已发布");
            fileAppeal(unit, privateMains, "EXCLUDE",
                    "破裂管道为金色家园小区物业自管的二次供水管网，不属本集团维护范围，已告知物业维修，申请不计入考核");
            fileAppeal(unit, shutOffNotice, "COUNT_ON_TIME",
                    "该处抢修须关阀停水，按规定应提前24小时公告停水，无法在2小时内完成，申请按按期处置计");
            unit.await("[data-test=appeal][data-state=PENDING]");
            assertThat(unit.all("[data-test=appeal][data-state=PENDING]")).hasSize(2);

            JsonNode filed = api.get("supervisor", "/api/assessment-months/" + MONTH + "/appeals").body();
            String upheld = appealOf(filed, privateMains);
            String rejected = appealOf(filed, shutOffNotice);

            setMonth(desk, MONTH);
            assertThat(desk.await("[data-action=show-appeals]").getText()).isEqualTo("申诉待审 2 件");
            desk.clickCss("[data-action=show-appeals]");
            WebElement first = desk.await("[data-test=appeal][data-appeal='" + upheld + "']");
            assertThat(desk.all("[data-test=appeal][data-state=PENDING]")).hasSize(2);
            assertThat(desk.awaitTest("appeals-pending").getText()).contains("待审 2 件");
            assertThat(first.getText()).contains("市水务集团", privateMains, "待审", "不计入考核", "物业自管的二次供水管网");
            assertThat(first.findElement(By.cssSelector("[data-test=appeal-case][data-case='" + privateMains + "']"))
                    .getText()).as("how the contested case counts now").contains("目前计入", "应处置数 1", "超期未处置数 1");
            assertThat(desk.await("[data-test=appeal][data-appeal='" + rejected + "']").getText())
                    .contains(shutOffNotice, "按按期处置计", "支持后，所涉任务计为按期处置", "提前24小时公告停水");
            desk.assertChineseRendered("[data-test=appeal][data-appeal='" + upheld + "'] [data-test=appeal-state]");
            desk.screenshot("appeals-pending-supervisor");

            decide(desk, upheld, "uphold", "经核实该管段为小区自管管网，非市水务集团产权，支持申诉，不计入考核");
            assertThat(desk.awaitMessage("已支持", Duration.ofSeconds(20))).contains("市水务集团", "考核结果已更正");
            desk.await("[data-test=appeal][data-appeal='" + upheld + "'][data-state=UPHELD]");
            decide(desk, rejected, "reject-appeal", "管道破裂属紧急抢修，可先行关阀止水，无须等待停水公告，驳回申诉");
            assertThat(desk.awaitMessage("已驳回", Duration.ofSeconds(20))).contains("市水务集团");
            WebElement upheldCard = desk.await("[data-test=appeal][data-appeal='" + upheld + "'][data-state=UPHELD]");
            WebElement rejectedCard = desk.await("[data-test=appeal][data-appeal='" + rejected + "'][data-state=REJECTED]");
            assertThat(upheldCard.findElement(By.cssSelector("[data-test=appeal-state]")).getText()).isEqualTo("已支持");
            assertThat(upheldCard.findElement(By.cssSelector("[data-test=appeal-effect]")).getText())
                    .contains("已更正，所涉任务不计入本月考核");
            assertThat(rejectedCard.findElement(By.cssSelector("[data-test=appeal-effect]")).getText())
                    .contains("申请事项：按按期处置计").doesNotContain("支持后", "已更正");
            assertThat(upheldCard.findElement(By.cssSelector("[data-test=decision]")).getText())
                    .contains("审核意见", "supervisor", "非市水务集团产权");
            assertThat(rejectedCard.findElement(By.cssSelector("[data-test=appeal-state]")).getText()).isEqualTo("已驳回");
            assertThat(rejectedCard.findElement(By.cssSelector("[data-test=decision]")).getText())
                    .contains("无须等待停水公告");
            assertThat(desk.all("[data-test=appeal] [data-action=uphold]")).as("nothing left to decide").isEmpty();
            assertThat(desk.awaitTest("appeals-pending").getText()).contains("待审 0 件");
            assertThat(desk.all("[data-action=show-appeals]")).isEmpty();
            new WebDriverWait(desk.chrome(), Duration.ofSeconds(20)).until(d -> "2".equals(d.findElement(By.cssSelector(
                    "[data-test=scorecard] tr[data-row='" + WATER + "'] [data-indicator=dispatched]")).getText()));
            assertThat(desk.await("[data-test=scorecard] tr[data-row='" + WATER + "'] [data-indicator=overdueOpen]")
                    .getText()).as("the rejected case is still overdue on the page").isEqualTo("1");
            desk.screenshot("appeals-decided-supervisor");

            setMonth(unit, MONTH);
            WebElement answered = unit.await("[data-test=appeal][data-appeal='" + upheld + "'][data-state=UPHELD]");
            assertThat(answered.getText()).contains("已支持", "非市水务集团产权");
            assertThat(unit.await("[data-test=appeal][data-appeal='" + rejected + "'][data-state=REJECTED]").getText())
                    .contains("已驳回", "无须等待停水公告");
            unit.screenshot("appeals-answered-unit");
        }

        JsonNode decided = api.get("supervisor", "/api/assessment-months/" + MONTH + "/appeals").body();
        JsonNode upheld = appeal(decided, privateMains);
        JsonNode rejected = appeal(decided, shutOffNotice);
        assertThat(upheld.path("state").asString()).isEqualTo("UPHELD");
        assertThat(upheld.path("effect").asString()).isEqualTo("EXCLUDE");
        assertThat(upheld.path("decidedBy").asString()).isEqualTo("supervisor");
        assertThat(upheld.path("decisionReason").asString()).contains("非市水务集团产权");
        assertThat(rejected.path("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("effect").asString()).isEqualTo("COUNT_ON_TIME");
        assertThat(rejected.path("decisionReason").asString()).contains("无须等待停水公告");
        assertThat(api.get(WATER, "/api/assessment-months/" + MONTH + "/appeals").body()).hasSize(2);
        assertThat(api.get("supervisor", "/api/assessment-months/" + MONTH).path("audit").toString())
                .contains("appeal-upheld " + upheld.path("id").asString(),
                        "appeal-rejected " + rejected.path("id").asString());

        // 不计入考核, upheld: the task no longer counts for the company at all; the rejected case still counts as overdue.
        JsonNode after = row(WATER);
        assertThat(after.path("dispatched").asInt()).isEqualTo(2);
        assertThat(after.path("handledOnTime").asInt()).isEqualTo(1);
        assertThat(after.path("overdueOpen").asInt()).isEqualTo(1);
        assertThat(after.path("escalated").asLong())
                .isEqualTo(before.path("escalated").asLong() - escalationsOfTheUpheldCase);
        assertThat(after.path("score").asDouble()).as("按期处置率 rose from 1/3 to 1/2")
                .isGreaterThan(before.path("score").asDouble());
        String counted = drill(WATER, "dispatched").toString();
        assertThat(counted).doesNotContain(privateMains).contains(shutOffNotice, handledAtOnce);
        assertThat(counts(WATER, "overdueOpen", shutOffNotice).path("overdueOpen").asInt()).isEqualTo(1);
    }

    /**
     * Waits until the business clock has passed the end of November and the scorecard counts the three tasks as they
     * stood at its end (one handled on time, two overdue), and answers 市水务集团's row.
     */
    private static JsonNode novemberIsOverAndCounted() {
        Duration untilMonthEnd = Duration.between(Instant.now(),
                system.simulationAnchor().plus(REAL_TIME_TO_MONTH_END));
        Duration wait = (untilMonthEnd.isNegative() ? Duration.ZERO : untilMonthEnd).plusSeconds(90);
        Response card = api.awaitGet("supervisor", "/api/scorecards/" + MONTH + "/departments", r -> {
            JsonNode row = rowIn(r.body());
            return r.status() == 200 && OffsetDateTime.parse(r.path("cutOff").asString()).toInstant().equals(MONTH_END)
                    && row != null && row.path("dispatched").asInt() == 3 && row.path("overdueOpen").asInt() == 2
                    && row.path("handledOnTime").asInt() == 1;
        }, wait);
        return rowIn(card.body());
    }

    private static JsonNode row(String unitId) {
        Response card = api.get("supervisor", "/api/scorecards/" + MONTH + "/departments");
        assertThat(card.status()).as(card.body().toString()).isEqualTo(200);
        JsonNode row = rowIn(card.body());
        assertThat(row).as("%s's row in %s", unitId, card.body()).isNotNull();
        return row;
    }

    private static JsonNode rowIn(JsonNode card) {
        for (JsonNode row : card.path("rows")) {
            if (WATER.equals(row.path("unitId").asString())) {
                return row;
            }
        }
        return null;
    }

    private static JsonNode drill(String unitId, String indicator) {
        Response drill = api.get("supervisor", "/api/scorecards/" + MONTH + "/departments/" + unitId
                + "/cases?indicator=" + indicator);
        assertThat(drill.status()).as(drill.body().toString()).isEqualTo(200);
        return drill.path("cases");
    }

    /** What one case adds to the unit's row, indicator by indicator. */
    private static JsonNode counts(String unitId, String indicator, String caseId) {
        for (JsonNode contribution : drill(unitId, indicator)) {
            if (caseId.equals(contribution.path("caseId").asString())) {
                return contribution.path("counts");
            }
        }
        throw new AssertionError(caseId + " is not behind " + indicator + " of " + unitId);
    }

    private static JsonNode appeal(JsonNode appeals, String caseId) {
        for (JsonNode appeal : appeals) {
            if (appeal.path("caseIds").toString().contains(caseId)) {
                return appeal;
            }
        }
        throw new AssertionError("no appeal of " + caseId + " in " + appeals);
    }

    private static String appealOf(JsonNode appeals, String caseId) {
        return appeal(appeals, caseId).path("id").asString();
    }

    /** Clicks the month's next step and waits until the page shows the new state, or fails with the refusal. */
    private static void monthStep(AppPage page, String action, String expectedState) {
        page.clickCss("[data-action=" + action + "]");
        String shown = new WebDriverWait(page.chrome(), Duration.ofSeconds(60)).until(d -> {
            String state = d.findElement(By.cssSelector("[data-test=month-state]")).getText();
            List<WebElement> errors = d.findElements(By.cssSelector("[data-test=message].error"));
            return expectedState.equals(state) ? state : errors.isEmpty() ? null : "refused: " + errors.get(0).getText();
        });
        assertThat(shown).as("the month after '%s'", action).isEqualTo(expectedState);
    }

    /** The unit drills into 超期未处置数, ticks one case, says what it asks for and why, and files the appeal. */
    private static void fileAppeal(AppPage unit, String caseId, String effect, String reason) {
        unit.clickCss("tr[data-row='" + WATER + "'] [data-indicator=overdueOpen]");
        WebElement drill = unit.awaitTest("drill-down");
        assertThat(drill.getText()).contains("超期未处置数").doesNotContain("dueToClose");
        unit.scrollTo(drill);
        drill.findElement(By.cssSelector("input[type=checkbox][value='" + caseId + "']")).click();
        new Select(unit.awaitTest("appeal-effect")).selectByValue(effect);
        unit.type("appeal-reason", reason);
        if ("COUNT_ON_TIME".equals(effect)) {
            unit.screenshot("appeals-filing-unit");
        }
        int filedBefore = unit.all("[data-test=appeal]").size();
        unit.click("appeal-send");
        assertThat(unit.awaitMessage("申诉已提交", Duration.ofSeconds(20))).isNotBlank();
        // The page reloads the month; it is done once the new appeal is listed (a click before would be ignored).
        new WebDriverWait(unit.chrome(), Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("[data-test=appeal]")).size() == filedBefore + 1);
        assertThat(unit.all("[data-test=drill-down]")).isEmpty();
    }

    private static void decide(AppPage desk, String appealId, String action, String reason) {
        WebElement card = desk.await("[data-test=appeal][data-appeal='" + appealId + "']");
        WebElement field = card.findElement(By.cssSelector("[data-test=decision-reason]"));
        desk.scrollTo(field);
        field.sendKeys(reason);
        card.findElement(By.cssSelector("[data-action=" + action + "]")).click();
    }

    /** Chooses the month and waits until the page shows it: cards, close state and appeals of that month. */
    private static void setMonth(AppPage page, String month) {
        WebElement input = page.awaitTest("month");
        page.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));"
                + "arguments[0].dispatchEvent(new Event('change'));", input, month);
        page.await("[data-test=supervision][data-month='" + month + "']");
    }

    private static Instant businessNow() {
        return businessTimeAt(Instant.now());
    }

    private static Instant businessTimeAt(Instant real) {
        long realMillis = Duration.between(system.simulationAnchor(), real).toMillis();
        return START.plusMillis(Math.round(realMillis * SPEED));
    }

    private static long realSecondsAfterAnchor(Instant business) {
        return Math.round(Duration.between(START, business).toSeconds() / SPEED);
    }
}
