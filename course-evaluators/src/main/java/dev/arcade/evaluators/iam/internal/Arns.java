package dev.arcade.evaluators.iam.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The general syntax of ARNs and account IDs, which every kind of ARN shares; what a principal's
 * ARN says is read by the evaluator's {@code PrincipalArn}.
 *
 * <p>This class is an implementation helper of the IAM evaluator; its shape may change.
 */
public final class Arns {

    /**
     * An AWS account ID is a 12-digit number (AWS Account Management Reference Guide, "View AWS
     * account identifiers").
     */
    public static final int ACCOUNT_ID_LENGTH = 12;

    /** A regular expression for an account ID: exactly {@link #ACCOUNT_ID_LENGTH} ASCII digits. */
    public static final String ACCOUNT_ID_REGEX = "\\d{" + ACCOUNT_ID_LENGTH + "}";

    /**
     * An ARN has six colon-separated components, {@code arn:partition:service:region:account-id:resource},
     * the last of which may itself contain colons (IAM User Guide, "Identify AWS resources with
     * Amazon Resource Names (ARNs)").
     */
    public static final int COMPONENTS = 6;

    /** The zero-based position of the account ID among an ARN's {@link #COMPONENTS}. */
    public static final int ACCOUNT_COMPONENT = 4;

    private static final Pattern ACCOUNT_ID = Pattern.compile(ACCOUNT_ID_REGEX);

    private Arns() {}

    /**
     * Tells whether text is an account ID.
     *
     * @param text any text
     * @return true for exactly 12 digits
     */
    public static boolean isAccountId(String text) {
        return ACCOUNT_ID.matcher(text).matches();
    }

    /**
     * Splits an ARN into its components; the resource component keeps any colons it contains.
     *
     * @param arn an ARN, or any other string
     * @return the components: {@link #COMPONENTS} of them for an ARN, fewer for other strings
     */
    public static String[] components(String arn) {
        return arn.split(":", COMPONENTS);
    }

    /**
     * Tells whether a string has the six components of an ARN.
     *
     * @param arn any string
     * @return true when it splits into {@link #COMPONENTS} components
     */
    public static boolean hasAllComponents(String arn) {
        return components(arn).length == COMPONENTS;
    }

    /**
     * The account an ARN names, for ARNs that name one: S3 bucket and object ARNs, for example,
     * leave the account component empty.
     *
     * @param arn an ARN, or any other string
     * @return the account ID, or empty when the string has no account component holding one
     */
    public static Optional<String> account(String arn) {
        String[] parts = components(arn);
        return parts.length == COMPONENTS && isAccountId(parts[ACCOUNT_COMPONENT])
                ? Optional.of(parts[ACCOUNT_COMPONENT])
                : Optional.empty();
    }
}
