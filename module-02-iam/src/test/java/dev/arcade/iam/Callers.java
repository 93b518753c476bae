package dev.arcade.iam;

import dev.arcade.evaluators.iam.RequestContext;

/** The principals the tests send requests as. */
final class Callers {
    /** Another account, for requests that come from outside Arcade's (the documentation's example id). */
    static final String OTHER_ACCOUNT = "444455556666";

    private Callers() {}

    /** A session of role {@code roleName}, as Lambda or STS would create it. */
    static RequestContext.Builder roleSession(String account, String roleName, String sessionName) {
        return RequestContext.builder()
                .principalArn("arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName);
    }

    /** IAM user {@code userName} of {@code account}. */
    static RequestContext.Builder user(String account, String userName) {
        return RequestContext.builder().principalArn(userArn(account, userName));
    }

    /** The ARN of IAM user {@code userName} of {@code account}. */
    static String userArn(String account, String userName) {
        return "arn:aws:iam::" + account + ":user/" + userName;
    }

    /** An AWS service, such as {@code lambda.amazonaws.com}. */
    static RequestContext.Builder service(String servicePrincipal) {
        return RequestContext.builder().principalService(servicePrincipal);
    }
}
