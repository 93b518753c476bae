package dev.arcade.evaluators.iam.internal;

import java.util.List;
import java.util.Optional;

/**
 * What the condition evaluator needs to know about a request: the values of its context keys.
 *
 * <p>Key names are case-insensitive, as the IAM User Guide says of condition keys; implementations
 * must look keys up regardless of case.
 *
 * <p>This interface is an implementation helper of the IAM evaluator; its shape may change.
 */
public interface ContextKeys {

    /**
     * The values of a context key.
     *
     * @param key a condition key, for example {@code aws:SourceIp}
     * @return the values, or null when the request context has no such key
     */
    List<String> values(String key);

    /**
     * The value a policy variable {@code ${key}} resolves to.
     *
     * @param key a condition key
     * @return the key's single value, or empty when the key is absent or multivalued (the guide
     *     says multivalued keys cannot be used as policy variables)
     */
    Optional<String> variable(String key);
}
