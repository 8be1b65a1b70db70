package dev.aether.repl;

import dev.aether.core.EngineConfig;
import dev.aether.core.io.WavWriter;
import dev.aether.repl.console.Console;
import dev.aether.repl.console.ConsoleConfig;
import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.session.InputJournal;
import dev.aether.repl.session.NamedFiles;
import dev.aether.repl.session.ReplayLanding;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Main thread. {@code bin/aether render --journal FILE --out OUT.wav [--seconds S]}: re-renders a performed set
 * from its journal, offline, on an engine with the journal's sample rate and block size. Every input is replayed in
 * order, and each of its edits lands on the engine sample the journal recorded for it ({@link ReplayLanding}), so
 * the file holds what was heard from engine sample 0 on. Without {@code --seconds} it ends 2 s after the last edit.
 */
final class JournalRender {
    /** What is rendered after the last edit when no length is given, in seconds. */
    static final double TAIL_SECONDS = 2;

    private JournalRender() {}

    /** 0 on success, 65 for a journal that cannot be re-rendered, 73 when --out cannot be written. */
    static int render(LaunchOptions o) throws IOException {
        InputJournal.Recorded journal;
        try {
            journal = InputJournal.records(o.journal());
        } catch (IllegalArgumentException e) {
            System.err.println("aether render: " + e.getMessage());
            return 65;                                          // EX_DATAERR
        }
        if (journal.sampleRate() <= 0 || journal.blockSize() <= 0) {
            System.err.println("aether render: " + o.journal() + " does not say which engine played it (it was written"
                    + " before journals recorded where edits land): bin/aether --recover can replay it, render cannot");
            return 65;
        }
        try {
            NamedFiles.writable(o.out());
        } catch (IllegalArgumentException e) {
            System.err.println("aether render: --out " + e.getMessage());
            return 73;                                          // EX_CANTCREAT
        }
        EngineConfig config = EngineConfig.defaults().sampleRate(journal.sampleRate()).blockSize(journal.blockSize())
                .userCodeBudgetMillis(Aether.budgetMillis(Aether.OFFLINE_BUDGET_MILLIS));
        Terminal terminal = new DumbTerminal("render", "dumb", InputStream.nullInputStream(), System.err,
                StandardCharsets.UTF_8);
        PrintStream userOut = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        long limit = o.seconds() > 0 ? Math.round(o.seconds() * journal.sampleRate()) : Long.MAX_VALUE;
        long t0 = System.nanoTime();
        int failed = 0;
        ReplayLanding landing;
        long frames;
        try (AetherRuntime rt = new AetherRuntime(config, terminal, ConsoleConfig.scripted(), null, userOut);
             WavWriter wav = WavWriter.open(o.out(), o.wavFormat(), 2, journal.sampleRate())) {
            long[] written = new long[1];
            landing = new ReplayLanding(rt.engine(), (buffer, n) -> {
                int keep = (int) Math.min(n, limit - written[0]);
                if (keep > 0) wav.write(buffer, keep);
                written[0] += Math.max(0, keep);
            });
            rt.session().landing(landing);
            Console console = rt.console();
            for (java.util.List<InputJournal.Entry> input : journal.inputs()) {
                landing.entry(input.get(0).landings());
                if (input.get(0).input().startsWith(":")) {
                    console.accept(input.get(0).input());
                } else {
                    failed += rt.session().input(() -> {           // its snippets as one input, as typed live
                        int bad = 0;
                        for (InputJournal.Entry e : input) {
                            EvalReport r = console.evaluate(e.input(), Long.MAX_VALUE).join();
                            if (r.failed()) bad++;
                        }
                        return bad;
                    });
                }
            }
            long end = limit != Long.MAX_VALUE ? limit : landing.last() + Math.round(TAIL_SECONDS * journal.sampleRate());
            landing.renderUntil(end + config.blockSize() - 1);        // whole blocks, up to the end
            rt.faults().drain();
            frames = written[0];
        }
        double took = (System.nanoTime() - t0) / 1e9;
        System.err.printf("aether render: %s: %.2f s of audio from %s (%d inputs, every edit on the sample the journal"
                        + " recorded%s) in %.1f s%n", o.out(), frames / (double) journal.sampleRate(), o.journal(),
                journal.entries().size(), differences(landing, failed), took);
        return 0;
    }

    /** What made the replay differ from the performance, or "". */
    private static String differences(ReplayLanding landing, int failed) {
        StringBuilder b = new StringBuilder();
        if (landing.unrecorded() > 0) b.append(", except ").append(landing.unrecorded())
                .append(" edits the journal has no sample for: they landed where the render was");
        if (landing.unused() > 0) b.append("; ").append(landing.unused()).append(" recorded edits were not made again");
        if (failed > 0) b.append("; ").append(failed).append(" inputs failed in the replay (see above)");
        return b.toString();
    }
}
