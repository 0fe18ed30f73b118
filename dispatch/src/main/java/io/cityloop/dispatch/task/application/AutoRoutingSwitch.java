package io.cityloop.dispatch.task.application;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 自动派遣开关 ({@code cityloop.dispatch.auto-routing}, default on). Off, every filed case waits in the dispatch
 * queue for a dispatcher. Read at every filing; {@link #turn(boolean)} changes this replica only, which is what
 * tests need, while a deployment changes the setting for all replicas.
 */
@Component
public class AutoRoutingSwitch {

    private final AtomicBoolean on;

    AutoRoutingSwitch(@Value("${cityloop.dispatch.auto-routing:true}") boolean on) {
        this.on = new AtomicBoolean(on);
    }

    public boolean isOn() {
        return on.get();
    }

    public void turn(boolean newState) {
        on.set(newState);
    }
}
