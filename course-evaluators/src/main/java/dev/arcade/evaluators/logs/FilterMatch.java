package dev.arcade.evaluators.logs;

import java.util.Map;

/**
 * What a filter pattern made of one log event.
 *
 * @param matched whether the event matches
 * @param fields for a space-delimited pattern that matched, the extracted fields by name ({@code
 *     $status_code}) and by position ({@code $1}, {@code $2}, ...), as CloudWatch Logs extracts them;
 *     empty otherwise
 * @param explanation one sentence a learner reads: why the event matches or not
 */
public record FilterMatch(boolean matched, Map<String, String> fields, String explanation) {
    /** Copies the fields. */
    public FilterMatch {
        fields = Map.copyOf(fields);
    }
}
