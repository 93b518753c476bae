package dev.arcade.dynamodb;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AssertJ checks for a DynamoDB item as the low-level API returns it: attribute names and types.
 * Describe it with {@code .as(...)} first; the description leads every message.
 */
final class ItemAssert extends AbstractAssert<ItemAssert, Map<String, AttributeValue>> {

    private ItemAssert(Map<String, AttributeValue> item) {
        super(item, ItemAssert.class);
    }

    static ItemAssert assertThatItem(Map<String, AttributeValue> item) {
        return new ItemAssert(item);
    }

    /** The item is there at all. */
    ItemAssert exists() {
        isNotNull();
        if (actual.isEmpty()) {
            failWithMessage("expected the item to exist, but the table has no item with that key");
        }
        return this;
    }

    /** Attribute {@code name} is the String {@code expected}. */
    ItemAssert hasString(String name, String expected) {
        AttributeValue v = attribute(name, "the String (S) \"" + expected + "\"");
        if (v.s() == null || !v.s().equals(expected)) {
            failWithMessage(
                    "expected attribute %s to be the String (S) \"%s\", but it is %s", name, expected, describe(v));
        }
        return this;
    }

    /** Attribute {@code name} is the Number {@code expected} (stored as N, not as a String). */
    ItemAssert hasNumber(String name, long expected) {
        AttributeValue v = attribute(name, "the Number (N) " + expected);
        if (v.n() == null) {
            failWithMessage(
                    "expected attribute %s to be the Number (N) %s, but it is %s: a number must be stored"
                            + " with AttributeValue.fromN(...) so that it compares and sorts as a number",
                    name, expected, describe(v));
        }
        if (!v.n().equals(Long.toString(expected))) {
            failWithMessage("expected attribute %s to be the Number (N) %s, but it is %s", name, expected, describe(v));
        }
        return this;
    }

    /** Attribute {@code name} is the Boolean {@code expected}. */
    ItemAssert hasBoolean(String name, boolean expected) {
        AttributeValue v = attribute(name, "the Boolean (BOOL) " + expected);
        if (v.bool() == null || v.bool() != expected) {
            failWithMessage(
                    "expected attribute %s to be the Boolean (BOOL) %s, but it is %s", name, expected, describe(v));
        }
        return this;
    }

    /** Attribute {@code name} is an ISO-8601 String for the instant {@code expected}. */
    ItemAssert hasTimestamp(String name, Instant expected) {
        AttributeValue v = attribute(name, "an ISO-8601 String (S) such as \"" + expected + "\"");
        if (v.s() == null) {
            failWithMessage(
                    "expected attribute %s to be an ISO-8601 String (S) such as \"%s\", but it is %s",
                    name, expected, describe(v));
        }
        try {
            Instant stored = Instant.parse(v.s());
            if (!stored.equals(expected)) {
                failWithMessage("expected attribute %s to be the time %s, but it is %s", name, expected, stored);
            }
        } catch (DateTimeParseException e) {
            failWithMessage(
                    "expected attribute %s to be an ISO-8601 String such as \"%s\" (Instant.toString()), but it is \"%s\"",
                    name, expected, v.s());
        }
        return this;
    }

    /** The item has no attribute {@code name} at all (not even an empty or NULL one). */
    ItemAssert hasNoAttribute(String name) {
        isNotNull();
        if (actual.containsKey(name)) {
            failWithMessage(
                    "expected the item to have no attribute %s at all, but it has %s",
                    name, describe(actual.get(name)));
        }
        return this;
    }

    private AttributeValue attribute(String name, String expected) {
        isNotNull();
        AttributeValue v = actual.get(name);
        if (v == null) {
            failWithMessage(
                    "expected attribute %s to be %s, but the item has no attribute %s; it has %s",
                    name, expected, name, actual.isEmpty() ? "no attributes (there is no such item)" : actual.keySet());
        }
        return v;
    }

    /** An attribute value in words: {@code the String (S) "4200"}, {@code the Number (N) 4200}, ... */
    static String describe(AttributeValue v) {
        return switch (v.type()) {
            case S -> "the String (S) \"" + v.s() + "\"";
            case N -> "the Number (N) " + v.n();
            case BOOL -> "the Boolean (BOOL) " + v.bool();
            case NUL -> "NULL";
            case L -> "a List (L) of " + v.l().size() + " elements";
            case M -> "a Map (M) with " + v.m().keySet();
            case SS -> "a String Set (SS) " + v.ss();
            case NS -> "a Number Set (NS) " + v.ns();
            default -> v.toString();
        };
    }
}
