package dev.arcade.lambda.host;

import com.amazonaws.services.lambda.runtime.api.client.logging.LogSink;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes each {@code LambdaLogger} record to standard output as one frame: the marker
 * {@link #MARKER}, the record's length in bytes in decimal, a newline, then the record. The kit
 * reads such a frame as one log event, as Lambda does with the frames its runtime writes to the
 * telemetry file descriptor; anything else on standard output is split into one event per line.
 */
public final class FramedLogSink implements LogSink {

    /** The marker that starts a frame: the ASCII record separator and a word. */
    public static final String MARKER = "\u001eLAMBDA-LOG ";

    /**
     * What the host writes on standard output and standard error before each request for the next
     * invocation, followed by the memory the JVM uses in MB and a newline: the kit then knows that
     * the last invocation's output is complete.
     */
    public static final String NEXT_MARK = "\u001eLAMBDA-NEXT ";

    private final OutputStream out;

    /**
     * @param out the environment's standard output, unbuffered
     */
    public FramedLogSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void log(byte[] message) {
        log(LogLevel.UNDEFINED, LogFormat.TEXT, message);
    }

    @Override
    public synchronized void log(LogLevel logLevel, LogFormat logFormat, byte[] message) {
        try {
            out.write((MARKER + message.length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
        } catch (IOException e) {
            // standard output is gone: the environment is being shut down
        }
    }

    @Override
    public void close() {}
}
