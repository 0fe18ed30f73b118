package io.cityloop.dispatch.task.application;

/** 处理反馈: what the unit reports, with an optional reference to a stored photo of the result. */
public record Feedback(String note, String photoRef) {
}
