package dev.arcade.kit.lambda.learner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The learner's first DynamoDB function: {@code DynamoDbClient.create()} in a static field (region and
 * credentials from the environment Lambda sets), PutItem then GetItem on {@code TABLE_NAME}. In:
 * {"player": ..., "points": N}; out: {"player": ..., "stored": N}. Logs through the Lambda logger and
 * {@code System.err}.
 */
public class ScoreStore implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final DynamoDbClient DYNAMO = DynamoDbClient.create();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String table = System.getenv("TABLE_NAME");
        String player = String.valueOf(event.get("player"));
        String points = String.valueOf(event.get("points"));
        context.getLogger().log("saving score of " + player);
        DYNAMO.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "player", AttributeValue.fromS(player),
                        "points", AttributeValue.fromN(points))));
        Map<String, AttributeValue> item = DYNAMO.getItem(b -> b.tableName(table)
                        .key(Map.of("player", AttributeValue.fromS(player)))
                        .consistentRead(true))
                .item();
        System.err.println("stored points for " + player + " on stderr");
        return Map.of(
                "player", player, "stored", Integer.parseInt(item.get("points").n()));
    }
}
