package dev.aether.core.param;

import dev.aether.core.AnyThread;
import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import java.util.List;

/**
 * The block clock of one node instance's parameters: opens and closes every parameter's block, except while all
 * of them rest (no ramp, no timed change waiting) and none was set since the last block; then one flag read
 * replaces the loop. Big patches hold thousands of parameters, almost all at rest: the engine's scheduler (one
 * clock per node instance, kept by its {@code NodeSlot} across plans) and {@code NodeRunner} clock through this.
 *
 * <p>A parameter signals the last clock built over it. Built on the control thread; the {@code Rt} methods are
 * confined to the audio thread.
 */
public final class ParamClock {
    private final SmoothedParam[] params;
    private volatile boolean touched = true;    // a parameter was set since the audio side last looked
    private boolean resting;                    // every parameter was at rest after the last clocked block
    private boolean skipped;                    // this block was not clocked

    @ControlThread
    public ParamClock(List<SmoothedParam> params) {
        this.params = params.toArray(new SmoothedParam[0]);
        for (SmoothedParam p : this.params) p.clock(this);
    }

    /** True when the instance has no parameters: there is nothing to clock. Any thread. */
    @AnyThread @RealtimeSafe
    public boolean isEmpty() { return params.length == 0; }

    /** A parameter of this clock was set: the next block clocks them all. Any thread. */
    @AnyThread @RealtimeSafe
    void touch() { touched = true; }

    /** Opens the block of {@code frames} samples starting at engine sample {@code start} for every parameter. */
    @AudioThread @RealtimeSafe
    public void beginRt(long start, int frames) {
        if (resting && !touched) {
            skipped = true;
            return;
        }
        skipped = false;
        touched = false;                        // before the parameters read what was set: a later set touches again
        for (SmoothedParam p : params) p.beginBlockRt(start, frames);
    }

    /** Closes the block opened by {@link #beginRt}. */
    @AudioThread @RealtimeSafe
    public void endRt() {
        if (skipped) return;
        boolean rest = true;
        for (SmoothedParam p : params) {
            p.endBlockRt();
            rest &= p.atRestRt();
        }
        resting = rest;
    }
}
