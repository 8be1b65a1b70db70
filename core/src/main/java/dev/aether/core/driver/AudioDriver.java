package dev.aether.core.driver;

import dev.aether.core.ControlThread;

/**
 * Moves audio from an {@link AudioSource} to somewhere: a sound card, a WAV file, or nowhere at the
 * real rate. Start and stop are control-thread calls; the driver owns its audio thread.
 */
public interface AudioDriver extends AutoCloseable {
    /** A one-line description for the console, e.g. {@code "Java Sound: default device, 512-frame buffer"}. */
    String description();

    /** Starts pulling audio from {@code source} on the driver's own thread. */
    @ControlThread
    void start(AudioSource source);

    /**
     * One line on how the audio thread is scheduled, e.g. {@code "audio thread: SCHED_FIFO 80"} or
     * {@code "audio thread: normal scheduling (no permission)"}; meaningful once started.
     */
    default String schedulingReport() { return "audio thread: " + description(); }

    /**
     * The {@code SCHED_FIFO} priority the audio thread got (1..99), or 0 when it runs with normal scheduling; the
     * engine's parallel worker asks for the same. Meaningful once started.
     */
    default int fifoPriority() { return 0; }

    /**
     * Where the audio loop spent its worst moments (rendering, waiting on the device), for telling a JVM stall
     * from a device that stopped taking audio; empty when the driver does not measure it. Any thread.
     */
    default String timingReport() { return ""; }

    /** Stops and joins the audio thread. Idempotent. */
    @ControlThread
    void stop();

    @Override
    default void close() { stop(); }
}
