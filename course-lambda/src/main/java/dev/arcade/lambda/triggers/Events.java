package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** What the event builders share: the mapper, the services' time formats and id shapes. */
final class Events {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** API Gateway's {@code requestTime}: {@code 09/Apr/2015:12:34:56 +0000}. */
    static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** S3's and SNS's {@code eventTime}/{@code Timestamp}: ISO 8601 with milliseconds. */
    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** EventBridge's {@code time}: ISO 8601 to the second. */
    static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Events() {}

    static String uuid(Random random) {
        return new UUID(
                        (random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    static String hex(Random random, int length, boolean upper) {
        StringBuilder out = new StringBuilder(length);
        String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        for (int i = 0; i < length; i++) {
            out.append(digits.charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    static String base64(Random random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    static Instant seconds(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS);
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void requireAccount(String account) {
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException("an account ID has exactly 12 digits, not \"" + account + "\"");
        }
    }
}
