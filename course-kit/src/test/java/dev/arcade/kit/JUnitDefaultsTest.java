package dev.arcade.kit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import dev.arcade.kit.backend.Capability;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

@DisplayName("The kit's JUnit defaults")
class JUnitDefaultsTest {

    /** Learner code that never ends and ignores interrupts. Run only through EngineTestKit below. */
    static class Looping {
        /** Lets the abandoned thread end once the test has its answer, so it stops eating a core. */
        static volatile boolean released;

        @Test
        @Timeout(1)
        void spins() {
            long i = 0;
            while (!released) {
                i = (i + 1) % 1000; // ignores interrupts, as a learner's busy loop does
            }
        }

        @Test
        void passes() {
            Assertions.assertThat(1).isEqualTo(1);
        }
    }

    /** A test that needs something moto does not do. */
    @AwsTest
    static class NeedsAlarmEvaluation {
        @Test
        @RequiresCapability(Capability.CLOUDWATCH_ALARM_EVALUATION)
        void alarmFires() {
            Assertions.fail("must not run on moto");
        }
    }

    @Test
    @Timeout(30)
    @DisplayName("an infinite loop fails its own test by timeout (SEPARATE_THREAD mode) and the next test still runs")
    void infiniteLoopTimesOut() {
        long t0 = System.nanoTime();
        Looping.released = false;
        Events tests;
        try {
            // implicit parameters: the kit's junit-platform.properties, which is what is under test here
            tests = EngineTestKit.engine("junit-jupiter")
                    .enableImplicitConfigurationParameters(true)
                    .selectors(selectClass(Looping.class))
                    .execute()
                    .testEvents();
        } finally {
            Looping.released = true;
        }
        tests.assertThatEvents()
                .haveExactly(1, event(test("spins"), finishedWithFailure(instanceOf(TimeoutException.class))));
        tests.assertStatistics(s -> s.succeeded(1).failed(1));
        Assertions.assertThat((System.nanoTime() - t0) / 1_000_000_000.0)
                .as("seconds for the run")
                .isLessThan(10);
    }

    @Test
    @DisplayName("a test needing a capability the backend lacks is skipped as 'not gradable on moto', with the reason")
    void missingCapabilitySkips() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(NeedsAlarmEvaluation.class))
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("alarmFires"),
                                skippedWithReason(
                                        reason -> reason.startsWith(
                                                "not gradable on moto: this test needs evaluating alarms against their metrics"))));
    }
}
