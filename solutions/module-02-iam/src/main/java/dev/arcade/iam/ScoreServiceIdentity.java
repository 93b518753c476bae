package dev.arcade.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.policybuilder.iam.IamValue;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;

/**
 * Exercises 2.1 to 2.3: the identity of the score function, an IAM role with exactly the permissions
 * the score service needs.
 */
public final class ScoreServiceIdentity {
    /** The AWS managed policy for function logs; AWS keeps service-role policies under that path. */
    static final String BASIC_EXECUTION_ROLE = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    private final IamClient iam;

    /**
     * @param iam the client to create the role and its policies with
     */
    public ScoreServiceIdentity(IamClient iam) {
        this.iam = iam;
    }

    /**
     * Exercise 2.1: creates the score function's execution role, which only Lambda may assume.
     *
     * @param roleName the role's name
     * @return the new role's ARN
     */
    public String createExecutionRole(String roleName) {
        IamPolicy trust = IamPolicy.builder()
                .addStatement(s -> s.effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.SERVICE, "lambda.amazonaws.com")
                        .addAction("sts:AssumeRole"))
                .build();
        return iam.createRole(r -> r.roleName(roleName)
                        .assumeRolePolicyDocument(trust.toJson())
                        .description("Execution role of the Arcade score function"))
                .role()
                .arn();
    }

    /**
     * Exercise 2.2: the score service's DynamoDB access, as an inline policy.
     *
     * @param roleName the role
     * @param table the scores table
     */
    public void grantTableAccess(String roleName, ScoresTable table) {
        IamPolicy policy = IamPolicy.builder()
                .addStatement(s -> s.sid("ScoreItems")
                        .effect(IamEffect.ALLOW)
                        .addAction("dynamodb:GetItem")
                        .addAction("dynamodb:PutItem")
                        .addAction("dynamodb:UpdateItem")
                        .addAction("dynamodb:Query")
                        .addResource(table.arn()))
                .addStatement(s -> s.sid("Leaderboards")
                        .effect(IamEffect.ALLOW)
                        .addAction("dynamodb:Query")
                        .addResource(table.arn() + "/index/" + ScoresTable.LEADERBOARD_INDEX))
                .build();
        iam.putRolePolicy(
                r -> r.roleName(roleName).policyName("ScoreTableAccess").policyDocument(policy.toJson()));
    }

    /**
     * Exercise 2.3: attaches the AWS managed policy for function logs.
     *
     * @param roleName the role
     */
    public void attachLogging(String roleName) {
        iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(BASIC_EXECUTION_ROLE));
    }

    /**
     * Exercise 2.3: the actions the logging policy's default version grants.
     *
     * @return the actions
     */
    public List<String> loggingActions() {
        Policy policy = iam.getPolicy(r -> r.policyArn(BASIC_EXECUTION_ROLE)).policy();
        String document = iam.getPolicyVersion(
                        r -> r.policyArn(BASIC_EXECUTION_ROLE).versionId(policy.defaultVersionId()))
                .policyVersion()
                .document();
        // IAM returns the document URL-encoded (moto does not); a JSON document never starts with '%'.
        String json = document.startsWith("%") ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
        return IamPolicy.fromJson(json).statements().stream()
                .map(IamStatement::actions)
                .flatMap(List::stream)
                .map(IamValue::value)
                .toList();
    }
}
