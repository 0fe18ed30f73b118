package io.cityloop.notification.delivery.adapters.channels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cityloop.notification.delivery.model.SendOutcome;

/** The embedded mode's SMS: one JSON line per message in a file (and an INFO line in the log), nothing sent. */
class FakeSmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(FakeSmsProvider.class);

    private final Path file;
    private final Clock wallClock = Clock.systemUTC();

    FakeSmsProvider(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public synchronized SendOutcome send(String phone, String templateKind, Map<String, String> params, String text,
                                         String outId) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", wallClock.instant().toString());
        line.put("phone", phone);
        line.put("template", templateKind);
        line.put("params", params);
        line.put("outId", outId);
        line.put("text", text);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, HttpChannels.json(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        log.info("fake SMS to {} ({}): {}", phone, outId, text);
        return SendOutcome.sent("written to " + file);
    }
}
