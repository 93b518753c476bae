package dev.arcade.kit.lambda.demo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A demo stream consumer: reports the records whose player is "mallory" as batch item failures
 * (ReportBatchItemFailures), and prints every record it sees.
 */
public class BatchProcessor implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String player = record.getDynamodb().getKeys().get("player").getS();
            System.out.println("record " + record.getEventName() + " " + player + " "
                    + record.getDynamodb().getSequenceNumber());
            if (player.equals("mallory")) {
                failures.add(new StreamsEventResponse.BatchItemFailure(
                        record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }
}
