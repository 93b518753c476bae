package dev.arcade.evaluators.iam;

/**
 * The three results of IAM policy evaluation, as named in the IAM User Guide's "Policy evaluation
 * logic".
 */
public enum Outcome {
    /** At least one applicable policy allows the request and nothing denies or limits it. */
    ALLOW,
    /** An applicable statement with {@code "Effect": "Deny"} matches the request. */
    EXPLICIT_DENY,
    /** Nothing denies the request, but nothing (or not every required policy) allows it either. */
    IMPLICIT_DENY
}
