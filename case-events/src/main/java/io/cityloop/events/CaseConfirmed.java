package io.cityloop.events;

/**
 * 核实结果: the inspector's answer on site. {@code CONFIRMED} (属实) sends the report on to filing; {@code REFUTED}
 * (不属实) rejects it, and a {@link CaseRejected} with reason {@code NOT_CONFIRMED} follows.
 *
 * @param onTime whether the answer came within the time limit (按时核实)
 */
public record CaseConfirmed(
        String caseId,
        String result,
        String note,
        boolean onTime,
        Actor actor) implements CaseEventData {
}
