package dev.arcade.functions;

import dev.arcade.evaluators.iam.PolicyDocument;
import dev.arcade.evaluators.iam.PolicySet;
import dev.arcade.kit.ResourceNames;
import dev.arcade.lambda.iam.RolePolicies;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/** The role of exercise 3.6's stream test, and what the learner added to it. */
final class Stream36Fixtures {
    /** The kit's inline policy on the role: the item calls the top-10 function makes. */
    static final String ITEM_ACCESS = "ItemAccess";

    private Stream36Fixtures() {}

    /**
     * A role Lambda may assume, with the basic execution policy and the table's item calls that
     * {@link TopTenStore} makes (GetItem, PutItem on the table), but nothing on the stream.
     *
     * @return the role's ARN
     */
    static String roleWithItemAccessOnly(IamClient iam, ResourceNames names, ScoresTables.Table table) {
        String name = names.unique("TopTenRole");
        String arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(Functions.LAMBDA_TRUST))
                .role()
                .arn();
        iam.attachRolePolicy(b -> b.roleName(name).policyArn(Functions.BASIC_EXECUTION));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"dynamodb:GetItem\",\"dynamodb:PutItem\"],\"Resource\":\"" + table.arn() + "\"}]}";
        iam.putRolePolicy(b -> b.roleName(name).policyName(ITEM_ACCESS).policyDocument(policy));
        return arn;
    }

    /** The policies on the role that the kit did not put there: the learner's, inline or attached. */
    static PolicySet learnersPolicies(IamClient iam, String roleName) {
        PolicySet.Builder set = PolicySet.builder();
        for (String name :
                iam.listRolePoliciesPaginator(b -> b.roleName(roleName)).policyNames()) {
            if (!name.equals(ITEM_ACCESS)) {
                String document = iam.getRolePolicy(b -> b.roleName(roleName).policyName(name))
                        .policyDocument();
                set.identityPolicy(name, PolicyDocument.parse(RolePolicies.decode(document)));
            }
        }
        for (AttachedPolicy attached :
                iam.listAttachedRolePoliciesPaginator(b -> b.roleName(roleName)).attachedPolicies()) {
            if (!attached.policyArn().equals(Functions.BASIC_EXECUTION)) {
                String version = iam.getPolicy(b -> b.policyArn(attached.policyArn()))
                        .policy()
                        .defaultVersionId();
                String document = iam.getPolicyVersion(
                                b -> b.policyArn(attached.policyArn()).versionId(version))
                        .policyVersion()
                        .document();
                set.identityPolicy(attached.policyArn(), PolicyDocument.parse(RolePolicies.decode(document)));
            }
        }
        return set.build();
    }

    /** The principal of the function's role session: {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION}. */
    static String session(String roleArn, String function) {
        String account = roleArn.split(":")[4];
        return "arn:aws:sts::" + account + ":assumed-role/" + roleArn.substring(roleArn.lastIndexOf('/') + 1) + "/"
                + function;
    }
}
