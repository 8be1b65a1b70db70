package dev.aether.core.time;

import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;

/**
 * Something that takes timed events from the {@link TimedEventChannel}: a parameter, a gate, a sampler, a voice
 * allocator, and in later issues whatever patterns, MIDI, OSC and automation drive. Its one method runs on the
 * thread that drains the channel (the audio thread, or the thread that runs an unbound target; see
 * {@link PendingEvents}).
 *
 * <p>An implementation stores the event (typically in its own {@link PendingEvents}, ordered by sample) and applies
 * it while it renders the block that holds {@code atSample}, splitting its processing there. It must not allocate,
 * block or throw.
 */
@FunctionalInterface
public interface TimedTarget {
    /**
     * Takes one event: {@code kind} and {@code key} mean what the target says (gate on/off, note number, ...),
     * {@code atSample} is the engine sample it applies at (below the current block: at the block's start),
     * {@code a} and {@code b} are its numeric arguments (value and ramp, frequency and velocity, ...).
     */
    @AudioThread @RealtimeSafe
    void acceptRt(int kind, int key, long atSample, double a, double b);
}
