package dev.arcade.lambda.runtime;

import java.security.SecureRandom;

/**
 * The temporary credentials an execution environment gets for its execution role's session, as
 * Lambda passes them in {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * {@code AWS_SESSION_TOKEN}. The kit knows the session by its access key ID ({@code ASIA...}, as
 * AWS's temporary keys start) when the function's requests reach the front.
 *
 * @param accessKeyId an {@code ASIA} key ID of 20 characters
 * @param secretAccessKey 40 characters
 * @param sessionToken a random token
 */
public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** New random credentials. */
    public static RoleCredentials random() {
        return new RoleCredentials(
                "ASIA" + random(UPPER, 16), random(MIXED, 40), "IQoJb3JpZ2luX2Vj" + random(MIXED, 120));
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
