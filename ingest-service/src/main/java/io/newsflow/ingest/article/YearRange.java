package io.newsflow.ingest.article;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A date-time whose year (in UTC) lies between {@code min} and {@code max}. The raw-article contract writes dates
 * with a four-digit year: an article dated {@code +10000-01-01} would be accepted here and then dead-lettered by
 * every consumer, so it is refused at the door instead.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = YearRange.Check.class)
public @interface YearRange {

    int min();

    int max();

    String message() default "must be a date in the years {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<YearRange, OffsetDateTime> {

        private int min;
        private int max;

        @Override
        public void initialize(YearRange range) {
            this.min = range.min();
            this.max = range.max();
        }

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int year = value.toInstant().atOffset(ZoneOffset.UTC).getYear();
            return year >= min && year <= max;
        }
    }
}
