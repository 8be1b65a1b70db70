package dev.aether.repl.command;

import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.repl.session.NamedFiles;
import dev.aether.repl.session.Recorder;
import java.nio.file.Path;

/**
 * Prompt thread (the {@link Recorder} writes on its own thread). {@code :record FILE.wav [float|16]} starts
 * recording the master output (24-bit PCM by default); {@code :record stop} finishes the file and prints its
 * duration and the frames dropped; {@code :record} alone says what is being recorded.
 */
final class RecordCommand implements ConsoleCommand, AutoCloseable {
    private final Engine engine;
    private Recorder recording;

    RecordCommand(Engine engine) { this.engine = engine; }

    @Override public String name() { return "record"; }
    @Override public String usage() { return ":record FILE.wav [float|16] | :record stop"; }
    @Override public String summary() { return "record the master output to a WAV file (24-bit unless float or 16)"; }

    @Override public synchronized void run(String args, CommandContext console) throws Exception {
        String[] a = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (a.length == 0) {
            console.print(recording == null ? "not recording" : String.format("recording %s (%.1f s so far)",
                    recording.file(), recording.framesWritten() / (double) engine.config().sampleRate()));
            return;
        }
        if (a[0].equals("stop")) {
            if (recording == null) throw new IllegalStateException("not recording");
            Recorder r = recording;
            recording = null;
            console.print(r.stop().toString());
            return;
        }
        if (recording != null) throw new IllegalStateException("already recording " + recording.file() + "; :record stop first");
        WavFormat format = WavFormat.PCM_24;
        if (a.length > 1) {
            switch (a[1]) {
                case "float", "32" -> format = WavFormat.FLOAT_32;
                case "16" -> format = WavFormat.PCM_16;
                case "24" -> format = WavFormat.PCM_24;
                default -> throw new IllegalArgumentException("format must be 16, 24 or float, was " + a[1]);
            }
        }
        Path file = NamedFiles.writable(a[0]);
        recording = Recorder.start(engine, file, format);
        console.print("recording to " + file);
    }

    /** Finishes a recording still running (on exit). */
    @Override public synchronized void close() {
        if (recording == null) return;
        try {
            recording.stop();
        } catch (Exception ignored) {
            // leaving anyway
        }
        recording = null;
    }
}
