package io.cityloop.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;

/**
 * A handling unit's inbox (秦都区's platform, district-610402) at a desk in a real Chromium: only the actions a
 * task's state allows, accept and feed back with a photo, ask for an extension, return a wrong dispatch, and a
 * failed on-site check arriving as rework with the inspector's note and photo.
 */
@ExtendWith(BrowserCity.class)
class UnitInboxBrowserIntegrationTest {

    private final LoopDriver loop = new LoopDriver();

    @Test
    void theDistrictAcceptsItsTaskAndFeedsBackWithAPhotoSeeingOnlyTheActionsEachStateAllows() {
        String caseId = loop.filedCase("秦都区西兰路公交站旁暴露垃圾约3平方米", 108.6890, 34.3352);
        String taskId = loop.awaitTask(LoopDriver.QINDU, caseId, "DISPATCHED").path("taskId").asString();
        try (AppPage desk = AppPage.open(AppPage.DESK)) {
            desk.signIn(LoopDriver.QINDU);
            WebElement item = desk.await("[data-test=task-item][data-task='" + taskId + "']");
            assertThat(item.getText()).contains("暴露垃圾", "待签收").containsPattern("剩余 [\\d.]+ 工作小时");
            desk.assertChineseRendered("[data-test=tab-tasks]");
            desk.screenshot("unit-inbox");

            loop.api().awaitGet(LoopDriver.QINDU, "/api/notifications?unreadOnly=true&limit=200",
                    r -> r.body().toString().contains(caseId), Duration.ofSeconds(60));
            desk.click("tab-notices");
            WebElement notice = desk.await("[data-test=notice][data-case='" + caseId + "']");
            int unreadBefore = unreadCount(desk);
            assertThat(unreadBefore).isPositive();
            notice.findElement(By.cssSelector("[data-action=read]")).click();
            new WebDriverWait(desk.chrome(), Duration.ofSeconds(20)).until(d -> unreadCount(desk) == unreadBefore - 1);
            desk.go("#/inbox");
            item = desk.await("[data-test=task-item][data-task='" + taskId + "']");
            item.click();

            awaitStatus(desk, "DISPATCHED");
            assertThat(actions(desk)).containsExactlyInAnyOrder("accept", "return");
            desk.clickCss("[data-action=accept]");
            awaitStatus(desk, "ACCEPTED");
            assertThat(actions(desk)).containsExactlyInAnyOrder("feedback", "extension", "suspension", "return");

            desk.clickCss("[data-action=feedback]");
            desk.type("feedback-note", "已清运，地面已冲洗");
            desk.attachPhotos("feedback-photo", AppPage.photo("cleared-" + caseId, 11));
            desk.awaitTest("feedback-send");
            desk.screenshot("unit-task-feedback");
            desk.click("feedback-send");
            awaitStatus(desk, "HANDLED");
            assertThat(actions(desk)).isEmpty();
            desk.screenshot("unit-task-handled");
        }
        JsonNode task = loop.task(taskId);
        assertThat(task.path("status").asString()).isEqualTo("HANDLED");
        assertThat(task.path("note").asString()).isEqualTo("已清运，地面已冲洗");
        JsonNode file = loop.awaitCase(caseId, "VERIFYING");
        List<String> handlingPhotos = file.path("photos").findValuesAsString("stage").stream()
                .filter("HANDLING"::equals).toList();
        assertThat(handlingPhotos).as("the photo of the result is kept with the case").hasSize(1);
        assertThat(task.path("photoRef").asString()).isEqualTo(
                file.path("photos").get(file.path("photos").size() - 1).path("id").asString());
    }

    @Test
    void aTaskDispatchedWhileTheInboxIsOpenArrivesByLivePush() {
        try (AppPage desk = AppPage.open(AppPage.DESK)) {
            desk.signIn(LoopDriver.QINDU);
            desk.awaitTest("tab-tasks");
            String caseId = loop.filedCase("秦都区马泉街道路口暴露垃圾（推送）", 108.6650, 34.3010);
            // Only a pushed notice speaks in the message bar; the inbox's own refresh would not.
            String pushed = desk.awaitMessage(caseId, Duration.ofSeconds(60));
            assertThat(pushed).contains("已派遣至秦都区");
            desk.await("[data-test=task-item][data-case='" + caseId + "']");
        }
    }

    @Test
    void theDistrictAsksForAnExtensionOnOneTaskAndReturnsAnotherThatIsNotItsOwn() {
        String slow = loop.filedCase("秦都区渭阳西路绿化带内大量建筑垃圾，需机械清运", 108.6955, 34.3320);
        String slowTask = loop.awaitTask(LoopDriver.QINDU, slow, "DISPATCHED").path("taskId").asString();
        String wrong = loop.filedCase("秦都区吴家堡河道漂浮垃圾", 108.6801, 34.3279);
        String wrongTask = loop.awaitTask(LoopDriver.QINDU, wrong, "DISPATCHED").path("taskId").asString();
        try (AppPage desk = AppPage.open(AppPage.DESK)) {
            desk.signIn(LoopDriver.QINDU);
            desk.go("#/inbox/task/" + slowTask);
            awaitStatus(desk, "DISPATCHED");
            desk.clickCss("[data-action=accept]");
            awaitStatus(desk, "ACCEPTED");
            desk.clickCss("[data-action=extension]");
            desk.type("extension-amount", "2");
            desk.type("extension-reason", "建筑垃圾量大，需协调机械清运");
            desk.click("extension-send");
            awaitStatus(desk, "EXTENSION_REQUESTED");
            assertThat(actions(desk)).isEmpty();
            assertThat(desk.awaitTest("task-actions").getText()).contains("等待派遣员审批");

            desk.go("#/inbox/task/" + wrongTask);
            awaitStatus(desk, "DISPATCHED");
            desk.clickCss("[data-action=return]");
            desk.click("return-send");
            assertThat(desk.awaitMessage("原因", Duration.ofSeconds(10))).contains("请填写原因");
            desk.type("return-reason", "河道保洁属市水利局职责，非本平台");
            desk.click("return-send");
            awaitStatus(desk, "RETURNED");
            assertThat(actions(desk)).isEmpty();
        }
        assertThat(loop.task(slowTask).path("status").asString()).isEqualTo("EXTENSION_REQUESTED");
        assertThat(loop.task(slowTask).path("pendingExtension").toString()).contains("建筑垃圾量大");
        assertThat(loop.task(wrongTask).path("status").asString()).isEqualTo("RETURNED");
    }

    @Test
    void aFailedOnSiteCheckReachesTheUnitAsReworkWithTheInspectorsNoteAndPhoto() {
        String caseId = loop.caseWaitingForCheck("秦都区人民路口暴露垃圾，待核查（返工）", 108.7030, 34.3410);
        try (AppPage phone = AppPage.open(AppPage.PHONE).at(108.7030, 34.3410, 10)) {
            phone.signIn("inspector");
            phone.go("#/field/checks/" + caseId);
            phone.awaitTest("check-detail");
            phone.attachPhotos("site-photo", AppPage.photo("leftovers-" + caseId, 21));
            phone.type("check-note", "现场仍有残留垃圾");
            phone.click("check-fail");
            phone.awaitMessage("返工", Duration.ofSeconds(30));
        }
        String taskId = loop.awaitTask(LoopDriver.QINDU, caseId, "REWORK").path("taskId").asString();
        try (AppPage desk = AppPage.open(AppPage.DESK)) {
            desk.signIn(LoopDriver.QINDU);
            WebElement item = desk.await("[data-test=task-item][data-task='" + taskId + "']");
            assertThat(item.getText()).contains("返工");
            item.click();
            awaitStatus(desk, "REWORK");
            WebElement rework = desk.awaitTest("rework-note");
            assertThat(rework.getText()).contains("现场仍有残留垃圾");
            new WebDriverWait(desk.chrome(), Duration.ofSeconds(20)).until(d ->
                    !d.findElements(By.cssSelector("[data-test=rework-note] img")).isEmpty());
            assertThat(actions(desk)).containsExactlyInAnyOrder("feedback", "extension", "suspension");
            desk.screenshot("unit-task-rework");
        }
    }

    private static int unreadCount(AppPage page) {
        String text = page.awaitTest("unread-count").getText();
        return Integer.parseInt(text.replaceAll("\\D", ""));
    }

    private static void awaitStatus(AppPage page, String status) {
        page.await("[data-test=task-detail][data-status='" + status + "']");
    }

    private static List<String> actions(AppPage page) {
        return page.all("[data-test=task-actions] [data-action]").stream()
                .map(button -> button.getAttribute("data-action")).toList();
    }

}
