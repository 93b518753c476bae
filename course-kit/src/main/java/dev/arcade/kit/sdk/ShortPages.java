package dev.arcade.kit.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Ends a Query or Scan page early, as DynamoDB does when a page reaches 1 MB before {@code Limit}:
 * the first half of the items (rounded up), and a {@code LastEvaluatedKey} made of the last returned
 * item's key attributes (the table's key, plus the index's for an index). See the Developer Guide,
 * "Paginating table query results": a page can hold fewer items than {@code Limit} while more
 * remain, and only a {@code LastEvaluatedKey} says whether they do.
 */
final class ShortPages {
    /** Key attribute names per table and index, read once with the kit's own client. */
    private static final Map<String, List<String>> KEYS = new ConcurrentHashMap<>();

    private ShortPages() {}

    /** {@code response}, shortened if a short page is planned for this call's operation and it has 2 items or more. */
    static SdkResponse apply(SdkRequest request, SdkResponse response, ApiCall call) {
        List<Map<String, AttributeValue>> items =
                response instanceof QueryResponse q ? q.items() : ((ScanResponse) response).items();
        if (items.size() < 2 || JvmState.faults().take(call.operation(), FaultPlan.Kind.SHORT_PAGE) == null) {
            return response;
        }
        int keep = (items.size() + 1) / 2;
        List<Map<String, AttributeValue>> kept = List.copyOf(items.subList(0, keep));
        Map<String, AttributeValue> last = kept.get(keep - 1);
        String table = request instanceof QueryRequest q ? q.tableName() : ((ScanRequest) request).tableName();
        String index = request instanceof QueryRequest q ? q.indexName() : ((ScanRequest) request).indexName();
        Map<String, AttributeValue> lastKey = new LinkedHashMap<>();
        for (String name : keyAttributes(table, index)) {
            if (last.containsKey(name)) {
                lastKey.put(name, last.get(name));
            }
        }
        call.injected("page cut to " + keep + " of " + items.size() + " items, with a LastEvaluatedKey");
        if (response instanceof QueryResponse q) {
            return q.toBuilder()
                    .items(kept)
                    .count(keep)
                    .lastEvaluatedKey(lastKey)
                    .build();
        }
        ScanResponse s = (ScanResponse) response;
        return s.toBuilder().items(kept).count(keep).lastEvaluatedKey(lastKey).build();
    }

    /** The table's key attributes, then the index's (if any) that are not among them. */
    private static List<String> keyAttributes(String table, String index) {
        return KEYS.computeIfAbsent(table + "|" + (index == null ? "" : index), k -> {
            TableDescription t = JvmState.clients()
                    .dynamoDb()
                    .describeTable(b -> b.tableName(table))
                    .table();
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            t.keySchema().stream().map(KeySchemaElement::attributeName).forEach(names::add);
            if (index != null) {
                t.globalSecondaryIndexes().stream()
                        .filter(g -> g.indexName().equals(index))
                        .map(GlobalSecondaryIndexDescription::keySchema)
                        .flatMap(List::stream)
                        .map(KeySchemaElement::attributeName)
                        .forEach(names::add);
                t.localSecondaryIndexes().stream()
                        .filter(l -> l.indexName().equals(index))
                        .map(LocalSecondaryIndexDescription::keySchema)
                        .flatMap(List::stream)
                        .map(KeySchemaElement::attributeName)
                        .forEach(names::add);
            }
            return List.copyOf(names);
        });
    }
}
