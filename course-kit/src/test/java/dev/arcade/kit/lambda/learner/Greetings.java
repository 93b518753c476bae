package dev.arcade.kit.lambda.learner;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Handler methods as learners write them, each deployed as {@code dev.arcade.kit.lambda.learner.Greetings::NAME}
 * ("Define Lambda function handler in Java": a handler method takes the input and, optionally, a
 * {@link Context}; it may be static or an instance method of a class with a no-argument constructor).
 */
public class Greetings {
    /** In: a JSON string; out: {@code "Hello, NAME"}. */
    public String greet(String name, Context context) {
        return "Hello, " + name;
    }

    /** In: a JSON number; out: twice it. A static method with only the input parameter. */
    public static Integer twice(Integer n) {
        return n * 2;
    }

    /** In: a JSON object; out: the same object with {@code "seen": true} and the function's name. */
    public Map<String, Object> echo(Map<String, Object> event, Context context) {
        Map<String, Object> out = new HashMap<>(event);
        out.put("seen", true);
        out.put("function", context.getFunctionName());
        return out;
    }

    /** In: a record; out: a record. */
    public ScoreReply score(ScoreRequest request) {
        return new ScoreReply(request.player().toUpperCase(), request.points() + 1, request.points() >= 1000);
    }

    /** In: a JSON object with "player" and "points"; out: a record (only the output is a record). */
    public ScoreReply reply(Map<String, Object> event) {
        return new ScoreReply(String.valueOf(event.get("player")), ((Number) event.get("points")).intValue(), false);
    }

    /** In: a bean; out: the same bean with its level raised. */
    public PlayerBean levelUp(PlayerBean player, Context context) {
        player.setLevel(player.getLevel() + 1);
        return player;
    }

    /** In: anything; out: nothing (null). */
    public Map<String, Object> nothing(Map<String, Object> event) {
        return null;
    }

    /** In: a JSON number of characters; out: a string that long (for the 6 MB response limit). */
    public String large(Integer characters) {
        return "A".repeat(characters);
    }

    /** In: a JSON number of milliseconds to sleep; out: {@code "slept N"}. */
    public String sleep(Integer millis) throws InterruptedException {
        Thread.sleep(millis);
        return "slept " + millis;
    }

    /** In: anything; out: the text of the package's {@code version.txt} (the UpdateFunctionCode test changes it). */
    public String version(Map<String, Object> event) throws java.io.IOException {
        try (java.io.InputStream in = Greetings.class.getResourceAsStream("/version.txt")) {
            return in == null ? "none" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        }
    }
}
