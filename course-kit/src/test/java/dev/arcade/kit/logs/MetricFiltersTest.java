package dev.arcade.kit.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.ResourceNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

@AwsTest
@DisplayName("A log group's metric filters make metrics on the backend, as CloudWatch Logs would")
class MetricFiltersTest {

    @Test
    @DisplayName("ERROR lines counted per minute, with Default Value 0 for the minute without one")
    void countsErrorsPerMinute(CloudWatchLogsClient logs, CloudWatchClient cloudWatch, ResourceNames names) {
        String group = names.unique("/arcade/scores");
        String namespace = names.unique("Arcade");
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
        List<InputLogEvent> events = List.of(
                event(minute.plusSeconds(1), "{\"level\":\"ERROR\",\"latency\":900}"),
                event(minute.plusSeconds(2), "{\"level\":\"INFO\",\"latency\":20}"),
                event(minute.plusSeconds(3), "{\"level\":\"ERROR\",\"latency\":700}"),
                event(minute.plusSeconds(61), "{\"level\":\"INFO\",\"latency\":30}"));
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(events));
        logs.putMetricFilter(b -> b.logGroupName(group)
                .filterName("errors")
                .filterPattern("{ $.level = \"ERROR\" }")
                .metricTransformations(t -> t.metricName("Errors")
                        .metricNamespace(namespace)
                        .metricValue("1")
                        .defaultValue(0.0)));

        MetricFilters.publish(logs, cloudWatch, group, minute, minute.plus(5, ChronoUnit.MINUTES));

        List<Datapoint> sums = cloudWatch
                .getMetricStatistics(b -> b.namespace(namespace)
                        .metricName("Errors")
                        .startTime(minute)
                        .endTime(minute.plus(5, ChronoUnit.MINUTES))
                        .period(60)
                        .statistics(Statistic.SUM))
                .datapoints()
                .stream()
                .sorted(java.util.Comparator.comparing(Datapoint::timestamp))
                .toList();
        assertThat(sums).extracting(Datapoint::sum).containsExactly(2.0, 0.0);
    }

    private static InputLogEvent event(Instant at, String message) {
        return InputLogEvent.builder()
                .timestamp(at.toEpochMilli())
                .message(message)
                .build();
    }
}
