package dev.arcade.functions;

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
    static String roleWithItemAccessOnly(Functions functions, ScoresTables.Table table) {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"dynamodb:GetItem\",\"dynamodb:PutItem\"],\"Resource\":\"" + table.arn() + "\"}]}";
        return functions.role("TopTenRole", ITEM_ACCESS, policy);
    }
}
