package dev.arcade.iam;

import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Exercise 2.6: a role for Arcade's developers, capped by a permissions boundary.
 */
public final class DeveloperAccess {
    private final IamClient iam;

    /**
     * @param iam the client to create the boundary and the role with
     */
    public DeveloperAccess(IamClient iam) {
        this.iam = iam;
    }

    /**
     * The developer role's trust policy: it names the account. Given code.
     *
     * @param accountId the account
     * @return the trust policy JSON
     */
    public static String developerTrustPolicy(String accountId) {
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": {"AWS": "arn:aws:iam::%s:root"},
                      "Action": "sts:AssumeRole"
                    }
                  ]
                }""".formatted(accountId);
    }

    /**
     * Creates the boundary policy and the developer role it caps.
     *
     * @param roleName the developer role's name
     * @param boundaryName the boundary policy's name
     * @param table the scores table
     * @return the developer role's ARN
     */
    public String createDeveloperRole(String roleName, String boundaryName, ScoresTable table) {
        // The boundary names itself, so its ARN is known before it exists.
        String boundaryArn = "arn:aws:iam::" + table.accountId() + ":policy/" + boundaryName;
        IamPolicy boundary = IamPolicy.builder()
                .addStatement(s -> s.sid("ScoreTableData")
                        .effect(IamEffect.ALLOW)
                        .addAction("dynamodb:GetItem")
                        .addAction("dynamodb:PutItem")
                        .addAction("dynamodb:UpdateItem")
                        .addAction("dynamodb:DeleteItem")
                        .addAction("dynamodb:Query")
                        .addAction("dynamodb:Scan")
                        .addResource(table.arn())
                        .addResource(table.arn() + "/index/*"))
                .addStatement(s -> s.sid("CreateRolesOnlyWithThisBoundary")
                        .effect(IamEffect.ALLOW)
                        .addAction("iam:CreateRole")
                        .addResource("arn:aws:iam::" + table.accountId() + ":role/*")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "iam:PermissionsBoundary", boundaryArn))
                .build();
        String created = iam.createPolicy(r -> r.policyName(boundaryName).policyDocument(boundary.toJson()))
                .policy()
                .arn();
        return iam.createRole(r -> r.roleName(roleName)
                        .assumeRolePolicyDocument(developerTrustPolicy(table.accountId()))
                        .permissionsBoundary(created))
                .role()
                .arn();
    }
}
