package dev.arcade.iam;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A session of the operator role: who STS says the caller is, and the temporary credentials that
 * make the calls. Given code.
 *
 * @param callerArn the ARN GetCallerIdentity returns for these credentials, for example
 *     {@code arn:aws:sts::123456789012:assumed-role/OperatorRole/support-ticket-4711}
 * @param credentials the temporary credentials AssumeRole returned: access key id, secret key,
 *     session token and expiration
 */
public record OperatorSession(String callerArn, AwsSessionCredentials credentials) {

    /**
     * Checks the parts.
     *
     * @param callerArn the caller's ARN
     * @param credentials the temporary credentials
     */
    public OperatorSession {
        Objects.requireNonNull(callerArn, "callerArn");
        Objects.requireNonNull(credentials, "credentials");
    }
}
