package io.cityloop.assessment.close.model;

import io.cityloop.assessment.month.model.IllegalTransitionException;

/** 申诉状态: pending until a supervisor upholds (支持) or rejects (驳回) it. */
public enum AppealState {
    PENDING,
    UPHELD,
    REJECTED;

    public AppealState decide(boolean uphold) {
        if (this != PENDING) {
            throw new IllegalTransitionException("the appeal is already " + this);
        }
        return uphold ? UPHELD : REJECTED;
    }
}
