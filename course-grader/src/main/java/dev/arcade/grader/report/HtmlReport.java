package dev.arcade.grader.report;

import dev.arcade.grader.course.Lesson;
import dev.arcade.grader.session.TestOutcome;
import dev.arcade.runner.TestStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Renders a {@link ScoreReport} as one self-contained HTML page (no scripts, no external files). */
final class HtmlReport {
    /** From the report ({@code target/workshop/report.html}) up to the course root. */
    static final String TO_ROOT = "../../";

    private HtmlReport() {}

    private static final String CSS = """
            :root{--bg:#0f172a;--card:#111c33;--ink:#e2e8f0;--mute:#94a3b8;--line:#1e2b47;--ok:#22c55e;--bad:#ef4444;
            --warn:#f59e0b;--todo:#64748b;--na:#a78bfa;--accent:#38bdf8}
            @media (prefers-color-scheme: light){:root{--bg:#f8fafc;--card:#fff;--ink:#0f172a;--mute:#475569;--line:#e2e8f0}}
            *{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;
            background:var(--bg);color:var(--ink)}main{max-width:980px;margin:0 auto;padding:32px 20px 64px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:0}.mute{color:var(--mute)}
            .hero{display:flex;gap:28px;align-items:center;background:var(--card);border:1px solid var(--line);
            border-radius:16px;padding:24px;margin:20px 0}
            .ring{--p:0;width:120px;height:120px;border-radius:50%;flex:none;display:grid;place-items:center;
            background:conic-gradient(var(--ok) calc(var(--p)*1%),var(--line) 0)}
            .ring span{width:94px;height:94px;border-radius:50%;background:var(--card);display:grid;place-items:center;
            font-size:24px;font-weight:700}
            .warn{border:1px solid var(--warn);color:var(--warn);border-radius:12px;padding:12px 16px;margin:16px 0}
            .module{background:var(--card);border:1px solid var(--line);border-radius:16px;padding:20px;margin:18px 0}
            .modhead{display:flex;justify-content:space-between;align-items:baseline;gap:12px}
            .bar{height:8px;background:var(--line);border-radius:99px;overflow:hidden;margin:12px 0 8px}
            .bar i{display:block;height:100%;background:var(--ok)}
            details{border-top:1px solid var(--line)}details:first-of-type{border-top:0}
            summary{display:grid;grid-template-columns:48px 1fr auto 70px;gap:12px;align-items:center;padding:10px 2px;
            cursor:pointer;list-style:none}summary::-webkit-details-marker{display:none}
            .id{font-weight:700;color:var(--accent)}.pts{text-align:right;font-variant-numeric:tabular-nums}
            .chip{font-size:12px;padding:2px 10px;border-radius:99px;border:1px solid currentColor;white-space:nowrap}
            .passed{color:var(--ok)}.failing,.crashed,.does_not_compile,.timed_out{color:var(--bad)}
            .timed_out,.crashed{color:var(--warn)}.not_started{color:var(--todo)}.not_gradable{color:var(--na)}
            .msg{grid-column:2/5;font-size:13px;color:var(--mute);margin-top:-6px}
            ul.tests{list-style:none;margin:0 0 12px;padding:0 0 0 60px}ul.tests li{padding:6px 0;border-top:1px dashed var(--line)}
            pre{white-space:pre-wrap;font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--bg);
            border-radius:8px;padding:8px 10px;margin:6px 0 0}
            code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
            footer{margin-top:32px;font-size:13px}
            a{color:var(--accent)}.links{padding:0 0 12px 60px}
            details.more{border:0;margin:2px 0 0}details.more>summary{display:block;padding:2px 0;font-size:12px;
            color:var(--mute)}details.more>summary::before{content:"▸ "}details.more[open]>summary::before{content:"▾ "}
            """;

    static String render(ScoreReport r) {
        StringBuilder h = new StringBuilder(16_384);
        int pct = r.possible() == 0 ? 0 : (int) Math.round(100.0 * r.earned() / r.possible());
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>Arcade workshop: ")
                .append(r.earned())
                .append('/')
                .append(r.possible())
                .append(" points</title><style>")
                .append(CSS)
                .append("</style></head><body><main>");
        h.append("<h1>Arcade: serverless AWS in Java</h1><div class=\"mute\">Score report, ")
                .append(esc(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .withZone(ZoneId.systemDefault())
                        .format(r.generatedAt())))
                .append(" · ")
                .append(esc(r.backend()))
                .append("</div>");
        h.append("<section class=\"hero\"><div class=\"ring\" style=\"--p:")
                .append(pct)
                .append("\"><span>")
                .append(pct)
                .append("%</span></div><div><h2>")
                .append(r.earned())
                .append(" of ")
                .append(r.possible())
                .append(" points</h2><div class=\"mute\">")
                .append(r.exercisesPassed())
                .append(" of ")
                .append(r.exercises())
                .append(" exercises passed</div>")
                .append(nextStep(r))
                .append("</div></section>");
        if (!r.tampered().isEmpty()) {
            h.append("<div class=\"warn\"><b>Test files were changed.</b> These differ from the course's manifest, so")
                    .append(" this score is not the course's: <code>")
                    .append(esc(String.join(", ", r.tampered())))
                    .append("</code></div>");
        }
        for (ModuleResult m : r.modules()) {
            int mp = m.possible() == 0 ? 0 : (int) Math.round(100.0 * m.earned() / m.possible());
            h.append("<section class=\"module\"><div class=\"modhead\"><h2>")
                    .append(esc(m.name()))
                    .append(" · ")
                    .append(esc(m.title()))
                    .append("</h2><b class=\"pts\">")
                    .append(m.earned())
                    .append('/')
                    .append(m.possible())
                    .append("</b></div><div class=\"bar\"><i style=\"width:")
                    .append(mp)
                    .append("%\"></i></div>");
            if (m.compileError() != null) {
                h.append("<div class=\"warn\">This module does not compile, so its exercises cannot be graded:")
                        .append("<pre>")
                        .append(esc(
                                m.compileDiagnostics().isEmpty()
                                        ? m.compileError()
                                        : diagnostics(m.compileDiagnostics())))
                        .append("</pre>")
                        .append(m.compileNote() == null ? "" : esc(m.compileNote()))
                        .append("</div>");
            }
            for (ExerciseResult e : m.exercises()) {
                exercise(h, m, e);
            }
            h.append("</section>");
        }
        h.append("<footer class=\"mute\">Written by <code>./workshop grade</code>. The same data is in")
                .append(" <code>report.json</code> (schema ")
                .append(ScoreReport.SCHEMA)
                .append(").</footer>")
                .append("</main></body></html>\n");
        return h.toString();
    }

    /** One exercise: a summary line that opens on its tests, its messages and its links. */
    private static void exercise(StringBuilder h, ModuleResult m, ExerciseResult e) {
        h.append("<details><summary><span class=\"id\">")
                .append(esc(e.id()))
                .append("</span><span>")
                .append(esc(e.title()))
                .append("</span><span class=\"chip ")
                .append(ReportWriter.id(e.status()))
                .append("\">")
                .append(esc(e.status().label()))
                .append("</span><span class=\"pts\">")
                .append(e.earned())
                .append('/')
                .append(e.possible())
                .append("</span>");
        if (!e.message().isEmpty()) {
            h.append("<span class=\"msg\">")
                    .append(esc(FailureText.of(e.message()).oneLine()))
                    .append("</span>");
        }
        h.append("</summary><ul class=\"tests\">");
        if (!e.diagnostics().isEmpty()) {
            h.append("<li><pre class=\"diagnostics\">")
                    .append(esc(diagnostics(e.diagnostics())))
                    .append("</pre></li>");
        }
        for (TestOutcome o : e.tests()) {
            test(h, o);
        }
        h.append("</ul><div class=\"mute links\"><a href=\"")
                .append(esc(lessonLink(m, e)))
                .append("\">lesson</a> · <a href=\"")
                .append(esc(hintsLink(m, e)))
                .append("\">hints</a> (or one at a time: <code>./workshop hint ")
                .append(esc(e.id()))
                .append("</code>) · run <code>./workshop test ")
                .append(esc(e.id()))
                .append("</code></div></details>");
    }

    /** One test: its status and name, and when it did not pass, the course's sentence with the rest folded. */
    private static void test(StringBuilder h, TestOutcome o) {
        h.append("<li><span class=\"chip ")
                .append(ReportWriter.id(o.status()))
                .append("\">")
                .append(esc(o.status().label()))
                .append("</span> ")
                .append(esc(o.test().displayName()))
                .append(" <span class=\"mute\">(")
                .append(o.test().points())
                .append(o.test().points() == 1 ? " point" : " points")
                .append(")</span>");
        if (o.message() != null && o.status() != TestStatus.PASSED) {
            FailureText text = FailureText.of(o.message());
            h.append("<pre>").append(esc(text.lead())).append("</pre>");
            if (!text.details().isEmpty()) {
                h.append("<details class=\"more\"><summary>what the assertion saw</summary><pre>")
                        .append(esc(text.details()))
                        .append("</pre></details>");
            }
        }
        h.append("</li>");
    }

    /**
     * The exercise's section in its module's lesson, relative to {@code target/workshop/report.html},
     * with the anchor GitHub gives the heading {@code ## 1.3 Title}.
     */
    static String lessonLink(ModuleResult m, ExerciseResult e) {
        return TO_ROOT + m.name() + "/README.md#" + Lesson.anchor(e.id(), e.title());
    }

    /** The exercise's hints file ({@code hints/1.3.md}), relative to the report. */
    static String hintsLink(ModuleResult m, ExerciseResult e) {
        return TO_ROOT + m.name() + "/hints/" + e.id() + ".md";
    }

    /** The compiler's errors as javac prints them, the first ten. */
    private static String diagnostics(java.util.List<dev.arcade.grader.session.CompileDiagnostic> ds) {
        return String.join(
                "\n\n",
                dev.arcade.grader.session.CompileDiagnostic.render(
                        ds, dev.arcade.grader.session.CompileDiagnostic.SHOWN));
    }

    private static String nextStep(ScoreReport r) {
        if (r.nothingToGrade().isPresent()) {
            return "<p>" + esc(r.nothingToGrade().get()) + "</p>";
        }
        Optional<NextStep> next = NextStep.of(r);
        if (next.isEmpty()) {
            return "<p>Every exercise passes. Well played.</p>";
        }
        ExerciseResult e = next.get().exercise();
        ModuleResult m = next.get().module();
        return "<p>Next: <b>" + esc(e.id() + " " + e.title()) + "</b>"
                + (next.get().started() ? " (started: " + esc(e.status().label()) + ")" : "")
                + ": read <a href=\"" + esc(lessonLink(m, e)) + "\">its lesson</a>, then <code>./workshop test "
                + esc(e.id()) + "</code></p>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
