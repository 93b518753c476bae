package dev.arcade.grader.course;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the course's untouched version of a learner's skeleton file, so that a file that does not
 * compile can be set aside and the rest of its module still graded.
 *
 * <p>The untouched skeleton is the blob in the clone's git history whose SHA-256 (line endings read
 * as LF) is the one {@code course-manifest.json} records for that path. Git history, because every
 * clone has it from the first minute (a GitHub Classroom repository too: its first commit is the
 * template), nothing has to be kept on the side, and the learner's own commits of the file are told
 * apart by the manifest's hash. Without git, a manifest, or a matching blob, there is no skeleton
 * and the caller says so.
 */
public final class PristineSkeletons {
    /** At most this many versions of one file are looked at. */
    private static final int MAX_BLOBS = 200;

    private static final long GIT_SECONDS = 15;

    /** A blob id in {@code git log --raw} output (40 hex digits for SHA-1 repositories, 64 for SHA-256). */
    private static final Pattern BLOB = Pattern.compile("\\b([0-9a-f]{40}|[0-9a-f]{64})\\b");

    /**
     * What a look-up found.
     *
     * @param content the untouched file's bytes, or null
     * @param whyNot when not found, why, in a sentence a learner can act on
     */
    public record Lookup(byte[] content, String whyNot) {
        /** Whether the untouched file was found. */
        public boolean found() {
            return content != null;
        }
    }

    private final CourseLayout layout;
    private Optional<Manifest> manifest;

    /** Look-ups in {@code layout}'s clone. */
    public PristineSkeletons(CourseLayout layout) {
        this.layout = layout;
    }

    /** The untouched skeleton of {@code file}, a file under a module's {@code src/main/java}. */
    public Lookup find(Path file) {
        String relative = layout.root()
                .toAbsolutePath()
                .relativize(file.toAbsolutePath())
                .toString()
                .replace('\\', '/');
        if (manifest == null) {
            manifest = Manifest.recorded(layout);
        }
        if (manifest.isEmpty()) {
            return new Lookup(null, "the course has no course-manifest.json to recognise its untouched skeleton by");
        }
        Optional<String> hash = manifest.get().hash(relative);
        if (hash.isEmpty()) {
            return new Lookup(null, file.getFileName() + " is not one of the course's skeleton files");
        }
        try {
            Git log = git(null, "log", "--all", "--format=", "--raw", "--no-abbrev", "--no-renames", "--", relative);
            if (log.exit != 0) {
                return new Lookup(
                        null,
                        "its untouched skeleton is looked for in git history, and git answered: "
                                + log.firstErrorLine());
            }
            Set<String> blobs = new LinkedHashSet<>();
            Matcher m = BLOB.matcher(log.out());
            while (m.find() && blobs.size() < MAX_BLOBS) {
                if (!m.group(1).chars().allMatch(c -> c == '0')) {
                    blobs.add(m.group(1));
                }
            }
            if (!blobs.isEmpty()) {
                byte[] found = matching(new ArrayList<>(blobs), hash.get());
                if (found != null) {
                    return new Lookup(found, null);
                }
            }
            return new Lookup(
                    null,
                    "its untouched skeleton is not in this clone's git history (was the clone made without history,"
                            + " or is course-manifest.json newer than the commits?)");
        } catch (IOException e) {
            return new Lookup(
                    null,
                    "its untouched skeleton is looked for in git history, and git could not be run (" + e.getMessage()
                            + ")");
        }
    }

    /** The first blob whose content has {@code hash}, read with one {@code git cat-file --batch}. */
    private byte[] matching(List<String> blobs, String hash) throws IOException {
        Git batch = git((String.join("\n", blobs) + "\n").getBytes(StandardCharsets.US_ASCII), "cat-file", "--batch");
        if (batch.exit != 0) {
            return null;
        }
        byte[] out = batch.stdout;
        int at = 0;
        while (at < out.length) {
            int eol = indexOf(out, (byte) '\n', at);
            if (eol < 0) {
                break;
            }
            String[] header = new String(out, at, eol - at, StandardCharsets.US_ASCII).split(" ");
            at = eol + 1;
            if (header.length < 3 || !header[1].equals("blob")) {
                continue; // "<id> missing": a blob not in this clone
            }
            int size = Integer.parseInt(header[2]);
            byte[] content = java.util.Arrays.copyOfRange(out, at, Math.min(out.length, at + size));
            at += size + 1;
            if (Manifest.sha256(content).equals(hash)) {
                return content;
            }
        }
        return null;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private record Git(int exit, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String firstErrorLine() {
            return stderr.lines().findFirst().orElse("exit status " + exit).strip();
        }
    }

    private Git git(byte[] input, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", layout.root().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drainOut = drain(p.getInputStream(), out);
        Thread drainErr = drain(p.getErrorStream(), err);
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input);
            }
        }
        try {
            if (!p.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git took longer than " + GIT_SECONDS + " s");
            }
            drainOut.join();
            drainErr.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new Git(p.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread drain(InputStream from, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
