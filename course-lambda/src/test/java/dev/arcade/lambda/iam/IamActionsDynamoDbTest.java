package dev.arcade.lambda.iam;

import static dev.arcade.lambda.iam.Requests.ACCOUNT;
import static dev.arcade.lambda.iam.Requests.OTHER_ACCOUNT;
import static dev.arcade.lambda.iam.Requests.dynamodb;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sources: Service Authorization Reference, "Actions, resources, and condition keys for Amazon DynamoDB";
 * DynamoDB Developer Guide, "Using IAM policy conditions for fine-grained access control", "Using IAM with
 * DynamoDB transactions", "Security and IAM policies with PartiQL for DynamoDB", "Using IAM with DynamoDB
 * Streams".
 */
@DisplayName("IamActions for DynamoDB")
class IamActionsDynamoDbTest {

    private static final String SCORES = "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Scores";
    private static final Function<String, String> KEYS = table -> switch (table) {
        case "Scores" -> "playerId";
        case "Players" -> "PK";
        case "Scores/index/ByGame" -> "gameId";
        default -> null;
    };

    private static List<ActionRequest> of(AwsRequest r) {
        return IamActions.of(r, ACCOUNT, "us-east-1", KEYS);
    }

    @Nested
    @DisplayName("item operations")
    class Items {

        @Test
        @DisplayName(
                "PutItem is dynamodb:PutItem on the table, with the partition key value and the item's attribute names")
        void putItem() {
            List<ActionRequest> a = of(dynamodb(
                    "PutItem",
                    "{\"TableName\":\"Scores\",\"Item\":{\"playerId\":{\"S\":\"p-1\"},\"score\":{\"N\":\"42\"}},"
                            + "\"ReturnValues\":\"ALL_OLD\",\"ReturnConsumedCapacity\":\"TOTAL\"}"));
            assertThat(a).hasSize(1);
            assertThat(a.get(0).action()).isEqualTo("dynamodb:PutItem");
            assertThat(a.get(0).resource()).isEqualTo(SCORES);
            assertThat(a.get(0).context())
                    .containsEntry("dynamodb:LeadingKeys", List.of("p-1"))
                    .containsEntry("dynamodb:Attributes", List.of("playerId", "score"))
                    .containsEntry("dynamodb:ReturnValues", List.of("ALL_OLD"))
                    .containsEntry("dynamodb:ReturnConsumedCapacity", List.of("TOTAL"));
        }

        @Test
        @DisplayName("the table's ARN takes the region of the request and the account of the caller")
        void otherRegionAndAccount() {
            List<ActionRequest> a = IamActions.of(
                    dynamodb("eu-central-1", "GetItem", "{\"TableName\":\"Scores\",\"Key\":{}}"),
                    OTHER_ACCOUNT,
                    "eu-central-1");
            assertThat(a.get(0).resource())
                    .isEqualTo("arn:aws:dynamodb:eu-central-1:" + OTHER_ACCOUNT + ":table/Scores");
        }

        @Test
        @DisplayName("a TableName given as an ARN is the resource as it is, and its name finds the key schema")
        void tableArn() {
            String arn = "arn:aws:dynamodb:us-west-2:" + OTHER_ACCOUNT + ":table/Scores";
            List<ActionRequest> a =
                    of(dynamodb("GetItem", "{\"TableName\":\"" + arn + "\",\"Key\":{\"playerId\":{\"S\":\"p-9\"}}}"));
            assertThat(a.get(0).resource()).isEqualTo(arn);
            assertThat(a.get(0).context()).containsEntry("dynamodb:LeadingKeys", List.of("p-9"));
        }

        @Test
        @DisplayName("GetItem's dynamodb:Attributes are the top-level names of its projection, placeholders resolved")
        void projection() {
            List<ActionRequest> a = of(dynamodb(
                    "GetItem",
                    "{\"TableName\":\"Scores\",\"Key\":{\"playerId\":{\"N\":\"7\"}},"
                            + "\"ProjectionExpression\":\"#s, stats.wins, tags[0]\","
                            + "\"ExpressionAttributeNames\":{\"#s\":\"score\"}}"));
            assertThat(a.get(0).context())
                    .containsEntry("dynamodb:Attributes", List.of("score", "stats", "tags"))
                    .containsEntry("dynamodb:LeadingKeys", List.of("7"));
        }

        @Test
        @DisplayName("GetItem without a projection has no dynamodb:Attributes (it reads every attribute)")
        void noProjection() {
            List<ActionRequest> a =
                    of(dynamodb("GetItem", "{\"TableName\":\"Scores\",\"Key\":{\"playerId\":{\"S\":\"p\"}}}"));
            assertThat(a.get(0).context()).doesNotContainKey("dynamodb:Attributes");
        }

        @Test
        @DisplayName("a table the lookup does not know gets no dynamodb:LeadingKeys")
        void unknownSchema() {
            List<ActionRequest> a = of(dynamodb("GetItem", "{\"TableName\":\"Other\",\"Key\":{\"id\":{\"S\":\"x\"}}}"));
            assertThat(a.get(0).context()).doesNotContainKey("dynamodb:LeadingKeys");
        }

        @Test
        @DisplayName("UpdateItem's dynamodb:Attributes are the key and every attribute the update expression touches")
        void updateItem() {
            List<ActionRequest> a = of(dynamodb(
                    "UpdateItem",
                    "{\"TableName\":\"Scores\",\"Key\":{\"playerId\":{\"S\":\"p-1\"}},"
                            + "\"UpdateExpression\":\"SET #b = if_not_exists(#b, :z), history = list_append(history, :h)"
                            + " REMOVE stale ADD plays :one\","
                            + "\"ExpressionAttributeNames\":{\"#b\":\"best\"}}"));
            assertThat(a.get(0).action()).isEqualTo("dynamodb:UpdateItem");
            assertThat(a.get(0).context().get("dynamodb:Attributes"))
                    .containsExactly("playerId", "best", "history", "stale", "plays");
        }

        @Test
        @DisplayName("DeleteItem is dynamodb:DeleteItem with the key's partition value")
        void deleteItem() {
            List<ActionRequest> a = of(dynamodb(
                    "DeleteItem", "{\"TableName\":\"Players\",\"Key\":{\"PK\":{\"S\":\"u#1\"},\"SK\":{\"S\":\"x\"}}}"));
            assertThat(a).singleElement().satisfies(x -> {
                assertThat(x.action()).isEqualTo("dynamodb:DeleteItem");
                assertThat(x.context()).containsEntry("dynamodb:LeadingKeys", List.of("u#1"));
            });
        }
    }

    @Nested
    @DisplayName("Query and Scan")
    class QueryScan {

        @Test
        @DisplayName("a Query with IndexName is authorized on the index ARN, with the index's partition key value")
        void indexQuery() {
            List<ActionRequest> a = of(dynamodb(
                    "Query",
                    "{\"TableName\":\"Scores\",\"IndexName\":\"ByGame\","
                            + "\"KeyConditionExpression\":\"gameId = :g AND score > :s\","
                            + "\"ExpressionAttributeValues\":{\":g\":{\"S\":\"tetris\"},\":s\":{\"N\":\"0\"}}}"));
            assertThat(a.get(0).resource()).isEqualTo(SCORES + "/index/ByGame");
            assertThat(a.get(0).context()).containsEntry("dynamodb:LeadingKeys", List.of("tetris"));
        }

        @Test
        @DisplayName("a Query's partition key value comes from a #placeholder written either way round")
        void placeholders() {
            List<ActionRequest> a = of(dynamodb(
                    "Query",
                    "{\"TableName\":\"Scores\",\"KeyConditionExpression\":\":p = #pk\","
                            + "\"ExpressionAttributeNames\":{\"#pk\":\"playerId\"},"
                            + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p-2\"}}}"));
            assertThat(a.get(0).resource()).isEqualTo(SCORES);
            assertThat(a.get(0).context()).containsEntry("dynamodb:LeadingKeys", List.of("p-2"));
        }

        @Test
        @DisplayName("a Query with the legacy KeyConditions gives its partition key value too")
        void legacyKeyConditions() {
            List<ActionRequest> a = of(dynamodb(
                    "Query",
                    "{\"TableName\":\"Scores\",\"KeyConditions\":{\"playerId\":{\"ComparisonOperator\":\"EQ\","
                            + "\"AttributeValueList\":[{\"S\":\"p-3\"}]}}}"));
            assertThat(a.get(0).context()).containsEntry("dynamodb:LeadingKeys", List.of("p-3"));
        }

        @Test
        @DisplayName("Select is passed as dynamodb:Select; a projection without Select means SPECIFIC_ATTRIBUTES")
        void select() {
            assertThat(of(dynamodb("Scan", "{\"TableName\":\"Scores\",\"Select\":\"COUNT\"}"))
                            .get(0)
                            .context())
                    .containsEntry("dynamodb:Select", List.of("COUNT"));
            assertThat(of(dynamodb("Scan", "{\"TableName\":\"Scores\",\"AttributesToGet\":[\"score\"]}"))
                            .get(0)
                            .context())
                    .containsEntry("dynamodb:Select", List.of("SPECIFIC_ATTRIBUTES"))
                    .containsEntry("dynamodb:Attributes", List.of("score"));
        }

        @Test
        @DisplayName("a Scan has no dynamodb:LeadingKeys, and a Scan of an index is on the index ARN")
        void scan() {
            List<ActionRequest> a = of(dynamodb("Scan", "{\"TableName\":\"Scores\",\"IndexName\":\"ByGame\"}"));
            assertThat(a.get(0).action()).isEqualTo("dynamodb:Scan");
            assertThat(a.get(0).resource()).isEqualTo(SCORES + "/index/ByGame");
            assertThat(a.get(0).context()).doesNotContainKey("dynamodb:LeadingKeys");
        }
    }

    @Nested
    @DisplayName("batches and transactions")
    class Batches {

        @Test
        @DisplayName("BatchWriteItem is dynamodb:BatchWriteItem once per table, with every put's and delete's key")
        void batchWrite() {
            List<ActionRequest> a = of(dynamodb(
                    "BatchWriteItem",
                    "{\"RequestItems\":{"
                            + "\"Scores\":[{\"PutRequest\":{\"Item\":{\"playerId\":{\"S\":\"a\"},\"score\":{\"N\":\"1\"}}}},"
                            + "{\"DeleteRequest\":{\"Key\":{\"playerId\":{\"S\":\"b\"}}}}],"
                            + "\"Players\":[{\"PutRequest\":{\"Item\":{\"PK\":{\"S\":\"c\"}}}}]}}"));
            assertThat(a).extracting(ActionRequest::action).containsOnly("dynamodb:BatchWriteItem");
            assertThat(a)
                    .extracting(ActionRequest::resource)
                    .containsExactly(SCORES, "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/Players");
            assertThat(a.get(0).context()).containsEntry("dynamodb:LeadingKeys", List.of("a", "b"));
            assertThat(a.get(0).context()).containsEntry("dynamodb:Attributes", List.of("playerId", "score"));
        }

        @Test
        @DisplayName("BatchGetItem is dynamodb:BatchGetItem once per table, with that table's keys")
        void batchGet() {
            List<ActionRequest> a = of(dynamodb(
                    "BatchGetItem",
                    "{\"RequestItems\":{\"Scores\":{\"Keys\":[{\"playerId\":{\"S\":\"a\"}},{\"playerId\":{\"S\":\"b\"}}],"
                            + "\"ProjectionExpression\":\"score\"},\"Other\":{\"Keys\":[{\"id\":{\"S\":\"z\"}}]}}}"));
            assertThat(a).hasSize(2);
            assertThat(a.get(0).action()).isEqualTo("dynamodb:BatchGetItem");
            assertThat(a.get(0).context())
                    .containsEntry("dynamodb:LeadingKeys", List.of("a", "b"))
                    .containsEntry("dynamodb:Attributes", List.of("score"));
            assertThat(a.get(1).resource()).endsWith(":table/Other");
        }

        @Test
        @DisplayName(
                "TransactWriteItems is authorized as the underlying PutItem, UpdateItem, DeleteItem and ConditionCheckItem")
        void transactWrite() {
            List<ActionRequest> a = of(dynamodb(
                    "TransactWriteItems",
                    "{\"TransactItems\":["
                            + "{\"Put\":{\"TableName\":\"Scores\",\"Item\":{\"playerId\":{\"S\":\"a\"}}}},"
                            + "{\"Update\":{\"TableName\":\"Scores\",\"Key\":{\"playerId\":{\"S\":\"b\"}},"
                            + "\"UpdateExpression\":\"SET wins = wins + :one\"}},"
                            + "{\"Delete\":{\"TableName\":\"Players\",\"Key\":{\"PK\":{\"S\":\"c\"}}}},"
                            + "{\"ConditionCheck\":{\"TableName\":\"Players\",\"Key\":{\"PK\":{\"S\":\"d\"}},"
                            + "\"ConditionExpression\":\"attribute_exists(PK)\"}}]}"));
            assertThat(a)
                    .extracting(ActionRequest::action)
                    .containsExactly(
                            "dynamodb:PutItem",
                            "dynamodb:UpdateItem",
                            "dynamodb:DeleteItem",
                            "dynamodb:ConditionCheckItem");
            assertThat(a)
                    .allSatisfy(x -> assertThat(x.context())
                            .containsEntry("dynamodb:EnclosingOperation", List.of("TransactWriteItems")));
            assertThat(a.get(0).context()).containsEntry("dynamodb:LeadingKeys", List.of("a"));
            assertThat(a.get(3).context()).containsEntry("dynamodb:LeadingKeys", List.of("d"));
            assertThat(a).extracting(ActionRequest::action).doesNotContain("dynamodb:TransactWriteItems");
        }

        @Test
        @DisplayName("two puts on one table in a transaction are one authorization with both keys")
        void transactMerge() {
            List<ActionRequest> a = of(dynamodb(
                    "TransactWriteItems",
                    "{\"TransactItems\":["
                            + "{\"Put\":{\"TableName\":\"Scores\",\"Item\":{\"playerId\":{\"S\":\"a\"}}}},"
                            + "{\"Put\":{\"TableName\":\"Scores\",\"Item\":{\"playerId\":{\"S\":\"b\"}}}}]}"));
            assertThat(a)
                    .singleElement()
                    .satisfies(x -> assertThat(x.context()).containsEntry("dynamodb:LeadingKeys", List.of("a", "b")));
        }

        @Test
        @DisplayName("TransactGetItems is authorized as GetItem on each table")
        void transactGet() {
            List<ActionRequest> a = of(dynamodb(
                    "TransactGetItems",
                    "{\"TransactItems\":[{\"Get\":{\"TableName\":\"Scores\",\"Key\":{\"playerId\":{\"S\":\"a\"}}}}]}"));
            assertThat(a).singleElement().satisfies(x -> {
                assertThat(x.action()).isEqualTo("dynamodb:GetItem");
                assertThat(x.context()).containsEntry("dynamodb:EnclosingOperation", List.of("TransactGetItems"));
            });
        }
    }

    @Nested
    @DisplayName("PartiQL")
    class PartiQl {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "SELECT * FROM \"Scores\" WHERE playerId = 'a'|dynamodb:PartiQLSelect|table/Scores",
                    "select score from Scores where playerId = ?|dynamodb:PartiQLSelect|table/Scores",
                    "SELECT * FROM \"Scores\".\"ByGame\" WHERE gameId = 'x'|dynamodb:PartiQLSelect|table/Scores/index/ByGame",
                    "INSERT INTO \"Scores\" VALUE {'playerId': 'a'}|dynamodb:PartiQLInsert|table/Scores",
                    "  update Scores SET score = 3 WHERE playerId = 'a'|dynamodb:PartiQLUpdate|table/Scores",
                    "DELETE FROM \"Other\" WHERE id = 'a'|dynamodb:PartiQLDelete|table/Other"
                })
        @DisplayName("the statement's first keyword names the action and the statement names the table")
        void statements(String statement, String action, String resource) {
            List<ActionRequest> a =
                    of(dynamodb("ExecuteStatement", "{\"Statement\":" + AwsErrorResponse.quote(statement) + "}"));
            assertThat(a).singleElement().satisfies(x -> {
                assertThat(x.action()).isEqualTo(action);
                assertThat(x.resource()).isEqualTo("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":" + resource);
            });
        }

        @Test
        @DisplayName("BatchExecuteStatement and ExecuteTransaction give one authorization per action and table")
        void batch() {
            List<ActionRequest> a = of(dynamodb(
                    "BatchExecuteStatement",
                    "{\"Statements\":[{\"Statement\":\"SELECT * FROM Scores\"},"
                            + "{\"Statement\":\"UPDATE Scores SET x = 1 WHERE playerId = 'a'\"},"
                            + "{\"Statement\":\"SELECT * FROM Scores WHERE playerId = 'b'\"}]}"));
            assertThat(a)
                    .extracting(ActionRequest::action)
                    .containsExactly("dynamodb:PartiQLSelect", "dynamodb:PartiQLUpdate");
            List<ActionRequest> t = of(dynamodb(
                    "ExecuteTransaction",
                    "{\"TransactStatements\":[{\"Statement\":\"INSERT INTO Players VALUE {'PK':'a'}\"}]}"));
            assertThat(t).extracting(ActionRequest::action).containsExactly("dynamodb:PartiQLInsert");
        }
    }

    @Nested
    @DisplayName("control plane")
    class Control {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "CreateTable|{\"TableName\":\"Scores\"}|" + SCORES,
                    "DescribeTable|{\"TableName\":\"Scores\"}|" + SCORES,
                    "UpdateTable|{\"TableName\":\"Scores\"}|" + SCORES,
                    "DeleteTable|{\"TableName\":\"Scores\"}|" + SCORES,
                    "DescribeTimeToLive|{\"TableName\":\"Scores\"}|" + SCORES,
                    "UpdateTimeToLive|{\"TableName\":\"Scores\"}|" + SCORES,
                    "CreateBackup|{\"TableName\":\"Scores\",\"BackupName\":\"b\"}|" + SCORES,
                    "DescribeContinuousBackups|{\"TableName\":\"Scores\"}|" + SCORES,
                    "UpdateContributorInsights|{\"TableName\":\"Scores\",\"IndexName\":\"ByGame\"}|" + SCORES
                            + "/index/ByGame",
                    "ListTables|{}|*",
                    "ListBackups|{}|*",
                    "DescribeLimits|{}|*",
                    "DescribeEndpoints|{}|*",
                    "ListGlobalTables|{}|*",
                    "DescribeGlobalTable|{\"GlobalTableName\":\"Scores\"}|arn:aws:dynamodb::" + ACCOUNT
                            + ":global-table/Scores",
                    "TagResource|{\"ResourceArn\":\"" + SCORES + "\"}|" + SCORES,
                    "ListTagsOfResource|{\"ResourceArn\":\"" + SCORES + "\"}|" + SCORES,
                    "PutResourcePolicy|{\"ResourceArn\":\"" + SCORES + "\"}|" + SCORES,
                    "DescribeBackup|{\"BackupArn\":\"" + SCORES + "/backup/01\"}|" + SCORES + "/backup/01",
                    "RestoreTableToPointInTime|{\"SourceTableName\":\"Scores\",\"TargetTableName\":\"S2\"}|" + SCORES,
                    "ExportTableToPointInTime|{\"TableArn\":\"" + SCORES + "\"}|" + SCORES,
                    "SomeFutureOperation|{}|*"
                })
        @DisplayName(
                "control operations are authorized as themselves on the resource the Service Authorization Reference names")
        void control(String operation, String body, String resource) {
            assertThat(of(dynamodb(operation, body))).singleElement().satisfies(x -> {
                assertThat(x.action()).isEqualTo("dynamodb:" + operation);
                assertThat(x.resource()).isEqualTo(resource);
            });
        }
    }

    @Nested
    @DisplayName("DynamoDB Streams")
    class Streams {

        private static final String STREAM = SCORES + "/stream/2026-01-01T00:00:00.000";

        @Test
        @DisplayName("DescribeStream and GetShardIterator are on the stream ARN")
        void streamArn() {
            assertThat(of(Requests.streams("DescribeStream", "{\"StreamArn\":\"" + STREAM + "\"}")))
                    .containsExactly(ActionRequest.of("dynamodb:DescribeStream", STREAM));
            assertThat(of(Requests.streams(
                            "GetShardIterator",
                            "{\"StreamArn\":\"" + STREAM + "\",\"ShardId\":\"s-1\",\"ShardIteratorType\":\"LATEST\"}")))
                    .containsExactly(ActionRequest.of("dynamodb:GetShardIterator", STREAM));
        }

        @Test
        @DisplayName("GetRecords is on the stream ARN its shard iterator starts with")
        void getRecords() {
            assertThat(of(Requests.streams(
                            "GetRecords", "{\"ShardIterator\":\"" + STREAM + "|1|AAAAAAAAAAEvJp6D+zaQ\"}")))
                    .containsExactly(ActionRequest.of("dynamodb:GetRecords", STREAM));
        }

        @Test
        @DisplayName("GetRecords with an iterator that names no stream is on any stream of the account and region")
        void opaqueIterator() {
            assertThat(of(Requests.streams("GetRecords", "{\"ShardIterator\":\"opaque\"}")))
                    .containsExactly(ActionRequest.of(
                            "dynamodb:GetRecords", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/*/stream/*"));
        }

        @Test
        @DisplayName("ListStreams is on *")
        void listStreams() {
            assertThat(of(Requests.streams("ListStreams", "{\"TableName\":\"Scores\"}")))
                    .containsExactly(ActionRequest.of("dynamodb:ListStreams", "*"));
        }
    }

    @Test
    @DisplayName("a body that is not JSON still names the action, on *")
    void badBody() {
        assertThat(of(dynamodb("PutItem", "not json")))
                .containsExactly(new ActionRequest("dynamodb:PutItem", "*", Map.of()));
    }
}
