package dev.arcade.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The weekly archive job (exercise 3.8): run by the schedule rule of {@link WeeklySchedule}, it copies every
 * player's best score into the archive of the week of the event's {@code time} (not the clock: a late or
 * repeated delivery archives the week it was meant for), with the given {@link ArchiveStore}.
 *
 * <p>A run reads the week's checkpoint and resumes from its {@code lastKey}; before each page it checks
 * {@link Context#getRemainingTimeInMillis()}, and when less than {@link #SAFETY_MARGIN_MS} is left it saves
 * the checkpoint and stops cleanly, reporting {@code done: false}, so the next run goes on where it
 * stopped instead of being killed by the function's timeout. After the last page it saves the checkpoint
 * as done; a run of a week already done copies nothing.
 *
 * <p>Environment: {@code TABLE_NAME}, {@code ARCHIVE_TABLE}, {@code PAGE_DELAY_MS} (see {@link ArchiveStore}).
 * Follows the AWS Lambda Developer Guide, "Using the Lambda context object to retrieve Java function
 * information" (https://docs.aws.amazon.com/lambda/latest/dg/java-context.html) and "Invoke a Lambda function
 * on a schedule" (https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html).
 */
public final class WeeklyArchiveHandler implements RequestHandler<ScheduledEvent, ArchiveReport> {
    /** Stop when less than this is left, in milliseconds: a page and the checkpoint must fit in it. */
    public static final long SAFETY_MARGIN_MS = 1_000;

    /** How many items a page reads at most. */
    public static final int PAGE_SIZE = 5;

    private final ArchiveStore store;

    /** Given: the deployed job, built once per execution environment. */
    public WeeklyArchiveHandler() {
        this(ArchiveStore.fromEnvironment(DynamoDbClient.create()));
    }

    /**
     * Given: a job over a store, for tests.
     *
     * @param store the store
     */
    public WeeklyArchiveHandler(ArchiveStore store) {
        this.store = store;
    }

    /**
     * Archives the week of {@code event.getTime()} page by page from the checkpoint, until the week is done
     * or less than {@link #SAFETY_MARGIN_MS} of the run is left.
     *
     * @param event the Scheduled Event; its {@code time} names the week
     * @param context the invocation's context, for the remaining time
     * @return the week, how many best scores this run copied, and whether the week is done
     */
    @Override
    public ArchiveReport handleRequest(ScheduledEvent event, Context context) {
        String week = ArchiveStore.weekOf(Instant.ofEpochMilli(event.getTime().getMillis()));
        ArchiveStore.Checkpoint checkpoint =
                store.checkpoint(week).orElse(new ArchiveStore.Checkpoint(Map.of(), false));
        if (checkpoint.done()) {
            return new ArchiveReport(week, 0, true);
        }
        Map<String, AttributeValue> next = checkpoint.lastKey();
        int archived = 0;
        while (context.getRemainingTimeInMillis() >= SAFETY_MARGIN_MS) {
            ArchiveStore.Page page = store.page(next, PAGE_SIZE);
            page.items().forEach(item -> store.archive(week, item));
            archived += page.items().size();
            next = page.lastKey();
            if (page.last()) {
                store.saveCheckpoint(week, new ArchiveStore.Checkpoint(Map.of(), true));
                return new ArchiveReport(week, archived, true);
            }
        }
        store.saveCheckpoint(week, new ArchiveStore.Checkpoint(next, false));
        return new ArchiveReport(week, archived, false);
    }
}
