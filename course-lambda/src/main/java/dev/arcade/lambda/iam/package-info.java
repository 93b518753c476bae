/**
 * The execution-role gate: what a Lambda function's SDK call asks IAM to authorize, and whether the
 * function's execution role allows it.
 *
 * <ul>
 *   <li>{@link dev.arcade.lambda.iam.AwsRequest}: one signed HTTP request as the front received it, with
 *       the SigV4 credential scope and the operation read from it;
 *   <li>{@link dev.arcade.lambda.iam.IamActions}: the IAM actions, resources and condition keys AWS
 *       authorizes for it (the Service Authorization Reference of each service);
 *   <li>{@link dev.arcade.lambda.iam.RolePolicies}: the role's policies read from IAM into a
 *       {@link dev.arcade.evaluators.iam.PolicySet};
 *   <li>{@link dev.arcade.lambda.iam.ExecutionRoleGate}: the decision, and for a denial the
 *       {@code AccessDenied} response the service's protocol would send.
 * </ul>
 *
 * <p>Everything here is pure Java: no network, no emulator. The integrator wires it into the front.
 */
package dev.arcade.lambda.iam;
