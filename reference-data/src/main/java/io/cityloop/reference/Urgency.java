package io.cityloop.reference;

/** 紧急 / 较急 / 一般 / 疑难: how quickly a category must be handled. */
public enum Urgency {
    URGENT,
    QUICK,
    ORDINARY,
    COMPLEX
}
