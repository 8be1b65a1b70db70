package dev.aether.arrange.live;

import dev.aether.arrange.play.ArrangementTransport;
import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.param.SmoothedParam;

/**
 * Drives node parameters from automation lanes, sample-accurately through their timed changes
 * ({@link SmoothedParam#setAtRt}): at the start of each span of the transport a ramp to the lane's value at the
 * span's end (or at the next breakpoint inside it, where a further ramp starts), and after a jump a step to the
 * lane's value there. Runs in a node that renders before the driven nodes in the same block. Immutable lanes,
 * audio-thread state per target.
 */
final class ParamDriver {
    static final ParamDriver NONE = new ParamDriver(new SmoothedParam[0][], new LaneCurve[0]);

    private final SmoothedParam[][] params;     // [target][params driven by it]
    private final LaneCurve[] lanes;

    @ControlThread
    ParamDriver(SmoothedParam[][] params, LaneCurve[] lanes) {
        this.params = params;
        this.lanes = lanes;
        for (SmoothedParam[] ps : params) for (SmoothedParam p : ps) p.reserveTimed();   // setAtRt needs the room
    }

    boolean isEmpty() { return lanes.length == 0; }

    /** Sends this block's changes. {@code first}: the driver is new (step to the lane's value first). */
    @AudioThread @RealtimeSafe
    void driveRt(ArrangementTransport tr, long t0, double sampleRate, boolean first) {
        if (lanes.length == 0) return;
        int spans = tr.spanCountRt();
        for (int s = 0; s < spans; s++) {
            int a = tr.spanStartRt(s), b = tr.spanStartRt(s + 1);
            long pos = tr.spanPositionRt(s);
            boolean step = first || tr.spanJumpRt(s);
            first = false;
            for (int k = 0; k < lanes.length; k++) {
                LaneCurve lane = lanes[k];
                if (step) setRt(k, lane.valueAtRt(pos), t0 + a, 0);
                if (!tr.spanPlayingRt(s)) continue;
                double from = pos, end = pos + (b - a);
                while (from < end) {
                    double to = Math.min(end, lane.nextPointAfterRt(from));
                    setRt(k, lane.valueAtRt(to), t0 + a + (long) Math.ceil(from - pos), (to - from) / sampleRate);
                    from = to;
                }
            }
        }
    }

    private void setRt(int k, double v, long at, double rampSeconds) {
        SmoothedParam[] ps = params[k];
        for (SmoothedParam p : ps) p.setAtRt(v, at, rampSeconds);
    }
}
