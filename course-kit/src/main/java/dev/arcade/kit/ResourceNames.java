package dev.arcade.kit;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Unique resource names, so tests can share one emulator and run in any order.
 *
 * <p>{@code names.unique("Scores")} gives {@code Scores-k3x9q2}: the base you chose, so a failure
 * message still says what the resource is for, and six random characters. The result is valid as a
 * DynamoDB table, IAM role or policy, Lambda function, log group or metric namespace name.
 */
public final class ResourceNames {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A name helper; one per test is handed out by the kit, but any instance works the same. */
    public ResourceNames() {}

    /** {@code base} followed by a dash and six random characters; at most 64 characters in all. */
    public String unique(String base) {
        StringBuilder sb = new StringBuilder(base.length() + 7);
        String b = base.length() > 57 ? base.substring(0, 57) : base;
        sb.append(b).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** Like {@link #unique(String)} but lower case, for services that want it. */
    public String uniqueLowerCase(String base) {
        return unique(base).toLowerCase(Locale.ROOT);
    }
}
