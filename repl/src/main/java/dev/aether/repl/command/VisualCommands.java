package dev.aether.repl.command;

import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.view.OutputTap;
import dev.aether.repl.console.visual.Analysis;
import dev.aether.repl.console.visual.BrailleRenderer;
import dev.aether.repl.console.visual.ChainRender;
import dev.aether.repl.console.visual.EnvelopeShape;
import dev.aether.repl.console.visual.Figure;
import dev.aether.repl.console.visual.NullTest;
import dev.aether.repl.console.visual.PngRenderer;
import dev.aether.repl.console.visual.Response;
import dev.aether.repl.console.visual.Scope;
import dev.aether.repl.console.visual.Spectrogram;
import dev.aether.repl.console.visual.Spectrum;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.session.NamedFiles;
import dev.aether.repl.userapi.Chain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Prompt thread (the audio thread only copies into the tap; expressions are evaluated on the worker while this
 * waits). Teaching pictures printed above the prompt in braille at the terminal's size, and with {@code --png FILE}
 * also saved as a picture to print, titled with the command that made it: {@code :scope}, {@code :spectrum},
 * {@code :response}, {@code :spectrogram}, {@code :envelope}; and two measurements, {@code :analyze} (harmonics,
 * THD, THD+N) and {@code :compare} (a null test). Without an expression they listen to the master through an
 * {@link OutputTap}; with one (a node, a chain, {@code slot("name")} or just {@code "name"}) they render copies of
 * its nodes offline ({@link ChainRender}), so what plays is never touched and what does not play can be shown.
 */
final class VisualCommands {
    static final int SPECTRUM_FRAMES = 8192;
    static final int ANALYSIS_FRAMES = 1 << 16;
    /** Frames a rendered expression runs before what is shown (filters settle, oscillators start). */
    static final int SETTLE_FRAMES = 4096;
    static final int SPECTROGRAM_COLUMNS = 400;
    static final long CAPTURE_TIMEOUT_MILLIS = 3_000;
    static final String NOISE = "white noise (seed 1, amplitude 0.5)";

    private final Engine engine;
    private final Evaluator evaluator;

    VisualCommands(Engine engine, Evaluator evaluator) {
        this.engine = engine;
        this.evaluator = evaluator;
    }

    /** The words of a command line: top-level expressions and numbers, and the file after {@code --png}. */
    record Words(List<String> words, String png, String shown) {
        static Words of(String args) {
            List<String> all = split(args), words = new ArrayList<>();
            String png = null;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).equals("--png")) {
                    if (i + 1 >= all.size()) throw new IllegalArgumentException("--png needs a file name, e.g. --png response.png");
                    png = unquote(all.get(++i));
                    NamedFiles.writable(png);                                  // refused before anything is rendered
                } else {
                    words.add(all.get(i));
                }
            }
            return new Words(words, png, String.join(" ", words));
        }

        /** Splits at white space outside brackets and quotes: {@code lowpass(800, 4) x} is two words. */
        static List<String> split(String s) {
            List<String> out = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            int depth = 0;
            boolean quoted = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) quoted = !quoted;
                if (!quoted && (c == '(' || c == '[' || c == '{')) depth++;
                if (!quoted && (c == ')' || c == ']' || c == '}')) depth--;
                if (Character.isWhitespace(c) && depth <= 0 && !quoted) {
                    if (w.length() > 0) out.add(w.toString());
                    w.setLength(0);
                } else {
                    w.append(c);
                }
            }
            if (w.length() > 0) out.add(w.toString());
            for (int i = out.size() - 2; i >= 0; i--) {                       // "new Thru()" is one word
                if (out.get(i).equals("new")) out.set(i, "new " + out.remove(i + 1));
            }
            return out;
        }

        private static String unquote(String s) { return s.length() > 1 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s; }

        /** The leading number, or NaN when the first word is not one. */
        double leadingNumber() {
            if (words.isEmpty()) return Double.NaN;
            try {
                return Double.parseDouble(words.get(0));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        String rest(int from) { return String.join(" ", words.subList(Math.min(from, words.size()), words.size())); }
    }

    /** The picture commands and the two measurements. */
    List<ConsoleCommand> commands() {
        return List.of(
            command("scope", ":scope [MS] [EXPR] [--png FILE]",
                "waveform over MS milliseconds (default 20) of the master, or of EXPR rendered on copies",
                "Time in ms across, amplitude up; triggered on an upward zero crossing so a steady tone stands still.\n"
                    + "  EXPR is a node, a chain, slot(\"name\") or \"name\"; a chain that takes an input is fed " + NOISE + ".",
                this::scopeCommand),
            command("spectrum", ":spectrum [EXPR] [--png FILE]",
                "spectrum in dBFS over log frequency of the master, or of EXPR rendered on copies",
                "Level in dBFS (a full-scale sine reads 0) up, frequency 20 Hz..20 kHz on a log axis across;\n"
                    + "  one Hann-windowed FFT of " + SPECTRUM_FRAMES + " samples. A chain that takes an input is fed " + NOISE + ".",
                this::spectrumCommand),
            command("response", ":response EXPR [--png FILE]",
                "magnitude (dB) and phase of a filter or chain over log frequency, -3 dB points marked",
                "Biquads are evaluated exactly; other nodes are measured from the impulse response of copies\n"
                    + "  (a playing node is untouched). E.g. :response lowpass(800, 4).to(hp1(100)) --png lp.png.",
                this::responseCommand),
            command("spectrogram", ":spectrogram [SECONDS] [EXPR] [--png FILE]",
                "levels over time and log frequency (default 2 s) of the master, or of EXPR rendered on copies",
                "Hann-windowed FFTs of " + Spectrogram.FFT_SIZE + " samples, " + (int) Spectrogram.FLOOR_DB
                    + " dBFS (dark, no dot) to 0 dBFS (bright, all dots).",
                this::spectrogramCommand),
            command("envelope", ":envelope EXPR [HOLD_S] [--png FILE]",
                "the shape of an envelope: a copy gated on for HOLD_S seconds (default 0.5), then off",
                "Level over time until the output falls silent; the gate's closing is dashed.\n"
                    + "  E.g. :envelope adsr(0.01, 0.2, 0.5, 0.4) 0.6",
                this::envelopeCommand),
            command("analyze", ":analyze [EXPR]",
                "fundamental, harmonics in dBFS and dBc, THD, THD+N, peak and RMS of the master or of EXPR",
                "One Blackman-Harris FFT of " + ANALYSIS_FRAMES + " samples; a level is the power of the component's main lobe.\n"
                    + "  A chain that takes an input (a shaper, a filter) is fed a 1 kHz sine of amplitude 0.5.",
                this::analyzeCommand),
            command("compare", ":compare A B",
                "null test: render A and B on the same input and report where and how much they differ",
                "Both are rendered on copies, reset to rest, for 1 s of " + NOISE + " (sources ignore it); prints\n"
                    + "  \"identical\" when every sample is equal, else the first differing sample and the peak and RMS\n"
                    + "  of the difference in dBFS. Put spaces only inside brackets: :compare lowpass(800) myLowpass",
                this::compareCommand));
    }

    private static ConsoleCommand command(String name, String usage, String summary, String more, ConsoleCommand.Body body) {
        return new ConsoleCommand() {
            @Override public String name() { return name; }
            @Override public String usage() { return usage; }
            @Override public String summary() { return summary; }
            @Override public String help() { return summary + ".\n\n  " + more + (usage.contains("--png")
                    ? "\n\n  --png FILE also saves a " + PngRenderer.WIDTH + " x " + PngRenderer.HEIGHT + " picture titled with the command." : ""); }
            @Override public void run(String args, CommandContext console) throws Exception { body.run(args, console); }
        };
    }

    // --- the commands

    private void scopeCommand(String args, CommandContext c) throws Exception {
        Words w = Words.of(args);
        double given = w.leadingNumber(), ms = Double.isNaN(given) ? 20 : given;
        if (!(ms >= 1 && ms <= 2_000)) throw new IllegalArgumentException("MS must be 1..2000, was " + w.words().get(0));
        String expr = w.rest(Double.isNaN(given) ? 0 : 1);
        List<String> notes = new ArrayList<>();
        Scope.Trace t = scope(ms, expr, notes);
        show(c, Scope.figure(t, ":scope " + w.shown(), notes), w.png());
    }

    private void spectrumCommand(String args, CommandContext c) throws Exception {
        Words w = Words.of(args);
        List<String> notes = new ArrayList<>();
        Spectrum.Bands b = spectrum(w.shown(), Response.POINTS, notes);
        show(c, Spectrum.figure(b, ":spectrum " + w.shown(), notes), w.png());
    }

    private void responseCommand(String args, CommandContext c) throws Exception {
        Words w = Words.of(args);
        show(c, Response.figure(response(w.shown(), Response.POINTS), ":response " + w.shown()), w.png());
    }

    private void spectrogramCommand(String args, CommandContext c) throws Exception {
        Words w = Words.of(args);
        double given = w.leadingNumber(), seconds = Double.isNaN(given) ? 2 : given;
        if (!(seconds >= 0.1 && seconds <= 30)) throw new IllegalArgumentException("SECONDS must be 0.1..30, was " + w.words().get(0));
        String expr = w.rest(Double.isNaN(given) ? 0 : 1);
        int frames = Math.max(Spectrogram.FFT_SIZE, (int) Math.round(seconds * sampleRate()));
        List<String> notes = new ArrayList<>();
        float[] x = signal(expr, frames, 0, notes);
        show(c, Spectrogram.figure(x, sampleRate(), SPECTROGRAM_COLUMNS, ":spectrogram " + w.shown(), notes), w.png());
    }

    private void envelopeCommand(String args, CommandContext c) throws Exception {
        Words w = Words.of(args);
        if (w.words().isEmpty()) throw new IllegalArgumentException("usage: :envelope EXPR [HOLD_S], e.g. :envelope adsr(0.01, 0.2, 0.5, 0.4)");
        double hold = 0.5;
        String expr = w.shown();
        if (w.words().size() > 1) {
            try {
                hold = Double.parseDouble(w.words().get(w.words().size() - 1));
                expr = String.join(" ", w.words().subList(0, w.words().size() - 1));
            } catch (NumberFormatException notANumber) {
                // the whole line is the expression
            }
        }
        if (!(hold > 0 && hold <= 30)) throw new IllegalArgumentException("HOLD_S must be above 0 and at most 30 seconds, was " + hold);
        float[] y = EnvelopeShape.render(nodesOf(expr), hold, sampleRate());
        show(c, EnvelopeShape.figure(y, hold, sampleRate(), ":envelope " + w.shown()), w.png());
    }

    private void analyzeCommand(String args, CommandContext c) throws Exception {
        c.print(analyze(args.strip()).report());
    }

    private void compareCommand(String args, CommandContext c) throws Exception {
        Words w = Words.of(args);
        if (w.words().size() != 2) {
            throw new IllegalArgumentException("usage: :compare A B — two nodes or chains, with spaces only inside brackets (got "
                    + w.words().size() + " words)");
        }
        c.print(compare(w.words().get(0), w.words().get(1)));
    }

    /** Prints {@code f} at the terminal's size and writes it to {@code png} when given. */
    private static void show(CommandContext c, Figure f, String png) throws Exception {
        c.print(BrailleRenderer.render(f, columns(c), rows(c)));
        if (png != null) c.print("saved " + PngRenderer.write(f, png) + " (" + PngRenderer.WIDTH + " x " + PngRenderer.HEIGHT + ")");
    }

    static int columns(CommandContext c) { return c.width() <= 0 ? 80 : Math.max(40, c.width()); }

    /** Rows for a picture: the terminal's height less the typed command and the prompt (3 when the height is unknown: 24). */
    static int rows(CommandContext c) { return Math.max(14, (c.height() <= 0 ? 24 : c.height()) - 4); }

    // --- the data (package-private for the tests)

    double sampleRate() { return engine.config().sampleRate(); }

    /** A triggered trace of {@code ms} of the master (expr blank) or of {@code expr}'s copies. */
    Scope.Trace scope(double ms, String expr, List<String> notes) throws Exception {
        int frames = (int) Math.round(ms * sampleRate() / 1000);
        return Scope.trace(signal(expr, 2 * frames, 0, notes), frames, sampleRate());
    }

    /** The spectrum of {@value #SPECTRUM_FRAMES} frames of the master (expr blank) or of {@code expr}'s copies. */
    Spectrum.Bands spectrum(String expr, int bands, List<String> notes) throws Exception {
        return Spectrum.of(signal(expr, SPECTRUM_FRAMES, SETTLE_FRAMES, notes), sampleRate(), bands);
    }

    /** The response of what {@code expression} evaluates to (a chain or a node). */
    Response.Curve response(String expression, int points) throws Exception {
        if (expression.isBlank()) throw new IllegalArgumentException("usage: :response EXPR, e.g. :response lowpass(800, 4)");
        return Response.curve(Response.of(nodesOf(expression), sampleRate()), sampleRate(), points);
    }

    /** Harmonic analysis of the master (expr blank) or of {@code expr}'s copies, fed a 1 kHz sine when they take input. */
    Analysis.Result analyze(String expr) throws Exception {
        float[] x;
        if (expr.isBlank()) {
            x = captureMono(ANALYSIS_FRAMES);
        } else {
            List<DspNode> nodes = nodesOf(expr);
            int total = SETTLE_FRAMES + ANALYSIS_FRAMES;
            float[] sine = new float[total];
            for (int i = 0; i < total; i++) sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / sampleRate()));
            float[] y = ChainRender.render(nodes, ChainRender.takesInput(nodes) ? sine : null, total, sampleRate());
            x = java.util.Arrays.copyOfRange(y, SETTLE_FRAMES, total);
        }
        return Analysis.of(x, sampleRate(), 10);
    }

    /** The null test of {@code a} against {@code b} on 1 s of white noise, copies reset to rest, as printed. */
    String compare(String a, String b) throws Exception {
        List<DspNode> na = nodesOf(a), nb = nodesOf(b);
        int frames = (int) Math.round(sampleRate());
        float[] noise = ChainRender.whiteNoise(frames, 0.5);
        float[] ya = ChainRender.render(na, noise, frames, sampleRate(), true), yb = ChainRender.render(nb, noise, frames, sampleRate(), true);
        boolean fed = ChainRender.takesInput(na) || ChainRender.takesInput(nb);
        String input = fed ? "1 s of " + NOISE : "1 s of their own output (sources take no input)";
        return NullTest.of(ya, yb).report("A (" + a + ")", "B (" + b + ")", input, sampleRate());
    }

    /**
     * {@code frames} samples: of the master when {@code expr} is blank, else of copies of {@code expr}'s nodes after
     * {@code settle} frames (fed {@link #NOISE} when they take an input); says which in {@code notes}.
     */
    float[] signal(String expr, int frames, int settle, List<String> notes) throws Exception {
        if (expr.isBlank()) {
            notes.add("the master output, as it plays");
            return captureMono(frames);
        }
        List<DspNode> nodes = nodesOf(expr);
        boolean fed = ChainRender.takesInput(nodes);
        notes.add("rendered from copies of " + expr + (fed ? ", fed " + NOISE : "") + " (what plays is untouched)");
        int total = settle + frames;
        float[] y = ChainRender.render(nodes, fed ? ChainRender.whiteNoise(total, 0.5) : null, total, sampleRate());
        return java.util.Arrays.copyOfRange(y, settle, total);
    }

    /** The nodes of what {@code expression} evaluates to: a chain, a node, or a slot's name as a string. */
    List<DspNode> nodesOf(String expression) throws Exception {
        String e = expression.strip();
        while (e.endsWith(";")) e = e.substring(0, e.length() - 1).strip();
        if (e.isEmpty()) throw new IllegalArgumentException("name a node or chain, e.g. lowpass(800) or slot(\"bass\")");
        Object value = valueOf(e);
        if (value instanceof String slot) value = valueOf("slot(\"" + slot.replace("\\", "\\\\").replace("\"", "\\\"") + "\")");
        if (value instanceof Chain ch) return ch.nodes();
        if (value instanceof DspNode n) return List.of(n);
        throw new IllegalArgumentException(e + " is not a node or chain but " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private Object valueOf(String e) throws Exception {
        try {
            return evaluator.valueOf(e).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException x) {
            if (x.getCause() instanceof RuntimeException r) throw r;
            throw x;
        }
    }

    /** The next {@code frames} frames of the master, left and right averaged. */
    float[] captureMono(int frames) throws InterruptedException {
        if (engine.driver() == null) throw new IllegalStateException("nothing is rendering: no audio driver runs");
        float[] stereo = new float[2 * frames];
        float[] chunk = new float[8192];
        OutputTap tap = engine.openTap(frames + 8192);
        int got = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CAPTURE_TIMEOUT_MILLIS)
                    + (long) (frames / sampleRate() * 1e9);
            while (got < stereo.length) {
                int n = tap.read(chunk);
                if (n == 0) {
                    if (System.nanoTime() > deadline) throw new IllegalStateException("the audio thread delivered no audio for "
                            + CAPTURE_TIMEOUT_MILLIS + " ms");
                    LockSupport.parkNanos(2_000_000);
                    if (Thread.interrupted()) throw new InterruptedException();
                    continue;
                }
                int take = Math.min(n, stereo.length - got);
                System.arraycopy(chunk, 0, stereo, got, take);
                got += take;
            }
        } finally {
            engine.closeTap(tap);
        }
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++) mono[i] = 0.5f * (stereo[2 * i] + stereo[2 * i + 1]);
        return mono;
    }
}
