package dev.arcade.evaluators.iam.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the date and time values the {@code Date*} condition operators compare: the ISO 8601
 * forms used in policies and in {@code aws:CurrentTime} ({@code 2020-01-01T00:00:00Z},
 * {@code 2020-01-01T00:00:00.000+02:00}, {@code 2020-01-01}), and epoch seconds as used by
 * {@code aws:EpochTime} ({@code 1577836800}).
 *
 * <p>A date-time without an offset is read as UTC, and a bare date as midnight UTC, which is how
 * the IAM User Guide's examples read.
 *
 * <p>This class is an implementation helper of the IAM evaluator; its shape may change.
 */
public final class DateValues {

    /** Epoch seconds may have a fraction down to nanoseconds, the precision of {@link Instant}. */
    private static final int NANOSECOND_DIGITS = 9;

    private DateValues() {}

    /**
     * Parses a policy or request date value.
     *
     * @param text the value
     * @return the instant, or empty when the text is neither ISO 8601 nor epoch seconds
     */
    public static Optional<Instant> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == '-')
                && trimmed.indexOf('-', 1) < 0) {
            try {
                BigDecimal seconds = new BigDecimal(trimmed);
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole))
                        .movePointRight(NANOSECOND_DIGITS)
                        .longValue();
                return Optional.of(Instant.ofEpochSecond(whole, nanos));
            } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException ignored) {
            // fall through to the forms without an offset
        }
        try {
            return Optional.of(LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // fall through to a bare date
        }
        try {
            return Optional.of(LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }
}
