package io.cityloop.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cityloop.intake.web.PlainText.Validator;

class PlainTextTest {

    @Test
    void reportsAsPeopleWriteThemArePlainText() {
        assertThat(Validator.isPlain(null)).isTrue();
        assertThat(Validator.isPlain("人民路口暴露垃圾约2平方米，价格$5")).isTrue();
        assertThat(Validator.isPlain("第一行\n第二行\r\n\t缩进")).isTrue();
        // An emoji is a surrogate pair; a family emoji joins several with U+200D; a mark sets direction, harmlessly.
        assertThat(Validator.isPlain("井盖丢了\uD83D\uDE31 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u200Fok")).isTrue();
    }

    @Test
    void queryOperatorsAreNot() {
        assertThat(Validator.isPlain("{\"$gt\": \"\"}")).isFalse();
        assertThat(Validator.isPlain("$where: sleep(1000)")).isFalse();
    }

    @Test
    void controlCharactersAreNot() {
        assertThat(Validator.isPlain("垃圾\u0000x")).isFalse();
        assertThat(Validator.isPlain("垃圾\u001B[31m")).isFalse();
        assertThat(Validator.isPlain("垃圾\u007F")).isFalse();
        assertThat(Validator.isPlain("垃圾\u0085")).isFalse();
    }

    @Test
    void directionOverridesAndIsolatesAreNot() {
        assertThat(Validator.isPlain("photo\u202Egpj.exe")).isFalse();
        assertThat(Validator.isPlain("\u202Aembedded")).isFalse();
        assertThat(Validator.isPlain("\u2066isolated\u2069")).isFalse();
    }

    @Test
    void unpairedSurrogatesAreNot() {
        assertThat(Validator.isPlain("垃圾\uD800")).isFalse();
        assertThat(Validator.isPlain("\uDFFF垃圾")).isFalse();
        assertThat(Validator.isPlain("\uDE31\uD83D")).isFalse();
    }
}
