/**
 * CloudWatch Logs filter patterns, as the Amazon CloudWatch Logs User Guide describes them in "Filter
 * pattern syntax for metric filters, subscription filters, filter log events, and Live Tail" and
 * "Supported regular expressions (regex) syntax": the emulators store a pattern and then match every
 * event with it (moto treats any pattern that does not start with a letter or a quote as "match
 * all"), so the kit decides.
 *
 * <pre>{@code
 * FilterPattern pattern = FilterPattern.parse("{ $.level = \"ERROR\" && $.latency > 500 }");
 * pattern.matches(message);          // true or false
 * pattern.explain(message);          // "$.level is \"WARN\"; the pattern wants = \"ERROR\""
 * pattern.match(message).fields();   // for [a, b, ...] patterns: $a, $b, $3 ...
 * }</pre>
 *
 * <p>The kit answers FilterLogEvents with it ({@code dev.arcade.kit.sdk.LogFilterPatterns}). Not
 * modelled yet: metric filters and subscription filters on the backend, the regex quotas, and
 * {@code $.*} selectors.
 */
package dev.arcade.evaluators.logs;
