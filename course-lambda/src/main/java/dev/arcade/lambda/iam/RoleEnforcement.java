package dev.arcade.lambda.iam;

import dev.arcade.lambda.runtime.CallAuthorizer;
import dev.arcade.lambda.runtime.ExecutionEnvironment;
import dev.arcade.lambda.runtime.FunctionCall;
import dev.arcade.lambda.runtime.FunctionSnapshot;
import dev.arcade.lambda.runtime.HttpCall;
import dev.arcade.lambda.runtime.HttpReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The execution role, enforced: every request a running function makes is decided by
 * {@link ExecutionRoleGate} (the IAM evaluator) against the role's policies as the backend stores
 * them (inline, attached managed, permissions boundary), as the session
 * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/FUNCTION}; so are the actions Lambda takes for the
 * function (writing its logs, reading its stream). The role's policies are read once per invocation.
 */
public final class RoleEnforcement implements CallAuthorizer {

    private final Supplier<IamClient> iam;
    private final Supplier<DynamoDbClient> dynamoDb;
    private final String account;
    private final String region;
    private final ExecutionRoleGate gate;
    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, RolePolicies.Loaded> roles = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> partitionKeys = new ConcurrentHashMap<>();

    /**
     * @param iam the backend's IAM
     * @param dynamoDb the backend's DynamoDB, for tables' partition keys ({@code dynamodb:LeadingKeys})
     * @param account the account functions run in
     * @param region the region functions run in
     */
    public RoleEnforcement(Supplier<IamClient> iam, Supplier<DynamoDbClient> dynamoDb, String account, String region) {
        this.iam = iam;
        this.dynamoDb = dynamoDb;
        this.account = account;
        this.region = region;
        this.gate = new ExecutionRoleGate(this::partitionKey);
    }

    @Override
    public void invocationStarting() {
        epoch.incrementAndGet();
        roles.clear();
        partitionKeys.clear();
    }

    private String partitionKey(String table) {
        String name = table.contains("/index/") ? table.substring(0, table.indexOf("/index/")) : table;
        String index = table.contains("/index/") ? table.substring(table.indexOf("/index/") + 7) : null;
        return partitionKeys
                .computeIfAbsent(table, key -> {
                    try {
                        TableDescription description = dynamoDb.get()
                                .describeTable(b -> b.tableName(name))
                                .table();
                        List<KeySchemaElement> schema = description.keySchema();
                        if (index != null) {
                            schema = description.globalSecondaryIndexes().stream()
                                    .filter(i -> i.indexName().equals(index))
                                    .map(i -> i.keySchema())
                                    .findFirst()
                                    .orElse(schema);
                        }
                        return schema.stream()
                                .filter(k -> k.keyType() == KeyType.HASH)
                                .map(KeySchemaElement::attributeName)
                                .findFirst();
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                })
                .orElse(null);
    }

    private RolePolicies.Loaded role(String roleName) {
        return roles.computeIfAbsent(roleName, name -> RolePolicies.load(iam.get(), name));
    }

    private RoleSession session(FunctionSnapshot function) {
        return new RoleSession(account, region, function.roleName(), function.roleArn(), function.functionName());
    }

    @Override
    public Verdict authorize(HttpCall call, ExecutionEnvironment environment) {
        FunctionSnapshot function = environment.function();
        RoleSession session = session(function);
        AwsRequest request = request(call);
        String service = Optional.ofNullable(call.signingService()).orElse("unknown");
        String operation = request.operation().orElse("unknown");
        GateDecision decision;
        try {
            decision =
                    gate.authorize(request, session, role(function.roleName()).policies());
        } catch (NoSuchEntityException e) {
            String message = "User: " + session.sessionArn() + " is not authorized: the execution role "
                    + function.roleName() + " no longer exists";
            AwsErrorResponse denied = AwsErrorResponse.accessDenied(
                    request, message, java.util.UUID.randomUUID().toString());
            return new Verdict(
                    new FunctionCall(service, operation, "", "", false, message, denied.status()),
                    reply(denied),
                    message);
        }
        ActionRequest deciding = decision.deciding();
        FunctionCall record = new FunctionCall(
                service,
                operation,
                deciding == null ? "" : deciding.action(),
                deciding == null ? "" : deciding.resource(),
                decision.allowed(),
                decision.explanation(),
                0);
        return new Verdict(
                record,
                decision.allowed() ? null : reply(decision.error()),
                decision.allowed() ? decision.explanation() : decision.message() + " (" + decision.explanation() + ")");
    }

    @Override
    public Verdict allows(FunctionSnapshot function, String action, String resource) {
        RoleSession session = session(function);
        GateDecision decision;
        try {
            decision = gate.authorize(
                    List.of(ActionRequest.of(action, resource)),
                    AwsErrorResponse.Protocol.JSON_11,
                    region,
                    session,
                    role(function.roleName()).policies());
        } catch (NoSuchEntityException e) {
            return new Verdict(
                    null, HttpReply.json(403, "{}"), "the execution role " + function.roleName() + " does not exist");
        }
        if (decision.allowed()) {
            return new Verdict(null, null, decision.explanation());
        }
        return new Verdict(null, reply(decision.error()), decision.message());
    }

    @Override
    public Optional<String> trustProblem(String roleArn, String functionArn) {
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        RolePolicies.Loaded role;
        try {
            role = RolePolicies.load(iam.get(), roleName);
        } catch (NoSuchEntityException e) {
            return Optional.empty(); // the backend answers for a role that does not exist
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return RolePolicies.trustAllowsLambda(role, functionArn)
                ? Optional.empty()
                : Optional.of("The role defined for the function cannot be assumed by Lambda.");
    }

    private static AwsRequest request(HttpCall call) {
        Map<String, String> headers = new LinkedHashMap<>();
        call.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return new AwsRequest(call.method(), call.path(), call.query(), headers, call.body());
    }

    private static HttpReply reply(AwsErrorResponse error) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        error.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new HttpReply(error.status(), headers, error.body());
    }
}
