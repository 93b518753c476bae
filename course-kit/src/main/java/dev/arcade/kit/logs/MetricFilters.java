package dev.arcade.kit.logs;

import dev.arcade.evaluators.logs.MetricFilter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * Makes the data a log group's metric filters would have made on AWS: the emulator stores metric
 * filters (PutMetricFilter, DescribeMetricFilters) and makes no data, so a test that needs the metrics
 * calls {@link #publish} after the log events are written. Each stored filter is decided with the
 * course's {@link MetricFilter}, and its datapoints go to the backend with PutMetricData, one
 * statistic set per metric, dimensions and minute, as CloudWatch Logs reports them ("The metric value
 * is aggregated and reported every minute").
 */
public final class MetricFilters {
    private MetricFilters() {}

    /**
     * Publishes the datapoints of every metric filter of {@code logGroup} over its events between
     * {@code from} and {@code to}.
     *
     * @param logs a CloudWatch Logs client (the kit's)
     * @param cloudWatch a CloudWatch client (the kit's)
     * @param logGroup the log group's name
     * @param from the first event time, inclusive
     * @param to the last event time, exclusive
     * @return the datapoints published, in the events' order
     * @throws dev.arcade.evaluators.logs.InvalidFilterPatternException when a stored pattern is not valid
     */
    public static List<MetricFilter.Datapoint> publish(
            CloudWatchLogsClient logs, CloudWatchClient cloudWatch, String logGroup, Instant from, Instant to) {
        List<MetricFilter.LogEvent> events = new ArrayList<>();
        for (FilteredLogEvent event : logs.filterLogEventsPaginator(b ->
                        b.logGroupName(logGroup).startTime(from.toEpochMilli()).endTime(to.toEpochMilli() - 1))
                .events()) {
            events.add(new MetricFilter.LogEvent(Instant.ofEpochMilli(event.timestamp()), event.message()));
        }
        List<MetricFilter.Datapoint> all = new ArrayList<>();
        for (var stored : logs.describeMetricFiltersPaginator(b -> b.logGroupName(logGroup))
                .metricFilters()) {
            List<MetricFilter.Transformation> transformations = new ArrayList<>();
            for (MetricTransformation t : stored.metricTransformations()) {
                transformations.add(new MetricFilter.Transformation(
                        t.metricName(),
                        t.metricNamespace(),
                        t.metricValue(),
                        t.defaultValue(),
                        t.dimensions(),
                        t.unitAsString()));
            }
            all.addAll(new MetricFilter(stored.filterPattern(), transformations).datapoints(events));
        }
        Map<String, List<MetricFilter.Datapoint>> byMinute = new LinkedHashMap<>();
        for (MetricFilter.Datapoint p : all) {
            String key = p.namespace() + "|" + p.metricName() + "|" + p.dimensions() + "|"
                    + p.timestamp().truncatedTo(ChronoUnit.MINUTES);
            byMinute.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        for (List<MetricFilter.Datapoint> minute : byMinute.values()) {
            MetricFilter.Datapoint first = minute.get(0);
            java.util.DoubleSummaryStatistics stats =
                    minute.stream().mapToDouble(MetricFilter.Datapoint::value).summaryStatistics();
            MetricDatum datum = MetricDatum.builder()
                    .metricName(first.metricName())
                    .dimensions(first.dimensions().entrySet().stream()
                            .map(d -> Dimension.builder()
                                    .name(d.getKey())
                                    .value(d.getValue())
                                    .build())
                            .toList())
                    .timestamp(first.timestamp().truncatedTo(ChronoUnit.MINUTES))
                    .statisticValues(StatisticSet.builder()
                            .sampleCount((double) stats.getCount())
                            .sum(stats.getSum())
                            .minimum(stats.getMin())
                            .maximum(stats.getMax())
                            .build())
                    .unit(first.unit() == null ? StandardUnit.NONE : StandardUnit.fromValue(first.unit()))
                    .build();
            cloudWatch.putMetricData(b -> b.namespace(first.namespace()).metricData(datum));
        }
        return all;
    }
}
