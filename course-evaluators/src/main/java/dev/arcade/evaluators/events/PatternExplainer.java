package dev.arcade.evaluators.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the sentence of a {@link PatternMatch} from its structured result; decides nothing. */
final class PatternExplainer {

    private PatternExplainer() {}

    static String explain(PatternMatch.NodeResult result) {
        if (result.matched()) {
            if (result.fields().isEmpty() && result.ors().isEmpty()) {
                return "The event matches: the pattern tests no field.";
            }
            return "The event matches the pattern: " + reasons(result, true) + ".";
        }
        return "The event does not match the pattern: " + reasons(result, false) + ".";
    }

    /** The fields (and $or groups) that decided: all of them for a match, the failing ones otherwise. */
    private static String reasons(PatternMatch.NodeResult result, boolean matched) {
        List<String> parts = new java.util.ArrayList<>();
        for (PatternMatch.FieldResult field : result.fields()) {
            if (field.matched() == matched) {
                parts.add(field(field));
            }
        }
        for (PatternMatch.OrResult or : result.ors()) {
            if (matched) {
                PatternMatch.NodeResult chosen = or.alternatives().stream()
                        .filter(PatternMatch.NodeResult::matched)
                        .findFirst()
                        .orElseThrow();
                parts.add("of the $or alternatives, the one where " + reasons(chosen, true) + " matches");
            } else if (!or.matched()) {
                parts.add("none of the $or alternatives matches ("
                        + or.alternatives().stream().map(a -> reasons(a, false)).collect(Collectors.joining("; "))
                        + ")");
            }
        }
        return String.join(matched ? ", " : "; ", parts);
    }

    private static String field(PatternMatch.FieldResult field) {
        String asked = String.join(" or ", field.expected());
        if (field.found().isEmpty()) {
            return field.matched()
                    ? field.path() + " is absent, as the pattern asks"
                    : "the event has no value at " + field.path() + ", and the pattern asks for " + asked;
        }
        String found = field.found().stream().map(JsonNode::toString).collect(Collectors.joining(", "));
        String has = field.found().size() == 1 ? field.path() + " is " + found : field.path() + " holds " + found;
        return field.matched()
                ? has + " (the pattern asks for " + asked + ")"
                : has + ", and the pattern asks for " + asked;
    }
}
