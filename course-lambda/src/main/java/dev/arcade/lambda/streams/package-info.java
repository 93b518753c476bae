/**
 * DynamoDB Streams event source mappings, kept by the kit itself: {@link
 * dev.arcade.lambda.streams.StreamMappings} answers the Lambda API's event source mapping
 * operations for DynamoDB stream sources (AWS Lambda API Reference, "CreateEventSourceMapping",
 * "GetEventSourceMapping", "UpdateEventSourceMapping", "DeleteEventSourceMapping",
 * "ListEventSourceMappings"), and one {@link dev.arcade.lambda.streams.StreamPoller} per mapping
 * reads the stream and invokes the function as the Lambda Developer Guide's "Using AWS Lambda with
 * Amazon DynamoDB", "Configuring partial batch response with DynamoDB and Lambda", "Retain
 * discarded records for a DynamoDB event source in Lambda" and "Lambda event filtering" describe.
 *
 * <p>Everything that reaches outside (the function registry, the stream, the invocation, the
 * on-failure destination, the execution role's permissions, filter pattern matching) is an
 * interface the integrator wires in: {@link dev.arcade.lambda.streams.FunctionLookup}, {@link
 * dev.arcade.lambda.streams.StreamLookup}, {@link dev.arcade.lambda.streams.StreamReader}, {@link
 * dev.arcade.lambda.streams.Invoker}, {@link dev.arcade.lambda.streams.OnFailureSink}, {@link
 * dev.arcade.lambda.streams.Authorizer}, and, for the check Lambda makes on Create, {@link
 * dev.arcade.lambda.streams.RoleAccess}.
 *
 * <p>Not modelled: tumbling windows (TumblingWindowInSeconds is stored and returned, never acted
 * on), the batching window (a synchronous drain never waits), ParallelizationFactor (batches of a
 * shard run one after another), the 6 MB invocation payload limit, and S3 or Kafka on-failure
 * destinations.
 */
package dev.arcade.lambda.streams;
