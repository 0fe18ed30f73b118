package io.cityloop.intake.casefile.application;

import java.util.function.Consumer;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import io.cityloop.intake.casefile.model.CaseFile;

/**
 * Runs a command on a fresh copy of a case and saves it; a concurrent change (optimistic lock) is retried on a newer
 * copy, because the command is decided against the case's state, not against what the caller saw.
 */
@Component
public class CaseCommands {

    private static final int ATTEMPTS = 3;

    private final CaseFileStore store;

    CaseCommands(CaseFileStore store) {
        this.store = store;
    }

    public CaseFile apply(String caseId, Consumer<CaseFile> command) {
        for (int attempt = 1; ; attempt++) {
            CaseFile file = load(caseId);
            command.accept(file);
            try {
                store.save(file);
                return file;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public CaseFileStore store() {
        return store;
    }

    public CaseFile load(String caseId) {
        return store.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }
}
