/**
 * An IAM policy evaluator for grading least-privilege exercises without AWS.
 *
 * <p>No free AWS emulator evaluates IAM policies faithfully (moto checks actions only and ignores
 * resource ARNs, conditions and boundaries), so the course decides whether a learner's policy
 * allows or denies a request with {@link dev.arcade.evaluators.iam.PolicyEvaluator}, which follows the
 * documented evaluation logic of the IAM User Guide for requests within one account.
 *
 * <pre>{@code
 * PolicyDocument policy = PolicyDocument.parse(json);
 * Decision decision = PolicyEvaluator.evaluate(
 *     RequestContext.builder()
 *         .principalArn("arn:aws:sts::123456789012:assumed-role/OrdersFn/run")
 *         .action("dynamodb:Scan")
 *         .resource("arn:aws:dynamodb:us-east-1:123456789012:table/Orders")
 *         .build(),
 *     PolicySet.builder().identityPolicy("OrdersFnPolicy", policy).build());
 * assertThat(decision.allowed()).as(decision.explanation()).isFalse();
 * }</pre>
 *
 * <p>Deliberately not modelled: AWS Organizations service and resource control policies,
 * cross-account requests, ACLs, VPC endpoint policies, session tags, permissions granted by
 * service-linked roles, and the per-service lists of which condition keys exist for which action
 * (the caller supplies the request context).
 */
package dev.arcade.evaluators.iam;
