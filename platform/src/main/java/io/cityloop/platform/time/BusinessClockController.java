package io.cityloop.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/clock}: the business time (业务时间) every service of this deployment agrees on — in simulation
 * mode it runs ahead of the wall clock, and the apps and any client of a simulation must not guess it from their
 * own. Answered by every service from its injected {@link Clock}; the gateway routes it to one of them.
 */
@RestController
public class BusinessClockController {

    private final Clock clock;

    public BusinessClockController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/api/clock")
    public Map<String, Object> now() {
        Instant now = clock.instant();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("now", now.toString());
        answer.put("local", LocalDateTime.ofInstant(now, clock.getZone()).toString());
        answer.put("zone", clock.getZone().getId());
        if (clock instanceof SimulatedClock simulated) {
            answer.put("mode", "simulated");
            answer.put("speed", simulated.speed());
        } else {
            answer.put("mode", "system");
            answer.put("speed", 1.0);
        }
        return answer;
    }
}
