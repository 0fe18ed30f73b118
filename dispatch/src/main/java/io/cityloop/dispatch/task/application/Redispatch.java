package io.cityloop.dispatch.task.application;

/**
 * 改派: a dispatcher's order to send a returned task's case out again.
 *
 * @param unitChoice     a unit id or {@code DISTRICT}; {@code null} lets the routing rules choose
 * @param componentOwner the owner of the component, when the dispatcher knows it, for owner rules
 */
public record Redispatch(String unitChoice, String componentOwner, String reason) {
}
