package dev.arcade.kit.backend;

import dev.arcade.kit.sdk.JvmState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Run by {@link MachineEnvironmentTest} in a JVM whose environment holds proxy variables, proxy
 * system properties or a broken AWS configuration: prints what the kit's clients and learner-style
 * {@code XxxClient.create()} clients got from the emulator, and what moto's environment holds.
 */
public final class MachineEnvironmentProbe {
    public static void main(String[] args) throws Exception {
        Backend backend = JvmState.backend();
        report("KIT_DDB", () -> {
            JvmState.clients()
                    .dynamoDb()
                    .createTable(t -> t.tableName("Scores")
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(AttributeDefinition.builder()
                                    .attributeName("player")
                                    .attributeType(ScalarAttributeType.S)
                                    .build())
                            .keySchema(KeySchemaElement.builder()
                                    .attributeName("player")
                                    .keyType(KeyType.HASH)
                                    .build()));
            return JvmState.clients().dynamoDb().listTables().tableNames().toString();
        });
        report("LEARNER_DDB", () -> {
            try (DynamoDbClient learner = DynamoDbClient.create()) {
                return learner.describeTable(d -> d.tableName("Scores")).table().tableStatusAsString();
            }
        });
        report("LEARNER_IAM", () -> {
            try (IamClient learner = IamClient.builder().build()) {
                return "roles " + learner.listRoles().roles().size();
            }
        });
        if (backend instanceof MotoServer moto) {
            Path environ = Path.of("/proc", Long.toString(moto.pid()), "environ");
            if (Files.isReadable(environ)) {
                String env = new String(Files.readAllBytes(environ), StandardCharsets.UTF_8);
                System.out.println("MOTO_ENV=" + env.replace('\0', ' '));
            }
        }
        System.exit(0);
    }

    private interface Call {
        String run() throws Exception;
    }

    private static void report(String what, Call call) {
        try {
            System.out.println(what + "=ok " + call.run());
        } catch (Exception e) {
            System.out.println(what + "=failed " + e);
        }
    }
}
