/**
 * EventBridge event patterns, as the Amazon EventBridge User Guide describes them in "Amazon
 * EventBridge event patterns" and "Content filtering in Amazon EventBridge event patterns", and as
 * the AWS Lambda Developer Guide's "Control which events Lambda sends to your function" (event
 * filtering, {@code FilterCriteria}) uses them over a stream or queue record.
 *
 * <pre>{@code
 * EventPattern pattern = EventPattern.parse("""
 *     {"source": ["aws.ec2"], "detail": {"state": ["stopped", "terminated"]}}""");
 * pattern.matches(event);           // true or false
 * pattern.explain(event);           // one sentence a learner reads
 * PatternMatch match = pattern.match(event);   // the structured result
 * }</pre>
 *
 * <p>Not modelled: the limits on pattern size and complexity, the "array consistency" of newer
 * Event Ruler versions (two fields matched inside the same array element), and the JSON decoding of
 * an SQS {@code body} or Kinesis {@code data} that Lambda does before filtering (the caller passes
 * the record as it should be matched).
 */
package dev.arcade.evaluators.events;
