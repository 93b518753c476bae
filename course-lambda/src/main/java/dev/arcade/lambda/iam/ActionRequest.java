package dev.arcade.lambda.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One authorization AWS makes for a request: an IAM action on one resource with the request's
 * service-specific condition keys. A request may need several (a {@code BatchWriteItem} on two tables,
 * a {@code TransactWriteItems} with a put and a condition check); it is allowed only when every one is.
 * The action, resource and condition key names are those of the Service Authorization Reference
 * ("Actions, resources, and condition keys for ..." of each service); {@link IamActions} makes them.
 *
 * @param action the action as {@code service:Action}, such as {@code dynamodb:PutItem}
 * @param resource the resource ARN, or {@code *} for actions without resource-level permissions
 * @param context the service condition keys and their values, such as {@code dynamodb:LeadingKeys};
 *     a key with a list of several values (or none) is multivalued
 */
public record ActionRequest(String action, String resource, Map<String, List<String>> context) {

    /** Checks the parts and copies the context, keeping its order. */
    public ActionRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (context != null) {
            context.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        context = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * An authorization without condition keys.
     *
     * @param action the action
     * @param resource the resource
     * @return the action request
     */
    public static ActionRequest of(String action, String resource) {
        return new ActionRequest(action, resource, Map.of());
    }
}
