package dev.arcade.lambda.iam;

import static dev.arcade.lambda.iam.Requests.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicyKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Sources: IAM API Reference, "GetRole", "ListRolePolicies", "GetRolePolicy", "ListAttachedRolePolicies",
 * "GetPolicy", "GetPolicyVersion" (URL-encoded documents, Marker and IsTruncated); IAM User Guide, "The
 * confused deputy problem"; Lambda Developer Guide, "Lambda execution role" (the trust policy).
 */
@DisplayName("RolePolicies")
class RolePoliciesTest {

    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/service-role/ScoresRole";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:submit-score";
    private static final String MANAGED = "arn:aws:iam::" + ACCOUNT + ":policy/ScoresAccess";
    private static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/Boundary";

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private static String encoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    /** IAM as the emulator answers it: inline policies over two pages, one managed policy, a boundary. */
    static final class FakeIam implements IamClient {
        final List<String> calls = new ArrayList<>();
        String boundaryArn = BOUNDARY;
        String trust = encoded(TRUST);

        @Override
        public GetRoleResponse getRole(GetRoleRequest r) {
            calls.add("GetRole " + r.roleName());
            if (!"ScoresRole".equals(r.roleName())) {
                throw NoSuchEntityException.builder()
                        .message("The role with name " + r.roleName() + " cannot be found.")
                        .build();
            }
            Role.Builder role = Role.builder()
                    .roleName("ScoresRole")
                    .arn(ROLE_ARN)
                    .path("/service-role/")
                    .assumeRolePolicyDocument(trust);
            if (boundaryArn != null) {
                role.permissionsBoundary(AttachedPermissionsBoundary.builder()
                        .permissionsBoundaryArn(boundaryArn)
                        .permissionsBoundaryType("Policy")
                        .build());
            }
            return GetRoleResponse.builder().role(role.build()).build();
        }

        @Override
        public ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest r) {
            calls.add("ListRolePolicies " + r.marker());
            if (r.marker() == null) {
                return ListRolePoliciesResponse.builder()
                        .policyNames("WriteScores")
                        .isTruncated(true)
                        .marker("page-2")
                        .build();
            }
            return ListRolePoliciesResponse.builder()
                    .policyNames("ReadScores")
                    .isTruncated(false)
                    .build();
        }

        @Override
        public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest r) {
            calls.add("GetRolePolicy " + r.policyName());
            String doc = switch (r.policyName()) {
                case "WriteScores" ->
                    encoded(allow("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Scores"));
                // as some emulators return it: not encoded
                default -> allow("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Scores");
            };
            return GetRolePolicyResponse.builder()
                    .roleName(r.roleName())
                    .policyName(r.policyName())
                    .policyDocument(doc)
                    .build();
        }

        @Override
        public ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest r) {
            calls.add("ListAttachedRolePolicies " + r.marker());
            return ListAttachedRolePoliciesResponse.builder()
                    .attachedPolicies(AttachedPolicy.builder()
                            .policyName("ScoresAccess")
                            .policyArn(MANAGED)
                            .build())
                    .isTruncated(false)
                    .build();
        }

        @Override
        public GetPolicyResponse getPolicy(GetPolicyRequest r) {
            calls.add("GetPolicy " + r.policyArn());
            return GetPolicyResponse.builder()
                    .policy(Policy.builder()
                            .arn(r.policyArn())
                            .defaultVersionId(MANAGED.equals(r.policyArn()) ? "v2" : "v1")
                            .build())
                    .build();
        }

        @Override
        public GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest r) {
            calls.add("GetPolicyVersion " + r.policyArn() + " " + r.versionId());
            String doc;
            if (BOUNDARY.equals(r.policyArn())) {
                doc = allow("dynamodb:*", "*");
            } else if ("v2".equals(r.versionId())) {
                doc = allow("logs:PutLogEvents", "*");
            } else {
                doc = allow("s3:*", "*");
            }
            return GetPolicyVersionResponse.builder()
                    .policyVersion(PolicyVersion.builder()
                            .versionId(r.versionId())
                            .isDefaultVersion(true)
                            .document(encoded(doc))
                            .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return "iam";
        }

        @Override
        public void close() {}
    }

    @Test
    @DisplayName("reads the inline policies of every page, the managed policy's default version and the boundary")
    void load() {
        FakeIam iam = new FakeIam();
        RolePolicies.Loaded role = RolePolicies.load(iam, "ScoresRole");
        assertThat(role.roleArn()).isEqualTo(ROLE_ARN);
        assertThat(role.policies().names(PolicyKind.IDENTITY)).containsExactly("WriteScores", "ReadScores", MANAGED);
        assertThat(role.policies().names(PolicyKind.PERMISSIONS_BOUNDARY)).containsExactly(BOUNDARY);
        assertThat(iam.calls)
                .contains("ListRolePolicies page-2", "GetPolicyVersion " + MANAGED + " v2")
                .doesNotContain("GetPolicyVersion " + MANAGED + " v1");
    }

    @Test
    @DisplayName("the loaded policies decide as IAM would: the boundary limits the managed policy's logs grant")
    void loadedPoliciesDecide() {
        RolePolicies.Loaded role = RolePolicies.load(new FakeIam(), "ScoresRole");
        RoleSession session = new RoleSession(ACCOUNT, "us-east-1", "ScoresRole", ROLE_ARN, "submit-score");
        ExecutionRoleGate gate = ExecutionRoleGate.withoutKeySchemas();
        assertThat(gate.authorize(
                                Requests.dynamodb("PutItem", "{\"TableName\":\"Scores\",\"Item\":{}}"),
                                session,
                                role.policies())
                        .allowed())
                .isTrue();
        GateDecision logs = gate.authorize(
                Requests.logs("PutLogEvents", "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}"),
                session,
                role.policies());
        assertThat(logs.allowed()).isFalse();
        assertThat(logs.message()).endsWith("because no permissions boundary allows the logs:PutLogEvents action");
    }

    @Test
    @DisplayName("a role without a boundary gives a set without one")
    void noBoundary() {
        FakeIam iam = new FakeIam();
        iam.boundaryArn = null;
        assertThat(RolePolicies.policySet(iam, "ScoresRole").hasPermissionsBoundary())
                .isFalse();
    }

    @Test
    @DisplayName("a missing role is IAM's NoSuchEntityException")
    void missingRole() {
        assertThatThrownBy(() -> RolePolicies.load(new FakeIam(), "scoresrole"))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    @DisplayName("decode percent-decodes text starting with %7B, keeps a plus, and leaves JSON as it is")
    void decode() {
        assertThat(RolePolicies.decode("%7B%22a%22%3A%22b+c%20d%22%7D")).isEqualTo("{\"a\":\"b+c d\"}");
        assertThat(RolePolicies.decode("%7b%7d")).isEqualTo("{}");
        assertThat(RolePolicies.decode(" {\"a\":\"%7B\"} ")).isEqualTo("{\"a\":\"%7B\"}");
    }

    @Test
    @DisplayName("the Lambda trust policy lets lambda.amazonaws.com assume the role")
    void trustAllowsLambda() {
        RolePolicies.Loaded role = RolePolicies.load(new FakeIam(), "ScoresRole");
        assertThat(RolePolicies.trustAllowsLambda(role, FUNCTION_ARN)).isTrue();
    }

    @Test
    @DisplayName("a trust policy for another service does not let Lambda assume the role")
    void otherService() {
        PolicyDocument ec2 = PolicyDocument.parse(TRUST.replace("lambda.amazonaws.com", "ec2.amazonaws.com"));
        assertThat(RolePolicies.trustAllowsLambda(ec2, ROLE_ARN, FUNCTION_ARN)).isFalse();
        assertThat(RolePolicies.trustDecision(ec2, ROLE_ARN, FUNCTION_ARN).explanation())
                .isNotBlank();
    }

    @Test
    @DisplayName("aws:SourceAccount and aws:SourceArn conditions see the function's account and ARN")
    void confusedDeputy() {
        String conditioned = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"%s\"},"
                + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:lambda:us-east-1:%s:function:submit-*\"}}}]}";
        PolicyDocument own = PolicyDocument.parse(String.format(conditioned, ACCOUNT, ACCOUNT));
        assertThat(RolePolicies.trustAllowsLambda(own, ROLE_ARN, FUNCTION_ARN)).isTrue();
        assertThat(RolePolicies.trustAllowsLambda(
                        own, ROLE_ARN, "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:leaderboard"))
                .isFalse();
        PolicyDocument other = PolicyDocument.parse(String.format(conditioned, "210987654321", "210987654321"));
        assertThat(RolePolicies.trustAllowsLambda(other, ROLE_ARN, FUNCTION_ARN))
                .isFalse();
    }

    @Test
    @DisplayName("a function ARN that is not one is refused")
    void badFunctionArn() {
        assertThatThrownBy(() -> RolePolicies.trustAllowsLambda(PolicyDocument.parse(TRUST), ROLE_ARN, "submit-score"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arn:aws:lambda:REGION:ACCOUNT:function:NAME");
    }
}
