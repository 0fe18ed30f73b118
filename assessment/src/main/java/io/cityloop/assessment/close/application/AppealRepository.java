package io.cityloop.assessment.close.application;

import java.util.List;
import java.util.Optional;

import io.cityloop.assessment.close.model.Appeal;

/** Appeals (申诉); a decision is a conditional update on the appeal still being pending. */
public interface AppealRepository {

    void insert(Appeal appeal);

    Optional<Appeal> find(String id);

    List<Appeal> ofMonth(String month);

    /** Stores the decided appeal if it was still pending; {@code false} if someone decided it first. */
    boolean decide(Appeal decided);
}
