package dev.arcade.iam;

import dev.arcade.evaluators.iam.RequestContext;

/**
 * One request of a test's matrix, with the words a failure message uses for it.
 *
 * @param description what the request is, in the lesson's words, for example "Query on the Leaderboard index"
 * @param request the request the evaluator decides
 */
record Access(String description, RequestContext request) {

    static Access of(String description, RequestContext.Builder request) {
        return new Access(description, request.build());
    }

    @Override
    public String toString() {
        return description + " (" + request.action() + " on " + request.resource() + ")";
    }
}
