package dev.arcade.grader.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run at a time in a course folder: {@code grade}, {@code test}, {@code verify} and
 * {@code mutate} share {@code target/workshop/} (run specs, event files, compiled classes, the
 * output log), so a second run beside the first (an IDE's, a watcher's) would read the other's spec
 * and call the other's emulator after it stopped.
 *
 * <p>The lock is an operating-system lock on {@code target/workshop/run.lock}, which also holds the
 * holder's pid for the message. The operating system releases it when the process ends, however it
 * ends ({@code kill -9} included), so a stale file never blocks a run.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process holds the lock. */
    public static final class RunInProgressException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RunInProgressException(String message) {
            super(message);
        }
    }

    /** The lock file in a work folder. */
    public static Path file(Path workDir) {
        return workDir.resolve("run.lock");
    }

    /**
     * Takes the lock of {@code workDir} for this process, or says who holds it.
     *
     * @param what the command, for the next one's message ("grade")
     * @throws RunInProgressException when another run holds it
     * @throws IOException when the folder or the file cannot be written (a read-only checkout)
     */
    public static RunLock take(Path workDir, String what) throws IOException {
        Files.createDirectories(workDir);
        Path file = file(workDir);
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(file);
            channel.close();
            throw new RunInProgressException("Another ./workshop run is in progress in this course"
                    + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; wait for it to end, or stop it, then run this again.");
        }
        String holder = "./workshop " + what + ", pid "
                + ProcessHandle.current().pid() + ", since " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(channel, lock);
    }

    /**
     * Who holds the lock, as its holder wrote it, once that names a live process: the holder writes
     * after it took the lock, so a run that just lost may read an empty file for a moment (or, before
     * the holder's {@link #close} emptied it, a run that ended). Empty if none shows within a second.
     */
    private static String holder(Path file) throws IOException {
        for (int i = 0; i < 20; i++) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            Matcher pid = PID.matcher(holder);
            if (pid.find()
                    && ProcessHandle.of(Long.parseLong(pid.group(1)))
                            .map(ProcessHandle::isAlive)
                            .orElse(false)) {
                return holder;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "";
    }

    private static final Pattern PID = Pattern.compile("pid (\\d+)");

    /** Empties the file (it names no holder now) and releases the lock; the file stays (deleting it would race). */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
