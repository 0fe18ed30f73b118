package io.cityloop.intake.casefile.model;

import java.util.List;

/**
 * What the case gathered on its way: the photos attached to it, its timeline (案件流转记录), how many events it
 * caused itself, and which of the command center's events it has applied (each at most once).
 */
public record History(List<PhotoRef> photos, List<TimelineEntry> timeline, long eventCount,
                      List<String> appliedEventIds) {

    static final History NONE = new History(List.of(), List.of(), 0, List.of());

    public History {
        photos = photos == null ? List.of() : List.copyOf(photos);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
    }
}
