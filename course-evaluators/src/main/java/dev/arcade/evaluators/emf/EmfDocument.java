package dev.arcade.evaluators.emf;

import java.util.List;

/**
 * What CloudWatch makes of one log event under the embedded metric format.
 *
 * @param emf whether the event is an EMF document at all: a JSON object with an {@code _aws} member
 *     (other events are ordinary log events, and nothing is wrong with them)
 * @param problems why the document does not conform, one sentence each, naming the member
 *     ({@code _aws.CloudWatchMetrics[0].Metrics[1].Name}); empty when valid
 * @param metrics the metrics CloudWatch creates; empty when the document is not valid
 */
public record EmfDocument(boolean emf, List<String> problems, List<EmfMetric> metrics) {
    /** Copies the lists. */
    public EmfDocument {
        problems = List.copyOf(problems);
        metrics = List.copyOf(metrics);
    }

    /** An EMF document that conforms to the specification. */
    public boolean valid() {
        return emf && problems.isEmpty();
    }
}
