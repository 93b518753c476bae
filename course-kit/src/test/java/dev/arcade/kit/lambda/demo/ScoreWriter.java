package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A demo function with its own AWS SDK: writes a score to TABLE_NAME, as a learner's function would. */
public class ScoreWriter implements RequestHandler<Map<String, String>, String> {
    private static final DynamoDbClient DYNAMO = DynamoDbClient.create();
    private static final String TABLE = System.getenv("TABLE_NAME");

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        DYNAMO.putItem(b -> b.tableName(TABLE)
                .item(Map.of(
                        "player", AttributeValue.fromS(event.get("player")),
                        "score", AttributeValue.fromN(event.get("score")))));
        return "stored " + event.get("player");
    }
}
