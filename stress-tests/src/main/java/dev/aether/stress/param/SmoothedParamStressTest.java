package dev.aether.stress.param;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * jcstress test; each actor runs on its own thread: a control thread sets a {@link SmoothedParam} (untimed,
 * no ramp) to 1, 2 and 3 while the audio thread runs two blocks and reads the value each opened; the arbiter
 * runs a third block. The untimed set is a latest-value cell: the newest wins.
 *
 * <p>Result: r1, r2 = the value of the audio thread's two blocks, r3 = the value of the block after the sets.
 */
@JCStressTest
@Description("SmoothedParam untimed set: a latest-value cell, newest wins, never torn or older after newer")
@Outcome(id = {"0, 0, 3", "0, [123], 3", "1, [123], 3", "2, [23], 3", "3, 3, 3"}, expect = ACCEPTABLE,
        desc = "Each block sees the default or a value set, never older than the last block saw; the block after"
                + " the sets sees the newest.")
@Outcome(id = {"1, 0, .*", "2, [01], .*", "3, [012], .*"}, expect = FORBIDDEN,
        desc = "An older value after a newer one was seen: the cell went back in time.")
@Outcome(id = ".*, .*, [012]", expect = FORBIDDEN,
        desc = "The newest set was lost: the block after every set returned does not play it.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: a value that was never set (a torn value).")
@State
public class SmoothedParamStressTest {
    private final SmoothedParam p = Params.linear("x", "", 0, 0, 10);

    public SmoothedParamStressTest() { p.prepare(48_000); }

    @Actor
    public void control() {
        p.set(1, 0);
        p.set(2, 0);
        p.set(3, 0);
    }

    @Actor
    public void audio(III_Result r) {
        r.r1 = block(0);
        r.r2 = block(32);
    }

    @Arbiter
    public void arbiter(III_Result r) { r.r3 = block(64); }

    /** One block as the engine runs it; the value it plays, or -1 when that is not a whole number. */
    private int block(long start) {
        p.beginBlockRt(start, 32);
        double v = p.currentRt();
        p.endBlockRt();
        return v == (int) v ? (int) v : -1;
    }
}
