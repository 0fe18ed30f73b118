package io.cityloop.assessment.scheme.model;

/**
 * One weighted part of a composite score: {@code weight × value}, or {@code weight × (1 − value)} when
 * {@code complement} (e.g. 1 − 返工率).
 *
 * @param whenUndefined the value used when the indicator is undefined (a rate over zero); the scheme says it
 */
public record Term(String indicator, double weight, boolean complement, double whenUndefined) {
}
