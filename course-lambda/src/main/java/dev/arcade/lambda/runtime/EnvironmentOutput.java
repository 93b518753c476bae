package dev.arcade.lambda.runtime;

import dev.arcade.lambda.host.FramedLogSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of an execution environment's output streams (standard output or standard error) into
 * log events: one event per line, except a {@link FramedLogSink} frame (a {@code LambdaLogger}
 * record), which is one event however many lines it has. The host writes
 * {@link FramedLogSink#NEXT_MARK} before each request for the next invocation, so the kit knows when
 * an invocation's output is complete.
 */
final class EnvironmentOutput implements Runnable {

    private static final byte[] MARKER = FramedLogSink.MARKER.getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final ExecutionEnvironment environment;
    private final List<LogLine> lines = new ArrayList<>();
    private int nextMarks;
    private long memoryUsedMb;
    private boolean closed;

    EnvironmentOutput(InputStream in, ExecutionEnvironment environment) {
        this.in = in;
        this.environment = environment;
    }

    @Override
    public void run() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == 0x1e) {
                    flush(line);
                    readControl();
                    continue;
                }
                if (b == '\n') {
                    flush(line);
                } else if (b != '\r') {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        flush(line);
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }

    private void readControl() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x1e);
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            header.write(b);
        }
        String text = header.toString(StandardCharsets.US_ASCII);
        if (text.startsWith(FramedLogSink.NEXT_MARK)) {
            synchronized (this) {
                nextMarks++;
                try {
                    memoryUsedMb = Math.max(
                            memoryUsedMb,
                            Long.parseLong(text.substring(FramedLogSink.NEXT_MARK.length())
                                    .trim()));
                } catch (NumberFormatException e) {
                    // keep the last figure
                }
                notifyAll();
            }
            return;
        }
        String marker = new String(MARKER, StandardCharsets.US_ASCII);
        if (text.startsWith(marker)) {
            int length = Integer.parseInt(text.substring(marker.length()).trim());
            byte[] message = in.readNBytes(length);
            add(stripNewline(new String(message, StandardCharsets.UTF_8)));
            return;
        }
        add(text);
    }

    private static String stripNewline(String message) {
        return message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
    }

    private void flush(ByteArrayOutputStream line) {
        if (line.size() > 0) {
            add(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    private synchronized void add(String message) {
        lines.add(new LogLine(System.currentTimeMillis(), message));
    }

    /** Takes the events read so far. */
    synchronized List<LogLine> drain() {
        List<LogLine> taken = new ArrayList<>(lines);
        lines.clear();
        return taken;
    }

    /**
     * Waits until the host has written its {@code n}-th next-invocation mark on this stream, the
     * stream has ended, or the time is up.
     */
    synchronized void awaitNextMark(int n, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (nextMarks < n && !closed) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** Waits until the stream has ended (the process is gone), or the time is up. */
    synchronized void awaitClosed(long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!closed) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** The most memory the environment's JVM reported using (heap and non-heap), in MB. */
    synchronized long memoryUsedMb() {
        return memoryUsedMb;
    }
}
