package dev.arcade.lambda.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An EventBridge event as a rule delivers it to a function: the envelope {@code version}, {@code
 * id}, {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region}, {@code
 * resources}, {@code detail}. {@link #scheduled} makes the "Scheduled Event" of a schedule rule
 * ({@code source} {@code aws.events}, the rule ARN in {@code resources}, an empty {@code detail}),
 * {@link #custom} an event a {@code PutEvents} call sent.
 *
 * <p>Follows the Amazon EventBridge User Guide, "Amazon EventBridge events" (the envelope) and
 * "Creating a rule that runs on a schedule", and the AWS Lambda Developer Guide, "Invoke a Lambda
 * function on a schedule". The time is to the second, as EventBridge writes it.
 *
 * <p>Source ARN: the rule's, {@code arn:aws:events:REGION:ACCOUNT:rule/NAME} on the default bus,
 * {@code rule/BUS/NAME} on another; source account: the rule's account.
 */
public final class EventBridgeEvent implements TriggerEvent {

    /** The service principal of EventBridge. */
    public static final String PRINCIPAL = "events.amazonaws.com";

    private final String region;
    private final String account;
    private final String ruleArn;
    private final String id;
    private final String detailType;
    private final String source;
    private final Instant time;
    private final List<String> resources;
    private final JsonNode detail;

    private EventBridgeEvent(
            String region,
            String account,
            String ruleArn,
            String id,
            String detailType,
            String source,
            Instant time,
            List<String> resources,
            JsonNode detail) {
        Events.requireAccount(account);
        this.region = region;
        this.account = account;
        this.ruleArn = ruleArn;
        this.id = id;
        this.detailType = detailType;
        this.source = source;
        this.time = Events.seconds(time);
        this.resources = List.copyOf(resources);
        this.detail = detail.deepCopy();
    }

    /**
     * The ARN of a rule.
     *
     * @param region the Region
     * @param account the account
     * @param eventBus the bus name, {@code default} for the default bus
     * @param ruleName the rule name
     * @return the rule ARN
     */
    public static String ruleArn(String region, String account, String eventBus, String ruleName) {
        return "arn:aws:events:" + region + ":" + account + ":rule/"
                + ("default".equals(eventBus) ? "" : eventBus + "/") + ruleName;
    }

    /**
     * The Scheduled Event a schedule rule on the default bus sends.
     *
     * @param region the rule's Region
     * @param account the rule's account
     * @param ruleName the rule's name
     * @param time when the schedule fired
     * @param random the source of the event id
     * @return the event
     */
    public static EventBridgeEvent scheduled(
            String region, String account, String ruleName, Instant time, Random random) {
        String arn = ruleArn(region, account, "default", ruleName);
        return new EventBridgeEvent(
                region,
                account,
                arn,
                Events.uuid(random),
                "Scheduled Event",
                "aws.events",
                time,
                List.of(arn),
                Events.MAPPER.createObjectNode());
    }

    /**
     * A custom event ({@code PutEvents}) matched by a rule.
     *
     * @param region the Region
     * @param account the account the event was put in
     * @param ruleArn the ARN of the rule that matched (see {@link #ruleArn})
     * @param source the event's {@code source}, for example {@code com.arcade.scores}
     * @param detailType the event's {@code detail-type}
     * @param detail the event's {@code detail}, a JSON object
     * @param resources the event's {@code resources}
     * @param time the event's time
     * @param random the source of the event id
     * @return the event
     */
    public static EventBridgeEvent custom(
            String region,
            String account,
            String ruleArn,
            String source,
            String detailType,
            JsonNode detail,
            List<String> resources,
            Instant time,
            Random random) {
        if (!detail.isObject()) {
            throw new IllegalArgumentException("an event's detail is a JSON object");
        }
        return new EventBridgeEvent(
                region,
                account,
                ruleArn,
                Events.uuid(random),
                detailType,
                source,
                time,
                new ArrayList<>(resources),
                detail);
    }

    @Override
    public String servicePrincipal() {
        return PRINCIPAL;
    }

    @Override
    public String sourceArn() {
        return ruleArn;
    }

    @Override
    public String sourceAccount() {
        return Objects.requireNonNull(account);
    }

    /**
     * The event id.
     *
     * @return a UUID
     */
    public String id() {
        return id;
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode e = Events.MAPPER.createObjectNode();
        e.put("version", "0");
        e.put("id", id);
        e.put("detail-type", detailType);
        e.put("source", source);
        e.put("account", account);
        e.put("time", Events.ISO_SECONDS.format(time));
        e.put("region", region);
        ArrayNode r = e.putArray("resources");
        resources.forEach(r::add);
        e.set("detail", detail.deepCopy());
        return e;
    }
}
