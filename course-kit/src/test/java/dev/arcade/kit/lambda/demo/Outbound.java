package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A demo function that tries to reach the internet, twice: {@code URL.openStream()} on
 * {@code http://example.com} and {@code java.net.http.HttpClient} on {@code https://} the host named
 * by the event's {@code host}. Output: for each, {@code "ok"} or the exception's class and message.
 */
public class Outbound implements RequestHandler<Map<String, String>, Map<String, String>> {
    @Override
    public Map<String, String> handleRequest(Map<String, String> event, Context context) {
        Map<String, String> answer = new LinkedHashMap<>();
        try (InputStream in = new URL("http://example.com/").openStream()) {
            in.readAllBytes();
            answer.put("url", "ok");
        } catch (Exception e) {
            answer.put("url", e.getClass().getName() + ": " + e.getMessage());
        }
        try {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("https://" + event.get("host") + "/"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            answer.put("httpClient", "ok " + response.statusCode());
        } catch (Exception e) {
            answer.put("httpClient", e.getClass().getName() + ": " + e.getMessage());
        }
        return answer;
    }
}
