package dev.arcade.iam;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Exercises 2.5 and 2.8: temporary credentials for Arcade's support vendor.
 */
public final class OperatorAccess {
    private final IamClient iam;
    private final StsClient sts;

    /**
     * @param iam the client to create the role with
     * @param sts the client to assume the role with
     */
    public OperatorAccess(IamClient iam, StsClient sts) {
        this.iam = iam;
        this.sts = sts;
    }

    /**
     * Creates the operator role: only {@code operatorArn}, only with the external id.
     *
     * @param roleName the role's name
     * @param operatorArn the vendor's IAM user
     * @param externalId the agreed external id
     * @return the new role's ARN
     */
    public String createOperatorRole(String roleName, String operatorArn, String externalId) {
        IamPolicy trust = IamPolicy.builder()
                .addStatement(s -> s.effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.AWS, operatorArn)
                        .addAction("sts:AssumeRole")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "sts:ExternalId", externalId))
                .build();
        return iam.createRole(r -> r.roleName(roleName)
                        .assumeRolePolicyDocument(trust.toJson())
                        .description("Assumed by the support vendor's tool")
                        .maxSessionDuration(3600))
                .role()
                .arn();
    }

    /**
     * Assumes the operator role and asks STS who the temporary credentials belong to.
     *
     * @param roleArn the operator role
     * @param sessionName the role session's name
     * @param externalId the agreed external id
     * @return the caller's ARN and the temporary credentials
     */
    public OperatorSession assumeOperatorRole(String roleArn, String sessionName, String externalId) {
        Credentials issued = sts.assumeRole(
                        r -> r.roleArn(roleArn).roleSessionName(sessionName).externalId(externalId))
                .credentials();
        AwsSessionCredentials temporary = temporary(issued);
        try (StsClient asOperator = StsClient.builder()
                .credentialsProvider(StaticCredentialsProvider.create(temporary))
                .build()) {
            return new OperatorSession(asOperator.getCallerIdentity().arn(), temporary);
        }
    }

    /**
     * Exercise 2.8: assumes the operator role with a read-only session policy.
     *
     * @param roleArn the operator role
     * @param sessionName the role session's name
     * @param externalId the agreed external id
     * @param table the scores table
     * @return the temporary credentials of the read-only session
     */
    public AwsSessionCredentials assumeReadOnly(
            String roleArn, String sessionName, String externalId, ScoresTable table) {
        // The session gets the intersection of the role's policies and this one: it can only take away.
        IamPolicy readOnly = IamPolicy.builder()
                .addStatement(s -> s.effect(IamEffect.ALLOW)
                        .addAction("dynamodb:GetItem")
                        .addAction("dynamodb:Query")
                        .addResource(table.arn())
                        .addResource(table.arn() + "/index/*"))
                .build();
        return temporary(sts.assumeRole(r -> r.roleArn(roleArn)
                        .roleSessionName(sessionName)
                        .externalId(externalId)
                        .policy(readOnly.toJson()))
                .credentials());
    }

    private static AwsSessionCredentials temporary(Credentials issued) {
        return AwsSessionCredentials.builder()
                .accessKeyId(issued.accessKeyId())
                .secretAccessKey(issued.secretAccessKey())
                .sessionToken(issued.sessionToken())
                .expirationTime(issued.expiration())
                .build();
    }
}
