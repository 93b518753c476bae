package dev.arcade.evaluators.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.evaluators.iam.RequestContext.PrincipalType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: IAM User Guide, "IAM identifiers", section "IAM ARNs", whose examples these are
 * (JohnDoe, JaneDoe with the path division_abc/subdivision_xyz, the role RDSAccess with a path,
 * Accounting-Role assumed by Mary, my-federated-user-name, the account root user); and "AWS JSON
 * policy elements: Principal" for how a policy names an account ("AWS account principals": the
 * account ID or its root ARN) and a role ("IAM role principals").
 */
@DisplayName("Principal ARNs (IAM User Guide, \"IAM identifiers\")")
class PrincipalArnTest {

    @Test
    @DisplayName("an IAM user ARN gives the user's name without its path")
    void user() {
        PrincipalArn jane = PrincipalArn.parse("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/JaneDoe");

        assertThat(jane.type()).isEqualTo(PrincipalType.IAM_USER);
        assertThat(jane.userName()).isEqualTo("JaneDoe");
        assertThat(jane.account()).isEqualTo("123456789012");
        assertThat(jane.partition()).isEqualTo("aws");
        assertThat(jane.roleName()).isNull();
        assertThat(PrincipalArn.parse("arn:aws:iam::123456789012:user/JohnDoe").userName())
                .isEqualTo("JohnDoe");
    }

    @Test
    @DisplayName("a role ARN gives the role's name without its path, and is its own role ARN")
    void role() {
        PrincipalArn role =
                PrincipalArn.parse("arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess");

        assertThat(role.type()).isEqualTo(PrincipalType.ROLE);
        assertThat(role.roleName()).isEqualTo("RDSAccess");
        assertThat(role.roleArn()).isEqualTo(role.arn());
        assertThat(role.sessionName()).isNull();
    }

    @Test
    @DisplayName("an assumed-role session ARN gives the role, the session name and the role's ARN (without path)")
    void roleSession() {
        PrincipalArn mary = PrincipalArn.parse("arn:aws:sts::123456789012:assumed-role/Accounting-Role/Mary");

        assertThat(mary.type()).isEqualTo(PrincipalType.ROLE_SESSION);
        assertThat(mary.roleName()).isEqualTo("Accounting-Role");
        assertThat(mary.sessionName()).isEqualTo("Mary");
        assertThat(mary.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/Accounting-Role");
    }

    @Test
    @DisplayName("a federated user ARN and the root user ARN are recognised, in every partition AWS has")
    void federatedUserAndRoot() {
        PrincipalArn federated = PrincipalArn.parse("arn:aws:sts::123456789012:federated-user/my-federated-user-name");
        PrincipalArn root = PrincipalArn.parse("arn:aws-cn:iam::123456789012:root");

        assertThat(federated.type()).isEqualTo(PrincipalType.FEDERATED_USER);
        assertThat(federated.sessionName()).isEqualTo("my-federated-user-name");
        assertThat(root.type()).isEqualTo(PrincipalType.ROOT);
        assertThat(root.partition()).isEqualTo("aws-cn");
        assertThat(PrincipalArn.parse("arn:aws-us-gov:iam::123456789012:user/JohnDoe")
                        .partition())
                .isEqualTo("aws-us-gov");
    }

    @Test
    @DisplayName("anything else is refused with a message listing the ARN forms a caller can have")
    void refusesOtherArns() {
        assertThat(PrincipalArn.tryParse("arn:aws:iam::123456789012:group/Developers"))
                .isEmpty();
        assertThat(PrincipalArn.tryParse("arn:aws:iam::12345678901:user/JohnDoe"))
                .as("11-digit account")
                .isEmpty();
        assertThat(PrincipalArn.tryParse("arn:example:iam::123456789012:user/JohnDoe"))
                .as("unknown partition")
                .isEmpty();
        assertThatThrownBy(() -> PrincipalArn.parse("arn:aws:s3:::amzn-s3-demo-bucket"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"arn:aws:s3:::amzn-s3-demo-bucket\" is not a principal ARN")
                .hasMessageContaining("arn:aws:sts::123456789012:assumed-role/RoleName/session");
    }

    @Test
    @DisplayName("a session can be given its role's full ARN with path, but only that role's")
    void withRoleArn() {
        PrincipalArn session = PrincipalArn.parse("arn:aws:sts::123456789012:assumed-role/RDSAccess/Mary");

        assertThat(session.withRoleArn("arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess"))
                .hasValueSatisfying(s -> assertThat(s.roleArn())
                        .isEqualTo("arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess"));
        assertThat(session.withRoleArn("arn:aws:iam::123456789012:role/OtherRole"))
                .isEmpty();
        assertThat(session.withRoleArn("arn:aws:iam::444455556666:role/RDSAccess"))
                .as("another account")
                .isEmpty();
        assertThat(PrincipalArn.parse("arn:aws:iam::123456789012:user/JohnDoe")
                        .withRoleArn("arn:aws:iam::123456789012:role/RDSAccess"))
                .as("not a session")
                .isEmpty();
    }

    @Test
    @DisplayName("in a policy an account is named by its ID or its root ARN, and a role by an ARN with any path")
    void policySideNames() {
        assertThat(PrincipalArn.namesAccount("123456789012", "123456789012")).isTrue();
        assertThat(PrincipalArn.namesAccount("arn:aws:iam::123456789012:root", "123456789012"))
                .isTrue();
        assertThat(PrincipalArn.namesAccount("arn:aws:iam::123456789012:root", "444455556666"))
                .isFalse();
        assertThat(PrincipalArn.namesAccount("123456789012", null))
                .as("a caller without account")
                .isFalse();
        assertThat(PrincipalArn.namesRole(
                        "arn:aws:iam::123456789012:role/application_abc/RDSAccess", "123456789012", "RDSAccess"))
                .isTrue();
        assertThat(PrincipalArn.namesRole("arn:aws:iam::123456789012:role/RDSAccess", "444455556666", "RDSAccess"))
                .isFalse();
        assertThat(PrincipalArn.isRoleArn("arn:aws:iam::123456789012:role/RDSAccess"))
                .isTrue();
        assertThat(PrincipalArn.isRoleArn("arn:aws:iam::123456789012:user/JohnDoe"))
                .isFalse();
    }
}
