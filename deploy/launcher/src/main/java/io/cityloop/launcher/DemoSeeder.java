package io.cityloop.launcher;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.cityloop.launcher.GatewayClient.Response;

/**
 * Puts a small, realistic day of work into a fresh system through the real APIs, so the console has cases at every
 * stage: closed, closed after rework, being handled, waiting for a department, waiting for filing, rejected. Every
 * on-site verdict cites the inspector's photo of the spot, as case-intake requires by default.
 */
final class DemoSeeder {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final GatewayClient client;
    private final PrintStream out;
    private int photosTaken;

    DemoSeeder(GatewayClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    void seed() {
        String garbage = report("02-01-01", "人民路与渭阳西路交叉口东南角暴露垃圾约2平方米", 108.7012, 34.3405,
                "秦都区人民路88号");
        file(garbage);
        handle(garbage, "district-610402", "已清运，地面已冲洗");
        verify(garbage, "PASS", "现场已清理干净");

        String manhole = report("01-01-01", "上水井盖破损下陷，存在安全隐患", 108.7521, 34.3530,
                "渭城区渭阳中路与文汇路口");
        file(manhole);
        handle(manhole, "dept-16", "已更换井盖");
        verify(manhole, "FAIL", "井盖仍不平整，高出路面约3厘米");
        feedback(awaitTask(manhole, "dept-16", "REWORK"), "dept-16", "已重新调平井盖");
        awaitStatus(manhole, "VERIFYING");
        verify(manhole, "PASS", "井盖平稳");

        String parking = report("02-05-03", "机动车占用盲道违法停车", 108.6920, 34.3318, "秦都区西兰路12号");
        file(parking);
        client.post("dept-06", "/api/tasks/" + awaitTask(parking, "dept-06", "DISPATCHED") + "/accept", null);

        String dust = report("02-03-01", "工地裸土未覆盖，扬尘明显", 108.7805, 34.3902, "渭城区正阳街道秦汉大道工地");
        file(dust);
        awaitStatus(dust, "DISPATCHED");

        report("02-02-01", "电线杆上张贴小广告", 108.4912, 34.3011, "兴平市东城街道建设路");

        String light = report("01-01-09", "路灯白天常亮", 108.7105, 34.3620, "秦都区渭阳西路");
        Map<String, Object> reject = new LinkedHashMap<>();
        reject.put("decision", "REJECT");
        reject.put("reasonCode", "CRITERION_NOT_MET");
        reject.put("note", "路灯为定时控制检修，不属于故障");
        expect(client.post("operator", "/api/cases/" + light + "/filing", reject), 200, "reject " + light);

        out.println("Demo data: 6 cases at every stage of the loop (2 closed, 1 being handled, 1 dispatched, "
                + "1 waiting for filing, 1 rejected).");
    }

    private String report(String category, String description, double lon, double lat, String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryCode", category);
        body.put("description", description);
        body.put("location", Map.of("lon", lon, "lat", lat));
        body.put("address", address);
        Response response = client.post("inspector", "/api/cases", body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        expect(response, 201, "report " + category);
        return response.path("id").asString();
    }

    private void file(String caseId) {
        expect(client.post("operator", "/api/cases/" + caseId + "/filing",
                Map.of("decision", "FILE", "note", "符合立案标准")), 200, "file " + caseId);
    }

    private void handle(String caseId, String unit, String note) {
        String task = awaitTask(caseId, unit, "DISPATCHED");
        expect(client.post(unit, "/api/tasks/" + task + "/accept", null), 200, "accept " + task);
        feedback(task, unit, note);
        awaitStatus(caseId, "VERIFYING");
    }

    private void feedback(String task, String unit, String note) {
        expect(client.post(unit, "/api/tasks/" + task + "/feedback", Map.of("note", note)), 200, "feedback " + task);
    }

    /** 核查: the inspector photographs the spot, then gives the verdict citing the photo, as the city requires. */
    private void verify(String caseId, String result, String note) {
        String photo = uploadSitePhoto(caseId);
        expect(client.post("inspector", "/api/cases/" + caseId + "/verification",
                Map.of("result", result, "note", note, "photoIds", List.of(photo))), 200, "verify " + caseId);
    }

    /** The JSON form of case-intake's photo upload (the image in base64), which the gateway client can send. */
    private String uploadSitePhoto(String caseId) {
        Map<String, Object> photo = Map.of("stage", "VERIFICATION",
                "file", Base64.getEncoder().encodeToString(sitePhoto(++photosTaken)));
        Response response = client.post("inspector", "/api/cases/" + caseId + "/photos", photo);
        expect(response, 201, "photo of " + caseId);
        return response.path("id").asString();
    }

    /** A small real JPEG, different for every seed so that no two photos of a case are the same photo. */
    static byte[] sitePhoto(int seed) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int red = (x * 4 + seed * 37) & 0xFF;
                int green = (y * 5 + seed * 23) & 0xFF;
                int blue = (x * y + seed * 61) & 0xFF;
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        try (ByteArrayOutputStream jpeg = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, "jpg", jpeg)) {
                throw new IllegalStateException("this JDK has no JPEG writer");
            }
            return jpeg.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String awaitTask(String caseId, String unit, String status) {
        Response tasks = client.awaitGet(unit, "/api/tasks", response -> findTask(response, caseId, status) != null,
                STEP_TIMEOUT);
        return findTask(tasks, caseId, status);
    }

    private static String findTask(Response tasks, String caseId, String status) {
        for (var task : tasks.body()) {
            if (caseId.equals(task.path("caseId").asString()) && status.equals(task.path("status").asString())) {
                return task.path("taskId").asString();
            }
        }
        return null;
    }

    private void awaitStatus(String caseId, String status) {
        client.awaitGet("supervisor", "/api/cases/" + caseId,
                response -> status.equals(response.path("status").asString()), STEP_TIMEOUT);
    }

    private static void expect(Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("demo step '" + what + "' answered " + response.status() + ": "
                    + response.body());
        }
    }
}
