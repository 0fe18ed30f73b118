package io.cityloop.intake.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that must not carry a MongoDB query operator ({@code $gt}, {@code {$ne: …}}, {@code $where}). Queries are
 * built with typed criteria, so such text could not reach the database as an operator anyway; it is refused
 * because no honest report contains one and probing attempts should show up as 400s (rule {@code plain-text}).
 *
 * <p>Nor may it carry characters that are not text: control characters other than tab and line breaks (a NUL, a
 * terminal escape), the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069),
 * which make text read differently from what it holds, and unpaired surrogates, which the database would silently
 * replace. Descriptions of citizens' reports are shown back to anyone through Open311, so what is stored must be
 * what a reader sees.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text, without a query operator such as $gt or $where, control "
            + "characters or direction overrides";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PlainText, String> {

        private static final Pattern OPERATOR = Pattern.compile("(^|[\\s{\\[,:\"'(])\\$[A-Za-z_]");

        public static boolean isPlain(String value) {
            return value == null || !OPERATOR.matcher(value).find() && onlyText(value);
        }

        private static boolean onlyText(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c) || isControl(c) || isDirectionControl(c)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isControl(char c) {
            return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
        }

        private static boolean isDirectionControl(char c) {
            return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlain(value);
        }
    }
}
