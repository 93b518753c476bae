package dev.arcade.lambda.runtime;

import java.util.Optional;

/**
 * What a running function may do: the execution role's decisions. The front asks before it forwards
 * a function's request; the log writer and stream pollers ask before they act for the function.
 */
public interface CallAuthorizer {

    /**
     * Decides a request a function made.
     *
     * @param call the request
     * @param environment the environment whose role session signed it
     * @return the decision: the call record, and the error reply when denied
     */
    Verdict authorize(HttpCall call, ExecutionEnvironment environment);

    /**
     * Whether the function's role allows an action the platform takes for it (writing its logs,
     * reading its event source).
     *
     * @param function the function
     * @param action an IAM action, for example {@code logs:PutLogEvents}
     * @param resource the resource ARN
     * @return the decision and its explanation
     */
    Verdict allows(FunctionSnapshot function, String action, String resource);

    /**
     * Whether Lambda can assume the role ("The role defined for the function cannot be assumed by
     * Lambda." when its trust policy does not let {@code lambda.amazonaws.com} assume it).
     *
     * @param roleArn the role
     * @param functionArn the function
     * @return the problem in AWS's words, or empty when the trust policy allows Lambda
     */
    Optional<String> trustProblem(String roleArn, String functionArn);

    /**
     * Called when an invocation starts: decisions from then on read the role's policies afresh (a
     * test may have changed them since the last invocation); within one invocation they are read once.
     */
    default void invocationStarting() {}

    /**
     * A decision.
     *
     * @param call what was asked and decided (null for platform actions)
     * @param denied the reply the function gets when denied, or null when allowed
     * @param explanation the evaluator's explanation
     */
    record Verdict(FunctionCall call, HttpReply denied, String explanation) {
        /** True when allowed. */
        public boolean allowed() {
            return denied == null;
        }

        /** An allowing verdict with no record. */
        public static Verdict allow() {
            return new Verdict(null, null, "allowed");
        }
    }

    /** Allows everything: for a runtime without role enforcement. */
    CallAuthorizer ALLOW_ALL = new CallAuthorizer() {
        @Override
        public Verdict authorize(HttpCall call, ExecutionEnvironment environment) {
            return Verdict.allow();
        }

        @Override
        public Verdict allows(FunctionSnapshot function, String action, String resource) {
            return Verdict.allow();
        }

        @Override
        public Optional<String> trustProblem(String roleArn, String functionArn) {
            return Optional.empty();
        }
    };
}
