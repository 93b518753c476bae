package dev.arcade.functions;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Schedules the weekly archive job: an EventBridge schedule rule on the default event bus, the function
 * as its target, and the function policy statement that lets that rule (and no other) invoke it.
 *
 * <p>Follows the AWS Lambda Developer Guide, "Invoking a Lambda function on a schedule"
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html) and the Amazon
 * EventBridge User Guide, "Schedule expressions for rules"
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 */
public final class WeeklySchedule {

    private WeeklySchedule() {}

    /**
     * Makes (or updates) the rule {@code ruleName} with a weekly schedule expression, for example
     * {@code cron(0 3 ? * MON *)} (Mondays 03:00 UTC) or {@code rate(7 days)}, targets it at the function,
     * and adds a function policy statement for principal {@code events.amazonaws.com} whose
     * {@code SourceArn} is this rule's ARN.
     *
     * @param events the EventBridge client to use
     * @param lambda the Lambda client to use
     * @param ruleName the rule's name, on the default event bus
     * @param functionArn the ARN of the function the rule invokes
     * @return the rule's ARN, {@code arn:aws:events:REGION:ACCOUNT:rule/NAME}
     * @throws software.amazon.awssdk.services.lambda.model.ResourceNotFoundException if the function
     *     does not exist
     */
    public static String schedule(EventBridgeClient events, LambdaClient lambda, String ruleName, String functionArn) {
        String ruleArn = events.putRule(b -> b.name(ruleName)
                        .scheduleExpression("cron(0 3 ? * MON *)")
                        .state(RuleState.ENABLED))
                .ruleArn();
        events.putTargets(
                b -> b.rule(ruleName).targets(t -> t.id("weekly-archive").arn(functionArn)));
        lambda.addPermission(b -> b.functionName(functionArn)
                .statementId("events-" + ruleName)
                .action("lambda:InvokeFunction")
                .principal("events.amazonaws.com")
                .sourceArn(ruleArn));
        return ruleArn;
    }
}
