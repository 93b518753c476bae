package dev.arcade.functions;

/**
 * What one run of the weekly archive job answers (exercise 3.8), as JSON {@code {"week":"2026-W48",
 * "archived":20,"done":false}}.
 *
 * @param week the week the run archived, as {@link ArchiveStore#weekOf} writes it
 * @param archived how many best scores this run copied (0 for a run after the week was done)
 * @param done whether the week is now fully archived
 */
public record ArchiveReport(String week, int archived, boolean done) {}
