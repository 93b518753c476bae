package dev.arcade.evaluators.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Shorthands shared by the evaluator's tests. */
final class Iam {

    static final String ACCOUNT = "123456789012";
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private Iam() {}

    static PolicyDocument policy(String json) {
        return PolicyDocument.parse(json);
    }

    /** Reads a policy fixture from {@code src/test/resources/iam/}. */
    static PolicyDocument fixture(String name) {
        try (InputStream in = Iam.class.getResourceAsStream("/iam/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /iam/" + name);
            }
            return PolicyDocument.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestContext.Builder user(String name) {
        return RequestContext.builder()
                .principalArn("arn:aws:iam::" + ACCOUNT + ":user/" + name)
                .currentTime(NOW);
    }

    static RequestContext.Builder session(String role, String session) {
        return RequestContext.builder()
                .principalArn("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/" + session)
                .currentTime(NOW);
    }

    static Decision evaluate(RequestContext request, PolicySet policies) {
        return PolicyEvaluator.evaluate(request, policies);
    }

    static Decision identityOnly(RequestContext request, String policyJson) {
        return PolicyEvaluator.evaluate(
                request,
                PolicySet.builder().identityPolicy("TestPolicy", policyJson).build());
    }

    /**
     * Puts a condition block in an otherwise matching Allow statement and checks that the request
     * is allowed exactly when {@code expected}. Context is written {@code key=value}, several values
     * as {@code key=v1|v2}, an empty multivalued key as {@code key=[]}.
     */
    static void assertCondition(String condition, String[] context, boolean expected) {
        String json =
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"*\", \"Condition\": " + condition + "}]}";
        RequestContext.Builder request = user("alice").action("s3:GetObject");
        for (String pair : context) {
            int eq = pair.indexOf('=');
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.equals("[]")) {
                request.contextValues(key, List.of());
            } else if (value.contains("|")) {
                request.contextValues(key, List.of(value.split("\\|")));
            } else {
                request.context(key, value);
            }
        }
        Decision decision = identityOnly(request.build(), json);
        assertThat(decision.allowed())
                .as("condition %s with context %s%n%s", condition, Arrays.toString(context), decision.explanation())
                .isEqualTo(expected);
    }

    /** Wraps one statement body in a 2012-10-17 policy. */
    static String statement(String body) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{" + body + "}]}";
    }
}
