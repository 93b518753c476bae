package dev.arcade.functions;

import dev.arcade.kit.ResourceNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Creates scores tables for the tests (the kit's client, not the learner's). */
final class ScoresTables {
    /**
     * A scores table as the tests see it.
     *
     * @param name the table's name
     * @param arn the table's ARN
     * @param streamArn the ARN of its stream (new and old images)
     */
    record Table(String name, String arn, String streamArn) {
        /** The ARN of its {@value ScoreTable#LEADERBOARD_INDEX} index. */
        String indexArn() {
            return arn + "/index/" + ScoreTable.LEADERBOARD_INDEX;
        }
    }

    private ScoresTables() {}

    /** Creates a table of the given layout with a unique name and waits until it exists. */
    static Table create(DynamoDbClient dynamo, ResourceNames names) {
        String name = names.unique("Scores");
        dynamo.createTable(ScoreTable.definition(name));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        return new Table(name, table.tableArn(), table.latestStreamArn());
    }
}
