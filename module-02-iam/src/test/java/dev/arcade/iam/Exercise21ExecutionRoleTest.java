package dev.arcade.iam;

import static dev.arcade.iam.PolicyAssert.assertThatPolicies;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.evaluators.iam.PolicyStatement;
import dev.arcade.evaluators.iam.RequestContext;
import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.iam.IamClient;

@AwsTest
@Exercise("2.1")
@DisplayName("2.1 The score function's execution role")
class Exercise21ExecutionRoleTest {

    /** An identity policy that lets its holder assume any role, as an administrator's would. */
    private static final String MAY_ASSUME_ANY_ROLE = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}""";

    private Learner learner;
    private IamClient forLearner;
    private IamReadBack readBack;
    private String account;
    private String roleName;

    @BeforeEach
    void setUp(
            Learner learner, @CodeUnderTest IamClient forLearner, IamClient kit, Backend backend, ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.readBack = new IamReadBack(kit, "2.1");
        this.account = backend.accountId();
        this.roleName = names.unique("ScoreFunctionRole");
    }

    private String createExecutionRole() {
        return learner.call(
                "createExecutionRole(\"" + roleName + "\")",
                () -> new ScoreServiceIdentity(forLearner).createExecutionRole(roleName));
    }

    /**
     * The role's ARN as IAM stores it. A role may have a path (the console puts execution roles under
     * {@code /service-role/}), which is part of its ARN: {@code role/service-role/NAME}.
     */
    private String roleArn() {
        return readBack.role(roleName).arn();
    }

    /** The role's trust policy as IAM stores it: what decides for a service principal. */
    private PolicySet trustPolicy() {
        return PolicySet.builder()
                .resourcePolicy("trust policy of " + roleName, readBack.trustPolicy(roleName))
                .build();
    }

    /**
     * The role's trust policy, for callers whose own identity policy lets them assume any role: a
     * trust policy that names an account (or everyone) would let them in.
     */
    private PolicySet trustPolicyForPermittedCallers() {
        return PolicySet.builder()
                .resourcePolicy("trust policy of " + roleName, readBack.trustPolicy(roleName))
                .identityPolicy("caller's own MayAssumeAnyRole", MAY_ASSUME_ANY_ROLE)
                .build();
    }

    private Access assume(String who, RequestContext.Builder caller) {
        return Access.of(
                who + " calling sts:AssumeRole", caller.action("sts:AssumeRole").resource(roleArn()));
    }

    @Graded(points = 1)
    @DisplayName("creates the role and returns its ARN, with or without a path such as /service-role/")
    void createsTheRoleAndReturnsItsArn() {
        String returned = createExecutionRole();

        String stored = roleArn();
        assertThat(returned)
                .as(
                        "expected createExecutionRole to return the ARN CreateRole gave the new role (%s), but it returned %s",
                        stored, returned)
                .isEqualTo(stored);
        // Any path is fine (/, /service-role/, ...); the ARN must still be this account's role of that name.
        assertThat(stored)
                .as(
                        "expected the role's ARN to be arn:aws:iam::%s:role/[path/]%s, but IAM stores %s",
                        account, roleName, stored)
                .matches("arn:aws:iam::" + account + ":role/(.+/)?" + Pattern.quote(roleName));
    }

    @Graded(points = 2)
    @DisplayName("lets the Lambda service (lambda.amazonaws.com) assume the role")
    void lambdaMayAssumeTheRole() {
        createExecutionRole();

        assertThatPolicies(trustPolicy())
                .as(
                        "the trust policy of %s must name the service principal lambda.amazonaws.com, with no condition that"
                                + " Lambda's request cannot meet (the Lambda guide describes aws:SourceAccount and aws:SourceArn"
                                + " for policies on the function itself, not for assuming its execution role)",
                        roleName)
                .allows(assume("the Lambda service", Callers.service("lambda.amazonaws.com")));
    }

    @Graded(points = 3)
    @DisplayName(
            "lets no user or role assume it, not even an administrator of this account or anyone of another account")
    void noUserOrRoleMayAssumeIt() {
        createExecutionRole();

        assertThatPolicies(trustPolicyForPermittedCallers())
                .as("only Lambda may assume %s: a Principal of \"*\" or {\"AWS\": ...} lets people assume it", roleName)
                .denies(List.of(
                        assume("an IAM user of this account who may assume any role", Callers.user(account, "mallory")),
                        assume(
                                "an administrator's role session in this account",
                                Callers.roleSession(account, "Admin", "someone")),
                        assume(
                                "the root user of this account",
                                RequestContext.builder().principalAccount(account)),
                        assume("an IAM user of another account", Callers.user(Callers.OTHER_ACCOUNT, "mallory")),
                        assume(
                                "the root user of another account",
                                RequestContext.builder().principalAccount(Callers.OTHER_ACCOUNT))));
        // No list of requests can name every user and role: every statement that allows must name Lambda alone.
        PolicyDocument trust = readBack.trustPolicy(roleName);
        for (PolicyStatement statement : trust.statements()) {
            if (statement.effect() != PolicyStatement.Effect.ALLOW) {
                continue;
            }
            JsonNode principal = principalOf(statement);
            assertThat(onlyLambda(principal))
                    .as(
                            "expected every Allow statement of the trust policy of %s to name the Lambda service alone"
                                    + " ({\"Service\": \"lambda.amazonaws.com\"}): whoever else it names may assume the"
                                    + " role and act with its permissions, but statement %d names %s",
                            roleName, statement.index() + 1, statement.isNotPrincipal() ? "a NotPrincipal" : principal)
                    .isTrue();
        }
    }

    private static JsonNode principalOf(PolicyStatement statement) {
        try {
            return new ObjectMapper().readTree(statement.json()).path("Principal");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {"Service": "lambda.amazonaws.com"} or {"Service": ["lambda.amazonaws.com"]}, and nothing else. */
    private static boolean onlyLambda(JsonNode principal) {
        if (!principal.isObject() || principal.size() != 1 || !principal.has("Service")) {
            return false;
        }
        JsonNode service = principal.get("Service");
        List<String> names = new java.util.ArrayList<>();
        if (service.isArray()) {
            service.forEach(n -> names.add(n.asText()));
        } else {
            names.add(service.asText());
        }
        return !names.isEmpty() && names.stream().allMatch("lambda.amazonaws.com"::equals);
    }

    @Graded(points = 2)
    @DisplayName("lets no other AWS service assume it")
    void noOtherServiceMayAssumeIt() {
        createExecutionRole();

        assertThatPolicies(trustPolicy())
                .as("the trust policy of %s must name lambda.amazonaws.com and no other service", roleName)
                .denies(List.of(
                        assume("EC2", Callers.service("ec2.amazonaws.com")),
                        assume("ECS tasks", Callers.service("ecs-tasks.amazonaws.com")),
                        assume("Step Functions", Callers.service("states.amazonaws.com")),
                        assume("API Gateway", Callers.service("apigateway.amazonaws.com")),
                        assume(
                                "Lambda@Edge (another service principal, which the score function does not run on)",
                                Callers.service("edgelambda.amazonaws.com")),
                        assume("a look-alike service name", Callers.service("lambda.amazonaws.com.evil.example"))));
    }

    @Graded(points = 1)
    @DisplayName("grants Lambda sts:AssumeRole only, not every STS action")
    void grantsOnlyAssumeRole() {
        createExecutionRole();

        assertThatPolicies(trustPolicy())
                .as(
                        "the trust policy of %s must allow the action sts:AssumeRole, not sts:*, sts:AssumeRole* or *",
                        roleName)
                .denies(List.of(
                        Access.of(
                                "Lambda tagging its session",
                                Callers.service("lambda.amazonaws.com")
                                        .action("sts:TagSession")
                                        .resource(roleArn())),
                        Access.of(
                                "Lambda setting a source identity",
                                Callers.service("lambda.amazonaws.com")
                                        .action("sts:SetSourceIdentity")
                                        .resource(roleArn())),
                        Access.of(
                                "Lambda assuming it with a web identity token",
                                Callers.service("lambda.amazonaws.com")
                                        .action("sts:AssumeRoleWithWebIdentity")
                                        .resource(roleArn())),
                        Access.of(
                                "Lambda assuming it with a SAML assertion",
                                Callers.service("lambda.amazonaws.com")
                                        .action("sts:AssumeRoleWithSAML")
                                        .resource(roleArn()))));
    }

    @Graded(points = 1)
    @DisplayName("writes the trust policy in the current policy language, Version 2012-10-17")
    void usesTheCurrentPolicyLanguage() {
        createExecutionRole();

        PolicyDocument trust = readBack.trustPolicy(roleName);
        assertThat(trust.version())
                .as(
                        "expected the trust policy of %s to say \"Version\": \"2012-10-17\" (without it IAM falls back to"
                                + " the 2008 language, in which policy variables do not work), but it says %s:%n%s",
                        roleName, trust.version() == null ? "no Version" : trust.version(), trust.json())
                .isEqualTo(PolicyDocument.VERSION_2012);
    }
}
