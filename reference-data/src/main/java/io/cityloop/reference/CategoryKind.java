package io.cityloop.reference;

/** 部件 (a component, type code 01) or 事件 (an event, type code 02). */
public enum CategoryKind {
    COMPONENT,
    EVENT
}
