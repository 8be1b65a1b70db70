package dev.aether.arrange.live;

import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;

/**
 * An instrument an instrument track can play: a node that takes notes on exact engine samples from the audio thread,
 * before it renders the block that holds them. A {@link dev.aether.nodes.voice.PolyVoices} ({@code synth(8)}) plays
 * without implementing it; a user instrument implements it. Confined to the audio thread.
 */
public interface NotePlayer {
    /** Starts MIDI key {@code key} (0..127) at velocity {@code velocity} (0..1) at engine sample {@code atSample}. */
    @AudioThread @RealtimeSafe
    void noteOnRt(int key, double velocity, long atSample);

    /** Releases {@code key} at engine sample {@code atSample}. */
    @AudioThread @RealtimeSafe
    void noteOffRt(int key, long atSample);

    /** Releases every held key at engine sample {@code atSample} (a seek, a stop, a loop's wrap). */
    @AudioThread @RealtimeSafe
    void allNotesOffRt(long atSample);
}
