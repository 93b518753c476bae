package dev.arcade.kit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcade.kit.AwsTest;
import dev.arcade.kit.CodeUnderTest;
import dev.arcade.kit.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;

@AwsTest
@DisplayName("FilterLogEvents matches its filter pattern as CloudWatch Logs does, not as the emulator does")
class LogFilterPatternsTest {

    private static final List<String> LINES = List.of(
            "{\"level\":\"INFO\",\"game\":\"tetris\",\"latency\":12}",
            "{\"level\":\"ERROR\",\"game\":\"tetris\",\"latency\":950}",
            "{\"level\":\"WARN\",\"game\":\"snake\",\"latency\":700}",
            "plain ERROR line, not JSON",
            "{\"level\":\"ERROR\",\"game\":\"snake\",\"latency\":30}",
            "{\"level\":\"INFO\",\"game\":\"snake\",\"latency\":40}");

    private static String group(CloudWatchLogsClient logs, ResourceNames names) {
        String group = names.unique("/arcade/requests");
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("s1"));
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            events.add(InputLogEvent.builder()
                    .timestamp(now + i)
                    .message(LINES.get(i))
                    .build());
        }
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s1").logEvents(events));
        return group;
    }

    private static List<String> filter(CloudWatchLogsClient logs, String group, String pattern, Integer limit) {
        return logs
                .filterLogEventsPaginator(
                        b -> b.logGroupName(group).filterPattern(pattern).limit(limit))
                .events()
                .stream()
                .map(FilteredLogEvent::message)
                .toList();
    }

    @Test
    @DisplayName("a JSON pattern returns exactly the matching events, across pages")
    void jsonPattern(@CodeUnderTest CloudWatchLogsClient logs, ResourceNames names) {
        String group = group(logs, names);

        assertThat(filter(logs, group, "{ $.level = \"ERROR\" }", null)).containsExactly(LINES.get(1), LINES.get(4));
        assertThat(filter(logs, group, "{ $.level = \"ERROR\" && $.latency > 500 }", 2))
                .containsExactly(LINES.get(1));
        assertThat(filter(logs, group, "{ $.game = snake || $.latency < 20 }", 1))
                .containsExactly(LINES.get(0), LINES.get(2), LINES.get(4), LINES.get(5));
    }

    @Test
    @DisplayName("OR, exclusion and regex patterns narrow the events too")
    void textPatterns(@CodeUnderTest CloudWatchLogsClient logs, ResourceNames names) {
        String group = group(logs, names);

        assertThat(filter(logs, group, "?WARN ?plain", null)).containsExactly(LINES.get(2), LINES.get(3));
        assertThat(filter(logs, group, "ERROR -plain", null)).containsExactly(LINES.get(1), LINES.get(4));
        assertThat(filter(logs, group, "%latency.:[0-9]{3}%", null)).containsExactly(LINES.get(1), LINES.get(2));
    }

    @Test
    @DisplayName("a pattern CloudWatch Logs refuses fails with InvalidParameterException")
    void invalidPattern(@CodeUnderTest CloudWatchLogsClient logs, ResourceNames names) {
        String group = group(logs, names);

        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName(group).filterPattern("{ $.level = }")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Invalid filter pattern");
    }
}
