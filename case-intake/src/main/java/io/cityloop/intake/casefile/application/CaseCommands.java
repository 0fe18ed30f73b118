package io.cityloop.intake.casefile.application;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.model.CaseFile;
import io.cityloop.platform.concurrency.ConcurrentChangeRetry;

/**
 * Runs a command on a fresh copy of a case and saves it; a concurrent change (optimistic lock) is retried on a newer
 * copy, because the command is decided against the case's state, not against what the caller saw.
 */
@Component
public class CaseCommands {

    private static final ConcurrentChangeRetry RETRY = ConcurrentChangeRetry.upTo(3);

    private final CaseFileStore store;

    CaseCommands(CaseFileStore store) {
        this.store = store;
    }

    public CaseFile apply(String caseId, Consumer<CaseFile> command) {
        return RETRY.run(() -> {
            CaseFile file = load(caseId);
            command.accept(file);
            store.save(file);
            return file;
        });
    }

    public CaseFileStore store() {
        return store;
    }

    public CaseFile load(String caseId) {
        return store.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }
}
