package dev.arcade.evaluators.iam;

import static dev.arcade.evaluators.iam.Iam.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: IAM User Guide, "Cross-account policy evaluation logic" and its "Example cross-account
 * policy evaluation" (carlossalazar in 111111111111 writing to buckets in 222222222222). The
 * evaluator models only the basic rule: both accounts must allow.
 */
@DisplayName("Cross-account policy evaluation logic (IAM User Guide), basic rule only")
class CrossAccountTest {

    private static final String CARLOS = "arn:aws:iam::111111111111:user/carlossalazar";

    private static final String CARLOS_POLICY = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {"Sid": "AllowS3ListRead", "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"},
                    {"Sid": "AllowS3ProductionObjectActions", "Effect": "Allow", "Action": "s3:*Object*",
                     "Resource": "arn:aws:s3:::Production/*"},
                    {"Sid": "DenyS3Logs", "Effect": "Deny", "Action": "s3:*",
                     "Resource": ["arn:aws:s3:::*log*", "arn:aws:s3:::*log*/*"]}
                ]
            }""";

    private static final String PRODUCTION_BUCKET_POLICY = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["s3:GetObject*", "s3:PutObject*", "s3:ReplicateObject", "s3:RestoreObject"],
                        "Principal": {"AWS": "arn:aws:iam::111111111111:user/carlossalazar"},
                        "Resource": "arn:aws:s3:::Production/*"
                    }
                ]
            }""";

    private static RequestContext put(String objectArn) {
        return RequestContext.builder()
                .principalArn(CARLOS)
                .action("s3:PutObject")
                .resource(objectArn)
                .context("aws:ResourceAccount", "222222222222")
                .build();
    }

    @Test
    @DisplayName("saving to Production-logs is explicitly denied in Carlos's own account")
    void productionLogsDenied() {
        Decision decision = evaluate(
                put("arn:aws:s3:::Production-logs/app.log"),
                PolicySet.builder()
                        .identityPolicy("carlossalazar-policy", CARLOS_POLICY)
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    @DisplayName("saving to Production is allowed: his identity policy and the bucket policy both allow it")
    void productionAllowed() {
        Decision decision = evaluate(
                put("arn:aws:s3:::Production/app.csv"),
                PolicySet.builder()
                        .identityPolicy("carlossalazar-policy", CARLOS_POLICY)
                        .resourcePolicy("Production bucket policy", PRODUCTION_BUCKET_POLICY)
                        .build());

        assertThat(decision.allowed()).as(decision.explanation()).isTrue();
        assertThat(decision.decidingStatements())
                .extracting(MatchedStatement::kind)
                .containsExactly(PolicyKind.IDENTITY, PolicyKind.RESOURCE);
    }

    @Test
    @DisplayName("across accounts the bucket policy alone is not enough, unlike within one account")
    void resourcePolicyAloneIsNotEnough() {
        Decision decision = evaluate(
                put("arn:aws:s3:::Production/app.csv"),
                PolicySet.builder()
                        .resourcePolicy("Production bucket policy", PRODUCTION_BUCKET_POLICY)
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.explanation())
                .contains("This is a cross-account request")
                .contains("The resource-based policy allows it, but the caller's side does not.");
    }

    @Test
    @DisplayName("across accounts the identity policy alone is not enough either")
    void identityPolicyAloneIsNotEnough() {
        Decision decision = evaluate(
                put("arn:aws:s3:::Production/app.csv"),
                PolicySet.builder()
                        .identityPolicy("carlossalazar-policy", CARLOS_POLICY)
                        .build());

        assertThat(decision.outcome()).as(decision.explanation()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.explanation()).contains("The caller's side allows it, but no resource-based policy does.");
    }

    @Test
    @DisplayName(
            "the account in a resource ARN is used as the resource's account (a Lambda function in another account)")
    void accountFromArn() {
        String function = "arn:aws:lambda:us-east-1:222222222222:function:shared";
        String functionPolicy = Iam.statement("\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111111111111\"},"
                + " \"Action\": \"lambda:InvokeFunction\", \"Resource\": \"" + function + "\"");
        RequestContext request = RequestContext.builder()
                .principalArn("arn:aws:sts::111111111111:assumed-role/Caller/s")
                .action("lambda:InvokeFunction")
                .resource(function)
                .build();

        Decision withIdentity = evaluate(
                request,
                PolicySet.builder()
                        .resourcePolicy("shared function policy", functionPolicy)
                        .identityPolicy(
                                "InvokeShared",
                                Iam.statement("\"Effect\": \"Allow\", \"Action\": \"lambda:InvokeFunction\","
                                        + " \"Resource\": \"" + function + "\""))
                        .build());
        Decision withoutIdentity = evaluate(
                request,
                PolicySet.builder()
                        .resourcePolicy("shared function policy", functionPolicy)
                        .build());

        assertThat(withIdentity.allowed()).as(withIdentity.explanation()).isTrue();
        assertThat(withoutIdentity.allowed()).as(withoutIdentity.explanation()).isFalse();
    }

    @Test
    @DisplayName("assuming a role in another account needs the trust policy and the caller's identity policy")
    void crossAccountAssumeRole() {
        PolicyDocument trust = Iam.policy(
                Iam.statement(
                        "\"Effect\": \"Allow\","
                                + " \"Principal\": {\"AWS\": \"arn:aws:iam::111111111111:user/carlossalazar\"}, \"Action\": \"sts:AssumeRole\""));
        RequestContext carlos = RequestContext.builder()
                .principalArn(CARLOS)
                .action("sts:AssumeRole")
                .resource("arn:aws:iam::222222222222:role/Auditor")
                .build();

        Decision trustOnly = PolicyEvaluator.canAssume(trust, carlos);
        Decision both = PolicyEvaluator.canAssume(
                trust,
                carlos,
                PolicySet.builder()
                        .identityPolicy(
                                "AssumeAuditor",
                                Iam.statement("\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\","
                                        + " \"Resource\": \"arn:aws:iam::222222222222:role/Auditor\""))
                        .build());

        assertThat(trustOnly.allowed()).as(trustOnly.explanation()).isFalse();
        assertThat(both.allowed()).as(both.explanation()).isTrue();
    }
}
