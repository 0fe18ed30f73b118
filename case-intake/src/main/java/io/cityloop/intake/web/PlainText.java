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
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text, without a query operator such as $gt or $where";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PlainText, String> {

        private static final Pattern OPERATOR = Pattern.compile("(^|[\\s{\\[,:\"'(])\\$[A-Za-z_]");

        public static boolean isPlain(String value) {
            return value == null || !OPERATOR.matcher(value).find();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlain(value);
        }
    }
}
