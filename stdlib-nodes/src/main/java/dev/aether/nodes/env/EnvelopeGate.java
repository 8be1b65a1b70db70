package dev.aether.nodes.env;

import dev.aether.nodes.TimedSwitchQueue;
import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;

/**
 * The gate of {@link AdsrEnvelope} and {@link ArEnvelope}: the OR of the gate input (above 0.5 = on) and a
 * control gate set through a {@link TimedSwitchQueue} (timed, any control thread) or {@link #gateRt} (audio thread, next
 * block). A note-on while the gate is already on retriggers. Audio-thread state of the owning node except where
 * noted; package-private.
 */
final class EnvelopeGate {
    /** What {@link #stepRt} saw: nothing, the gate opened (or retriggered), the gate closed. */
    static final int NONE = 0, RISE = 1, FALL = 2;

    private final TimedSwitchQueue events = new TimedSwitchQueue();
    boolean controlGate, inputGate, gateOn;    // saved and restored by the owner
    private boolean pendingRt, pendingOnRt, retrigger;

    /** Queues a control gate change at {@code atSample} ({@code < 0}: the next block); false if full. */
    @ControlThread boolean offer(boolean on, long atSample) { return events.offer(on, atSample); }

    /** Sets the control gate at the start of the next block; {@code true} while on retriggers. */
    @AudioThread @RealtimeSafe void gateRt(boolean on) { pendingRt = true; pendingOnRt = on; }

    /** True while a {@link #gateRt}{@code (true)} waits for the next block. */
    @AudioThread @RealtimeSafe boolean noteOnPendingRt() { return pendingRt && pendingOnRt; }

    /** Starts a block: applies a pending {@link #gateRt} and finds the queued events due in the block. */
    @AudioThread @RealtimeSafe
    void beginBlockRt(long blockStart, int frames) {
        retrigger = false;
        if (pendingRt) {
            pendingRt = false;
            retrigger = pendingOnRt;
            controlGate = pendingOnRt;
        }
        events.beginBlockRt(blockStart, frames);
    }

    /**
     * After {@link #beginBlockRt}: true when no edge can come in this block (the gate input is not connected, no
     * event is due, no retrigger waits and the gate already is what the control gate says). The gate then stays
     * as it is for the whole block, as {@link #stepRt} with silence on the input would leave it.
     */
    @AudioThread @RealtimeSafe
    boolean quietRt(boolean inputConnected) {
        if (inputConnected || retrigger || gateOn != controlGate || !events.noneDueRt()) return false;
        inputGate = false;
        return true;
    }

    /** Applies the events due at block offset {@code i} and the gate input sample {@code x}. */
    @AudioThread @RealtimeSafe
    int stepRt(int i, float x) {
        while (events.dueRt(i)) {
            boolean on = events.takeRt(i);
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

    @ControlThread
    void reset() {
        controlGate = inputGate = gateOn = false;
        pendingRt = pendingOnRt = retrigger = false;
        events.clear();
    }
}
