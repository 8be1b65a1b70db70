package dev.aether.nodes.env;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.time.PendingEvents;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedTarget;

/**
 * The one gate of aether's envelopes ({@link AdsrEnvelope}, {@link ArEnvelope}, and any node that needs a gate):
 * the OR of a gate input sample (above 0.5 = on) and a control gate. The control gate is set by timed events
 * ({@link #offer}, any control thread, through the engine's {@link TimedEventChannel}, sample-exact) or by
 * {@link #gateRt} (audio thread, the next block). A note-on while the gate is already on retriggers. Audio-thread
 * state of the owning node except where noted.
 *
 * <p>Per block the owner calls {@link #beginBlockRt}, then {@link #stepRt} for every sample (or nothing at all
 * while {@link #quietRt} says no edge can come); {@code stepRt} reports {@link #RISE} and {@link #FALL} edges on
 * their exact sample.
 */
public final class Gate implements TimedTarget {
    /** Timed gate events one gate holds before {@link #offer} refuses more. */
    public static final int CAPACITY = 256;
    /** What {@link #stepRt} saw: nothing, the gate opened (or retriggered), the gate closed. */
    public static final int NONE = 0, RISE = 1, FALL = 2;
    private static final int EVENT_OFF = 0, EVENT_ON = 1;

    private final PendingEvents events = PendingEvents.growing(CAPACITY);   // storage at the first offer
    boolean controlGate, inputGate, gateOn;    // saved and restored by the owner
    private boolean pendingRt, pendingOnRt, retrigger;
    private long blockStart;
    private int frames, next;

    /** Binds the timed events to {@code channel} ({@code null}: unbound, see {@link PendingEvents}). Control thread. */
    @ControlThread
    public void bind(TimedEventChannel channel) { events.bind(channel); }

    /**
     * Opens or closes the control gate at engine sample {@code atSample} ({@code < 0}: the next block). Any
     * thread; false if {@value #CAPACITY} events wait or the channel is full.
     */
    @ControlThread
    public boolean offer(boolean on, long atSample) {
        return events.offer(this, on ? EVENT_ON : EVENT_OFF, 0, atSample, 0, 0);
    }

    @Override @AudioThread @RealtimeSafe
    public void acceptRt(int kind, int key, long atSample, double a, double b) { events.addRt(kind, key, atSample, a, b); }

    /** Sets the control gate at the start of the next block; {@code true} while on retriggers. */
    @AudioThread @RealtimeSafe
    public void gateRt(boolean on) { pendingRt = true; pendingOnRt = on; }

    /** True while a {@link #gateRt}{@code (true)} waits for the next block. */
    @AudioThread @RealtimeSafe
    public boolean noteOnPendingRt() { return pendingRt && pendingOnRt; }

    /** Starts a block of {@code frames} samples at engine sample {@code blockStart}: applies a pending {@link #gateRt}. */
    @AudioThread @RealtimeSafe
    public void beginBlockRt(long blockStart, int frames) {
        retrigger = false;
        if (pendingRt) {
            pendingRt = false;
            retrigger = pendingOnRt;
            controlGate = pendingOnRt;
        }
        this.blockStart = blockStart;
        this.frames = frames;
        next = events.offsetRt(blockStart, frames);
    }

    /**
     * After {@link #beginBlockRt}: true when no edge can come in this block (the gate input is not connected, no
     * event is due, no retrigger waits and the gate already is what the control gate says). The gate then stays
     * as it is for the whole block, as {@link #stepRt} with silence on the input would leave it.
     */
    @AudioThread @RealtimeSafe
    public boolean quietRt(boolean inputConnected) {
        if (inputConnected || retrigger || gateOn != controlGate || next < frames) return false;
        inputGate = false;
        return true;
    }

    /** Applies the events due at block offset {@code i} and the gate input sample {@code x}; returns the edge. */
    @AudioThread @RealtimeSafe
    public int stepRt(int i, float x) {
        while (next == i) {
            boolean on = events.kindRt() == EVENT_ON;
            events.removeRt();
            next = events.offsetRt(blockStart, frames);
            if (next < i) next = i;
            retrigger |= on;
            controlGate = on;
        }
        inputGate = x > 0.5f;
        boolean now = controlGate || inputGate;
        int edge = now && (!gateOn || retrigger) ? RISE : (!now && gateOn ? FALL : NONE);
        retrigger = false;
        gateOn = now;
        return edge;
    }

    /** Closes the gate and forgets waiting events. Control thread, while the owner does not sound. */
    @ControlThread
    public void reset() {
        controlGate = inputGate = gateOn = false;
        pendingRt = pendingOnRt = retrigger = false;
        events.clear();
    }
}
