package dev.aether.osc;

import dev.aether.core.engine.Engine;
import dev.aether.core.param.SmoothedParam;
import dev.aether.nodes.drum.Hits;
import dev.aether.nodes.voice.PolyVoices;
import java.util.concurrent.CompletableFuture;

/**
 * What the OSC server drives: a live session (the console's, or a test's). Called on the OSC thread only; every
 * method is control side and may wait for the session, never for the audio thread. A method that cannot do what it
 * is asked throws {@link IllegalArgumentException} saying what was wrong; the server counts it and drops the
 * message.
 */
public interface OscHost {
    /** The engine the session plays on (its clock maps timetags; its stats answer {@code /aether/query/load}). */
    Engine engine();

    /** Parameter {@code name} of the node now sounding in slot {@code slot} (the last node of its chain that has it). */
    SmoothedParam param(String slot, String name);

    /** The {@code poly(...)}/{@code synth(...)} instrument slot {@code slot} plays. */
    PolyVoices instrument(String slot);

    /** The drum or sample kit slot {@code slot} plays. */
    Hits kit(String slot);

    /**
     * Told after a parameter move was accepted and sent: parameter {@code name} of slot {@code slot} goes to {@code value}
     * over {@code rampSeconds} (NaN: the parameter's own ramp) from engine sample {@code atSample}. For a host that keeps
     * a record (the console's journal); on the OSC thread, so it must be quick. Does nothing by default.
     */
    default void moved(String slot, String name, double value, double rampSeconds, long atSample) {}

    /** Fades slot {@code slot} in ({@code true}) or out ({@code false}); it stays defined. */
    void slot(String slot, boolean sounding);

    /** Stops the pattern in slot {@code name} at the next bar, or plays its last pattern again from the next bar. */
    void pattern(String name, boolean playing);

    /** Changes the tempo (1..999 BPM) as {@code :tempo} does. */
    void tempo(double bpm);

    /** The sounding graph as text, as {@code :graph} shows it. */
    String graph();

    /** Evaluates {@code code} as if typed at the prompt (journalled, under the evaluation budget); the text shown. */
    CompletableFuture<String> eval(String code);
}
