package io.cityloop.assessment.facts.application;

import java.util.List;

import io.cityloop.assessment.facts.model.CaseFacts;

/** Snapshots of a month's case facts taken when the month is frozen; a snapshot never changes. */
public interface FrozenFactsStore {

    void save(String snapshotId, List<CaseFacts> facts);

    List<CaseFacts> load(String snapshotId);

    /** Removes a snapshot that lost the race to freeze the month. */
    void delete(String snapshotId);
}
