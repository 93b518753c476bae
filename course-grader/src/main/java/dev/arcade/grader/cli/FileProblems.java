package dev.arcade.grader.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a file error about the course folder (a read-only checkout, a file where a folder belongs, a
 * full disk) into one sentence for the learner, instead of a stack trace.
 */
final class FileProblems {
    private FileProblems() {}

    /**
     * The sentence for {@code e} if it is a file error: an {@link IOException}, or an
     * {@link UncheckedIOException} that only wraps one (one with a message of its own says it).
     */
    static Optional<String> of(Throwable e, Path root) {
        if (e instanceof IOException io) {
            return Optional.of(sentence(io, root));
        }
        if (e instanceof UncheckedIOException u) {
            return Optional.of(
                    u.getMessage() == null || u.getMessage().equals(u.getCause().toString())
                            ? sentence(u.getCause(), root)
                            : u.getMessage());
        }
        return Optional.empty();
    }

    /**
     * One sentence that says which file could not be read or written, why, and what to do.
     *
     * @param root the course folder, to name files relative to it (null: as they are)
     */
    static String sentence(IOException e, Path root) {
        String file = null;
        String reason = e.getMessage();
        if (e instanceof FileSystemException f) {
            file = f.getFile();
            reason = f.getReason();
        } else if (e instanceof FileNotFoundException && reason != null && reason.endsWith(")")) {
            // java.io says "path (reason)"
            int open = reason.lastIndexOf(" (");
            if (open > 0) {
                file = reason.substring(0, open);
                reason = reason.substring(open + 2, reason.length() - 1);
            }
        }
        String name = file == null ? "a file of the course folder" : relative(Path.of(file), root);
        String why = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (e instanceof AccessDeniedException
                || why.contains("read-only")
                || why.contains("permission denied")
                || why.contains("access is denied")) {
            return "cannot write " + name + ": the folder is read-only; make the course folder writable (or clone the"
                    + " course where you can write), then run this again.";
        }
        if (e instanceof NotDirectoryException
                || e instanceof FileAlreadyExistsException
                || why.contains("not a directory")) {
            return "cannot write " + name + ": a file stands where a folder belongs on that path; move that file"
                    + " away, then run this again.";
        }
        if (e instanceof NoSuchFileException) {
            return "cannot find " + name + "; is the course folder complete? (git status shows what is missing)";
        }
        if (why.contains("no space")) {
            return "cannot write " + name + ": the disk is full; free some space, then run this again.";
        }
        return "cannot read or write " + name + (reason == null ? "" : " (" + reason + ")")
                + "; check that the course folder is complete and writable, then run this again.";
    }

    private static String relative(Path file, Path root) {
        if (root == null) {
            return file.toString();
        }
        Path abs = file.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return abs.startsWith(r) ? r.relativize(abs).toString().replace('\\', '/') : file.toString();
    }
}
