package dev.arcade.dynamodb;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Reads the learner's update expressions the way DynamoDB would apply them, so that tests can grade
 * what is atomic on AWS without trusting the emulator's concurrency.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Update expressions</a>
 */
final class UpdateExpressions {
    private static final Pattern NAME = Pattern.compile("#\\w+");
    private static final String VALUE = ":\\w+";

    private UpdateExpressions() {}

    /**
     * Whether {@code request} adds exactly 1 to {@code attribute} on the server: {@code ADD attribute :one},
     * or {@code SET attribute = attribute + :one} (either order, the stored value possibly as
     * {@code if_not_exists(attribute, :zero)} with {@code :zero = 0}), where {@code :one = 1}.
     */
    static boolean addsOne(UpdateItemRequest request, String attribute) {
        String expression = names(request).replaceAll("\\s+", " ");
        Map<String, AttributeValue> values = request.expressionAttributeValues();
        String a = Pattern.quote(attribute);
        Matcher add = Pattern.compile("(?i)\\bADD\\b[^=]*?(?:^|[\\s,])" + a + " (" + VALUE + ")")
                .matcher(expression);
        if (add.find()) {
            return isNumber(values.get(add.group(1)), 1);
        }
        String stored = "(?:" + a + "|if_not_exists ?\\( ?" + a + " ?, ?(" + VALUE + ") ?\\))";
        Matcher plusOne = Pattern.compile("(?i)(?:^|[\\s,])" + a + " ?= ?" + stored + " ?\\+ ?(" + VALUE + ")")
                .matcher(expression);
        if (plusOne.find()) {
            return isNumber(values.get(plusOne.group(2)), 1)
                    && (plusOne.group(1) == null || isNumber(values.get(plusOne.group(1)), 0));
        }
        Matcher onePlus = Pattern.compile("(?i)(?:^|[\\s,])" + a + " ?= ?(" + VALUE + ") ?\\+ ?" + stored)
                .matcher(expression);
        if (onePlus.find()) {
            return isNumber(values.get(onePlus.group(1)), 1)
                    && (onePlus.group(2) == null || isNumber(values.get(onePlus.group(2)), 0));
        }
        return false;
    }

    /** Whether any of {@code values} is a list of at least {@code elements} elements. */
    static boolean carriesAList(Map<String, AttributeValue> values, int elements) {
        return values != null && values.values().stream().anyMatch(v -> v.hasL() && v.l().size() >= elements);
    }

    /** {@code UpdateItem "SET ..." with :one = 1}, for messages. */
    static String describe(UpdateItemRequest request) {
        return "UpdateItem \"" + request.updateExpression() + "\""
                + (request.hasExpressionAttributeValues() ? " with " + request.expressionAttributeValues() : "");
    }

    private static String names(UpdateItemRequest request) {
        String expression = request.updateExpression() == null ? "" : request.updateExpression();
        Map<String, String> names = request.expressionAttributeNames();
        return NAME.matcher(expression)
                .replaceAll(m -> Matcher.quoteReplacement(names.getOrDefault(m.group(), m.group())));
    }

    private static boolean isNumber(AttributeValue value, long expected) {
        if (value == null || value.n() == null) {
            return false;
        }
        try {
            return new java.math.BigDecimal(value.n()).compareTo(java.math.BigDecimal.valueOf(expected)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
