/**
 * Implementation helpers of the IAM policy evaluator: ARN syntax and account IDs, wildcard and ARN
 * matching, policy variables, condition operators, the context keys conditions read, IP ranges and
 * dates. Public only so that {@code dev.arcade.evaluators.iam} can use them; not an API, and free to
 * change.
 */
package dev.arcade.evaluators.iam.internal;
