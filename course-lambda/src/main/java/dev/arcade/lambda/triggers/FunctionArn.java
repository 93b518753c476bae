package dev.arcade.lambda.triggers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function ARN, unqualified or qualified with a version or an alias, as the AWS Lambda
 * Developer Guide's "Lambda versions" ("Using versions") and "Lambda function aliases" describe
 * them: {@code arn:aws:lambda:us-east-2:123456789012:function:my-function}, {@code ...:my-function:1}
 * (a version), {@code ...:my-function:PROD} (an alias), {@code ...:my-function:$LATEST}.
 *
 * @param partition for example {@code aws}
 * @param region the function's Region
 * @param account the function's account
 * @param name the function name
 * @param qualifier the version or alias, or null for the unqualified ARN
 */
public record FunctionArn(String partition, String region, String account, String name, String qualifier) {

    /** The version Lambda runs for an unqualified ARN ("Lambda versions"). */
    public static final String LATEST = "$LATEST";

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):lambda:([a-z0-9-]+):(\\d{12}):function:([a-zA-Z0-9-_]{1,64})(?::(\\$LATEST|[a-zA-Z0-9-_]{1,128}))?");

    /**
     * Parses a function ARN.
     *
     * @param arn the ARN
     * @return the parts
     * @throws IllegalArgumentException when it is not a Lambda function ARN
     */
    public static FunctionArn parse(String arn) {
        Matcher m = arn == null ? null : ARN.matcher(arn);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]): " + arn);
        }
        return new FunctionArn(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    /**
     * The ARN without qualifier.
     *
     * @return {@code arn:aws:lambda:R:A:function:NAME}
     */
    public String unqualified() {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + name;
    }

    /**
     * The ARN as given.
     *
     * @return the ARN with its qualifier, if any
     */
    public String arn() {
        return qualifier == null ? unqualified() : unqualified() + ":" + qualifier;
    }

    /**
     * Whether the ARN names a version, as opposed to an alias: a number, or {@code $LATEST}.
     *
     * @return true for a version qualifier
     */
    public boolean isVersion() {
        return qualifier != null
                && (qualifier.equals(LATEST) || qualifier.chars().allMatch(Character::isDigit));
    }

    /**
     * The qualifier to pass to {@code GetPolicy} to get the policy that decides this invocation:
     * each version and alias has its own policy ("Using Lambda aliases in event sources and
     * permissions policies"). {@code $LATEST} and the unqualified ARN share the function's own
     * policy: this is the kit's reading, since AddPermission without a qualifier is what grants
     * access to the unpublished function.
     *
     * @return the version or alias, or empty for the function's own policy
     */
    public Optional<String> policyQualifier() {
        return qualifier == null || qualifier.equals(LATEST) ? Optional.empty() : Optional.of(qualifier);
    }

    /**
     * The ARN a statement's {@code Resource} must name to allow this invocation: the unqualified ARN
     * for an unqualified or {@code $LATEST} invocation, else the version's or the alias's ARN (what
     * {@code AddPermission --qualifier} writes).
     *
     * @return the resource ARN
     */
    public String policyResource() {
        return policyQualifier().map(q -> unqualified() + ":" + q).orElse(unqualified());
    }

    @Override
    public String toString() {
        return arn();
    }
}
