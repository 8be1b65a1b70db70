package dev.aether.repl.command;

import dev.aether.core.DspNode;
import dev.aether.core.engine.Engine;
import dev.aether.core.view.OutputTap;
import dev.aether.repl.console.visual.AsciiPlot;
import dev.aether.repl.console.visual.Response;
import dev.aether.repl.console.visual.Scope;
import dev.aether.repl.console.visual.Spectrum;
import dev.aether.repl.eval.Evaluator;
import dev.aether.repl.userapi.Chain;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Prompt thread (the audio thread only copies into the tap; {@code :response} evaluates on the worker and
 * waits). Teaching visuals printed above the prompt, as wide as the terminal: {@code :scope [MS]} (the master's
 * waveform), {@code :spectrum} (the master's spectrum) and {@code :response EXPR} (a filter's magnitude
 * response). The first two listen to the master through a {@link OutputTap} for a moment; the audio thread
 * only copies into the tap.
 */
final class VisualCommands {
    static final int ROWS = 12;
    static final int SPECTRUM_FRAMES = 8192;
    static final long CAPTURE_TIMEOUT_MILLIS = 3_000;

    private final Engine engine;
    private final Evaluator evaluator;

    VisualCommands(Engine engine, Evaluator evaluator) {
        this.engine = engine;
        this.evaluator = evaluator;
    }

    /** {@code :scope}, {@code :spectrum} and {@code :response}. */
    List<ConsoleCommand> commands() {
        VisualCommands v = this;
        return List.of(ConsoleCommand.of("scope", ":scope [MS]", "the master's waveform over MS milliseconds (default 20)",
                (a, c) -> {
                    double ms = a.isBlank() ? 20 : Double.parseDouble(a.strip());
                    if (!(ms >= 1 && ms <= 2_000)) throw new IllegalArgumentException("MS must be 1..2000, was " + a.strip());
                    Scope.Trace t = v.scope(ms, columns(c));
                    c.print(Scope.render(t, ROWS));
                }),
            ConsoleCommand.of("spectrum", ":spectrum", "the master's spectrum in dB over log frequency",
                (a, c) -> c.print(Spectrum.render(v.spectrum(columns(c)), ROWS))),
            ConsoleCommand.of("response", ":response EXPR", "magnitude response of a filter, e.g. :response lowpass(800, 4)",
                (a, c) -> c.print(Response.render(v.response(a, columns(c)), ROWS + 2))));
    }

    static int columns(CommandContext c) { return AsciiPlot.columnsFor(c.width()); }

    /** A triggered trace of the next {@code ms} of the master. */
    Scope.Trace scope(double ms, int columns) throws InterruptedException {
        int frames = (int) Math.round(ms * engine.config().sampleRate() / 1000);
        return Scope.trace(captureMono(2 * frames), frames, columns, engine.config().sampleRate());
    }

    /** The spectrum of the next {@value #SPECTRUM_FRAMES} frames of the master. */
    Spectrum.Bands spectrum(int columns) throws InterruptedException {
        return Spectrum.of(captureMono(SPECTRUM_FRAMES), engine.config().sampleRate(), columns);
    }

    /** The response of what {@code expression} evaluates to (a chain or a node). */
    Response.Curve response(String expression, int columns) throws Exception {
        String e = expression.strip();
        while (e.endsWith(";")) e = e.substring(0, e.length() - 1).strip();
        if (e.isEmpty()) throw new IllegalArgumentException("usage: :response EXPR, e.g. :response lowpass(800, 4)");
        Object value;
        try {
            value = evaluator.valueOf(e).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException x) {
            if (x.getCause() instanceof RuntimeException r) throw r;
            throw x;
        }
        List<DspNode> nodes;
        if (value instanceof Chain ch) nodes = ch.nodes();
        else if (value instanceof DspNode n) nodes = List.of(n);
        else throw new IllegalArgumentException(e + " is not a node or chain but " + (value == null ? "null" : value.getClass().getSimpleName()));
        double sr = engine.config().sampleRate();
        return Response.curve(Response.of(nodes, sr), sr, columns);
    }

    /** The next {@code frames} frames of the master, left and right averaged. */
    float[] captureMono(int frames) throws InterruptedException {
        if (engine.driver() == null) throw new IllegalStateException("nothing is rendering: no audio driver runs");
        float[] stereo = new float[2 * frames];
        float[] chunk = new float[8192];
        OutputTap tap = engine.openTap(frames + 8192);
        int got = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CAPTURE_TIMEOUT_MILLIS);
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
