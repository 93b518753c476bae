package dev.arcade.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.Exercise;
import dev.arcade.kit.Graded;
import dev.arcade.kit.Learner;
import dev.arcade.kit.ResourceNames;
import dev.arcade.kit.backend.Backend;
import dev.arcade.kit.sdk.ApiCall;
import dev.arcade.kit.sdk.ApiCalls;
import dev.arcade.lambda.LambdaRuntime;
import dev.arcade.lambda.Triggers.Delivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;

/**
 * Graded on what Lambda stores (the versions and their configuration, the alias and its routing),
 * on which version answers when the alias is invoked (the given ScoreWorker says its version), and on
 * whether API Gateway may invoke the alias. The kit publishes the versions and sets the alias itself
 * wherever a test is about another method, so that each method is graded on its own.
 */
@AwsTest
@Exercise("3.9")
@DisplayName("3.9 Versions and aliases")
// deploys a function, publishes up to three versions and invokes them up to 100 times: more than 10 s
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Exercise39VersionsAndAliasesTest {

    /**
     * Canary traffic: {@value} invocations through the alias with weight {@value #TRAFFIC_WEIGHT} for the
     * new version. Its count is Binomial(100, 0.2): mean 20, standard deviation 4. The band
     * [{@value #TRAFFIC_MIN}, {@value #TRAFFIC_MAX}] misses a correct canary with probability 5.0e-6
     * (P(X <= 4) = 3.7e-6, P(X >= 41) = 1.3e-6), and lets through neither a canary that sends everything
     * to the new version (100 of 100) nor one that gives it 1 - weight (P(X <= 40) for p = 0.8 is below
     * 1e-30).
     */
    private static final int TRAFFIC_RUNS = 100;

    private static final double TRAFFIC_WEIGHT = 0.20;
    private static final int TRAFFIC_MIN = 5;
    private static final int TRAFFIC_MAX = 40;

    /** Invocations that must all run one version: any routing left to another version shows. */
    private static final int ALL_RUNS = 20;

    private static final String API = "a1b2c3d4e5";
    private static final String OTHER_API = "zzzz9999yy";

    private Learner learner;
    private LambdaClient forLearner;
    private LambdaClient lambda;
    private LambdaRuntime runtime;
    private ApiCalls calls;
    private String account;
    private Release39Fixtures.Fn fn;

    @BeforeEach
    void setUp(
            Learner learner,
            @CodeUnderTest LambdaClient forLearner,
            LambdaClient lambda,
            IamClient iam,
            DynamoDbClient dynamo,
            LambdaRuntime runtime,
            ApiCalls calls,
            Backend backend,
            ResourceNames names) {
        this.learner = learner;
        this.forLearner = forLearner;
        this.lambda = lambda;
        this.runtime = runtime;
        this.calls = calls;
        this.account = backend.accountId();
        this.fn = Release39Fixtures.deploy(dynamo, new Functions(iam, lambda, names), lambda, names);
    }

    // --- the learner's methods, called as a learner would write the call ---

    private String publish() {
        return learner.call(
                "Releases.publish(lambda, \"" + fn.name() + "\")", () -> Releases.publish(forLearner, fn.name()));
    }

    private void pointLive(String version) {
        learner.run(
                "Releases.pointLive(lambda, \"" + fn.name() + "\", \"" + version + "\")",
                () -> Releases.pointLive(forLearner, fn.name(), version));
    }

    private void canary(String newVersion, double weight) {
        learner.run(
                "Releases.canary(lambda, \"" + fn.name() + "\", \"" + newVersion + "\", " + weight + ")",
                () -> Releases.canary(forLearner, fn.name(), newVersion, weight));
    }

    private void rollback(String version) {
        learner.run(
                "Releases.rollback(lambda, \"" + fn.name() + "\", \"" + version + "\")",
                () -> Releases.rollback(forLearner, fn.name(), version));
    }

    private void allowApiOnLive(String apiSourceArn) {
        learner.run(
                "Releases.allowApiOnLive(lambda, \"" + fn.name() + "\", \"" + apiSourceArn + "\")",
                () -> Releases.allowApiOnLive(forLearner, fn.name(), apiSourceArn));
    }

    // --- what Lambda says ---

    private GetAliasResponse live() {
        return lambda.getAlias(b -> b.functionName(fn.name()).name(Releases.LIVE));
    }

    private static Map<String, Double> weights(GetAliasResponse alias) {
        return alias.routingConfig() == null || !alias.routingConfig().hasAdditionalVersionWeights()
                ? Map.of()
                : alias.routingConfig().additionalVersionWeights();
    }

    private Map<String, Integer> runLive(int times) {
        return Release39Fixtures.versionsRun(runtime, fn.qualified(Releases.LIVE), times);
    }

    private Delivery apiCall(String apiId, String function) {
        return runtime.triggers().deliver(Release39Fixtures.apiRequest(account, apiId), function);
    }

    @Graded(points = 1)
    @DisplayName("publish returns the number of the version Lambda published, and the same one when nothing changed")
    void publishReturnsTheVersion() {
        String version = publish();

        List<String> versions = fn.versions();
        assertThat(versions)
                .as(
                        "expected publish to publish one version of %s (ListVersionsByFunction lists it besides"
                                + " $LATEST), but the published versions are %s",
                        fn.name(), versions)
                .hasSize(1);
        assertThat(version)
                .as(
                        "expected publish to return the version's number as PublishVersion answers it (%s), not"
                                + " an ARN or $LATEST",
                        versions.get(0))
                .isEqualTo(versions.get(0))
                .isEqualTo(fn.configuration(version).version());

        String again = publish();
        assertThat(again)
                .as(
                        "expected a second publish with no change of code or configuration to return the same"
                                + " version %s (Lambda publishes no new version then), but it returned %s; versions: %s",
                        version, again, fn.versions())
                .isEqualTo(version);
    }

    @Graded(points = 2)
    @DisplayName("publish right after an update waits until the update is done, and publishes the new configuration")
    void publishWaitsForTheUpdate() {
        String first = fn.publish();
        fn.update("2"); // the kit's UpdateFunctionConfiguration: LastUpdateStatus is InProgress now

        String second = publish();

        assertThat(second)
                .as("expected publish after a change of configuration to publish a new version, not %s again", first)
                .isNotEqualTo(first);
        assertThat(fn.releaseOf(second))
                .as(
                        "expected version %s to have the updated configuration (RELEASE=2), but it has RELEASE=%s",
                        second, fn.releaseOf(second))
                .isEqualTo("2");
        assertThat(fn.releaseOf(first))
                .as("expected version %s to keep its configuration (RELEASE=1): a version never changes", first)
                .isEqualTo("1");

        List<ApiCall> all = calls.all();
        int publishAt = indexOfPublish(all);
        boolean waited = all.subList(0, publishAt).stream()
                .anyMatch(c -> Release39Fixtures.updateStatusSeen(c) == LastUpdateStatus.SUCCESSFUL);
        assertThat(waited)
                .as(
                        "expected publish to wait until the function's last update was done (a GetFunction or"
                                + " GetFunctionConfiguration answering LastUpdateStatus Successful) before"
                                + " PublishVersion: the function had just been updated, and while LastUpdateStatus is"
                                + " InProgress AWS refuses PublishVersion with ResourceConflictException (\"An update is"
                                + " in progress\"). Use lambda.waiter().waitUntilFunctionUpdatedV2(...) first. The calls"
                                + " publish made: %s",
                        Release39Fixtures.describe(all))
                .isTrue();
    }

    private static int indexOfPublish(List<ApiCall> all) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).operation().equals("PublishVersion")) {
                return i;
            }
        }
        throw new AssertionError(
                "expected publish to call PublishVersion, but its calls were " + Release39Fixtures.describe(all));
    }

    @Graded(points = 2)
    @DisplayName("after pointLive, invoking FUNCTION:live runs the version live points to")
    void pointLiveRunsThatVersion() {
        String v1 = fn.publish();
        String v2 = fn.release("2");

        pointLive(v1);

        GetAliasResponse alias = live();
        assertThat(alias.functionVersion())
                .as(
                        "expected the alias live of %s to point to version %s (not the newest, %s), but it points to"
                                + " %s",
                        fn.name(), v1, v2, alias.functionVersion())
                .isEqualTo(v1);
        Map<String, Integer> ran = runLive(ALL_RUNS);
        assertThat(ran)
                .as(
                        "expected all %d invocations of %s to run version %s, but the versions that answered were %s"
                                + " (version -> invocations)",
                        ALL_RUNS, fn.qualified(Releases.LIVE), v1, ran)
                .isEqualTo(Map.of(v1, ALL_RUNS));
    }

    @Graded(points = 1)
    @DisplayName("pointLive on an existing alias moves it: called twice, live runs the second version")
    void pointLiveTwiceMovesTheAlias() {
        String v1 = fn.publish();
        String v2 = fn.release("2");

        pointLive(v1);
        pointLive(v2);

        List<String> aliases = lambda.listAliases(b -> b.functionName(fn.name())).aliases().stream()
                .map(AliasConfiguration::name)
                .toList();
        assertThat(aliases)
                .as("expected %s to have one alias, live, but it has %s", fn.name(), aliases)
                .containsExactly(Releases.LIVE);
        assertThat(live().functionVersion())
                .as(
                        "expected pointLive(%s) after pointLive(%s) to move live to version %s (UpdateAlias when the"
                                + " alias exists)",
                        v2, v1, v2)
                .isEqualTo(v2);
        Map<String, Integer> ran = runLive(ALL_RUNS);
        assertThat(ran)
                .as(
                        "expected all %d invocations of %s to run version %s, but the versions that answered were %s",
                        ALL_RUNS, fn.qualified(Releases.LIVE), v2, ran)
                .isEqualTo(Map.of(v2, ALL_RUNS));
    }

    @Graded(points = 2)
    @DisplayName("canary keeps live's version and routes exactly the given weight to the new version")
    void canaryKeepsThePrimaryVersion() {
        String v1 = fn.publish();
        String v2 = fn.release("2");
        fn.alias(v1, Map.of());

        canary(v2, 0.10);

        GetAliasResponse alias = live();
        assertThat(alias.functionVersion())
                .as(
                        "expected the canary to keep version %s as live's own version (the primary one, which gets"
                                + " the rest of the traffic), but live now points to %s with routing %s",
                        v1, alias.functionVersion(), weights(alias))
                .isEqualTo(v1);
        assertThat(weights(alias))
                .as(
                        "expected live's routing (RoutingConfig AdditionalVersionWeights) to send 0.1 of the traffic"
                                + " to version %s, and nothing to any other version, but it is %s",
                        v2, weights(alias))
                .isEqualTo(Map.of(v2, 0.10));
    }

    @Graded(points = 2)
    @DisplayName("during a canary, invocations of live run both versions, the new one about as often as its weight")
    void canarySplitsTheTraffic() {
        String v1 = fn.publish();
        String v2 = fn.release("2");
        fn.alias(v1, Map.of());

        canary(v2, TRAFFIC_WEIGHT);

        Map<String, Integer> ran = runLive(TRAFFIC_RUNS);
        assertThat(ran.keySet())
                .as(
                        "expected only versions %s and %s to answer the %d invocations of %s, but the versions that"
                                + " answered were %s",
                        v1, v2, TRAFFIC_RUNS, fn.qualified(Releases.LIVE), ran)
                .isSubsetOf(v1, v2);
        int toNew = ran.getOrDefault(v2, 0);
        assertThat(toNew)
                .as(
                        "expected about %.0f%% of %d invocations of live (between %d and %d) to run the new version %s"
                                + " and the rest version %s, but the versions that answered were %s (version ->"
                                + " invocations)",
                        TRAFFIC_WEIGHT * 100, TRAFFIC_RUNS, TRAFFIC_MIN, TRAFFIC_MAX, v2, v1, ran)
                .isBetween(TRAFFIC_MIN, TRAFFIC_MAX);
    }

    @Graded(points = 2)
    @DisplayName("rollback points live at the old version with no routing left: every invocation runs it")
    void rollbackClearsTheRouting() {
        String v1 = fn.publish();
        String v2 = fn.release("2");
        String v3 = fn.release("3");
        fn.alias(v2, Map.of(v3, 0.5)); // a canary of version 3 on version 2: both bad, back to 1

        rollback(v1);

        GetAliasResponse alias = live();
        assertThat(alias.functionVersion())
                .as(
                        "expected rollback(%s) to point live at version %s, but it points to %s",
                        v1, v1, alias.functionVersion())
                .isEqualTo(v1);
        assertThat(weights(alias))
                .as(
                        "expected rollback to leave no routing to another version (UpdateAlias with an empty"
                                + " AdditionalVersionWeights; leaving RoutingConfig out keeps it), but live still routes"
                                + " %s",
                        weights(alias))
                .isEmpty();
        Map<String, Integer> ran = runLive(ALL_RUNS);
        assertThat(ran)
                .as(
                        "expected all %d invocations of live after the rollback to run version %s, but the versions"
                                + " that answered were %s",
                        ALL_RUNS, v1, ran)
                .isEqualTo(Map.of(v1, ALL_RUNS));
    }

    @Graded(points = 3)
    @DisplayName("the API's requests reach FUNCTION:live and run live's version; another API's do not")
    void apiReachesTheAlias() {
        String v1 = fn.publish();
        fn.alias(v1, Map.of());

        allowApiOnLive(Release39Fixtures.apiMethods(account, API));

        String alias = fn.qualified(Releases.LIVE);
        Delivery delivery = apiCall(API, alias);
        if (!delivery.delivered() && apiCall(API, fn.name()).delivered()) {
            throw new AssertionError(String.format(
                    "expected API %s to be allowed to invoke %s, but Lambda refused it, while it may invoke the"
                            + " unqualified function %s: the permission is on the function, not on the alias. Each"
                            + " version and alias has its own function policy: AddPermission with Qualifier live."
                            + " Lambda said: %s",
                    API, alias, fn.name(), delivery.reason()));
        }
        assertThat(delivery.delivered())
                .as(
                        "expected API Gateway (API %s) to be allowed to invoke %s, but Lambda refused it: %s",
                        API, alias, delivery.reason())
                .isTrue();
        assertThat(Release39Fixtures.versionOf(delivery.invocation(), alias))
                .as("expected the API's request to run live's version %s", v1)
                .isEqualTo(v1);

        Delivery other = apiCall(OTHER_API, alias);
        assertThat(other.delivered())
                .as(
                        "expected another API (%s) NOT to be allowed to invoke %s, but it was: the permission's"
                                + " SourceArn must name API %s only",
                        OTHER_API, alias, API)
                .isFalse();
    }

    @Graded(points = 1)
    @DisplayName("the permission on live lets the API invoke neither the unqualified function nor a version")
    void apiReachesOnlyTheAlias() {
        String v1 = fn.publish();
        fn.alias(v1, Map.of());

        allowApiOnLive(Release39Fixtures.apiMethods(account, API));

        Delivery unqualified = apiCall(API, fn.name());
        assertThat(unqualified.delivered())
                .as(
                        "expected API %s NOT to be allowed to invoke the unqualified function %s ($LATEST, the"
                                + " unpublished code), but it was: grant on the alias only (Qualifier live), not on the"
                                + " function",
                        API, fn.name())
                .isFalse();
        Delivery version = apiCall(API, fn.qualified(v1));
        assertThat(version.delivered())
                .as(
                        "expected API %s NOT to be allowed to invoke version %s directly (%s), but it was: the"
                                + " permission belongs to the alias",
                        API, v1, fn.qualified(v1))
                .isFalse();
        for (String[] route : List.of(new String[] {"GET", "/scores"}, new String[] {"POST", "/admin"})) {
            Delivery other = runtime.triggers()
                    .deliver(
                            Release39Fixtures.apiRequest(account, API, route[0], route[1]),
                            fn.qualified(Releases.LIVE));
            assertThat(other.delivered())
                    .as(
                            "expected %s %s of API %s NOT to be allowed to invoke %s: the permission is for the source ARN"
                                    + " allowApiOnLive was given (%s), not the whole API",
                            route[0],
                            route[1],
                            API,
                            fn.qualified(Releases.LIVE),
                            Release39Fixtures.apiMethods(account, API))
                    .isFalse();
        }
    }

    @Graded(points = 1)
    @DisplayName("pointLive after a canary sends all the traffic to the version: the routing is cleared")
    void pointLiveClearsACanary() {
        String v1 = fn.publish();
        String v2 = fn.release("2");
        fn.alias(v1, Map.of(v2, 0.5));

        pointLive(v2);

        GetAliasResponse live = live();
        Map<String, Double> weights =
                live.routingConfig() == null ? Map.of() : live.routingConfig().additionalVersionWeights();
        assertThat(weights)
                .as(
                        "expected pointLive(%s) to leave live with no routing (all traffic on version %s, as its Javadoc"
                                + " says), but live still routes %s: UpdateAlias keeps a RoutingConfig unless you send an"
                                + " empty AdditionalVersionWeights",
                        v2, v2, weights)
                .isEmpty();
        assertThat(live.functionVersion()).as("expected live on version %s", v2).isEqualTo(v2);
    }
}
