package dev.arcade.functions;

import dev.arcade.kit.ResourceNames;
import software.amazon.awssdk.services.iam.IamClient;

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
}
