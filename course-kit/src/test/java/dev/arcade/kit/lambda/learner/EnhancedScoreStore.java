package dev.arcade.kit.lambda.learner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The DynamoDB Enhanced Client in a function: puts the bean it gets and answers the item read back. */
public class EnhancedScoreStore implements RequestHandler<ScoreItem, ScoreItem> {
    private static final DynamoDbTable<ScoreItem> TABLE =
            DynamoDbEnhancedClient.create().table(System.getenv("TABLE_NAME"), TableSchema.fromBean(ScoreItem.class));

    @Override
    public ScoreItem handleRequest(ScoreItem item, Context context) {
        TABLE.putItem(item);
        return TABLE.getItem(Key.builder().partitionValue(item.getPlayer()).build());
    }
}
