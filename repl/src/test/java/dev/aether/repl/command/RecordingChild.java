package dev.aether.repl.command;

import dev.aether.repl.LiveConsole;

/**
 * Main thread of a child JVM started by {@link RecordCrashTest}: the console plays {@code sine(440)} on the paced
 * null driver and types {@code :record FILE [FORMAT]}, prints {@value #READY} and waits to be killed (it exits by
 * itself after a minute, should the parent die first). Arguments: the file, then an optional format word.
 */
public final class RecordingChild {
    static final String READY = "RECORDING";

    private RecordingChild() {}

    public static void main(String[] args) throws Exception {
        LiveConsole live = LiveConsole.playing();
        live.console().eval("play(sine(440))");
        String reply = live.console().eval(":record " + String.join(" ", args));
        System.out.println(reply);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(3);
    }
}
