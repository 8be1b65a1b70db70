package dev.aether.nodes.voice;

import dev.aether.core.AudioThread;
import dev.aether.core.DspNode;
import dev.aether.core.RealtimeSafe;

/**
 * A node that plays one note at a time, for {@link PolyVoices}. Its first output port is what the voice sounds.
 * The note methods are called on the audio thread between the voice's {@link #process} calls and take effect
 * at the start of the next one; they must not allocate.
 */
public interface Voice extends DspNode {
    /** Starts (or, if sounding, retriggers without a click) a note; velocity 0..1. */
    @AudioThread @RealtimeSafe
    void noteOnRt(double frequencyHz, double velocity);

    /** Releases the note; the voice keeps sounding until its release ends. */
    @AudioThread @RealtimeSafe
    void noteOffRt();

    /**
     * Bends the voice's pitch by {@code ratio} (1: none; 2: an octave up) from the start of its next block, for the
     * note it plays and every later one until bent again. A voice that cannot bend ignores it (the default).
     */
    @AudioThread @RealtimeSafe
    default void bendRt(double ratio) {}

    /** True while the voice makes sound (attack through the end of its release). */
    @AudioThread @RealtimeSafe
    boolean isActiveRt();

    /** Equal-tempered frequency of a MIDI note, A4 = 69 = 440 Hz. */
    @RealtimeSafe
    static double midiToHz(double note) { return 440 * Math.pow(2, (note - 69) / 12); }
}
