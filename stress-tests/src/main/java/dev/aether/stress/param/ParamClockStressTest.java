package dev.aether.stress.param;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.param.ParamClock;
import dev.aether.core.param.Params;
import dev.aether.core.param.SmoothedParam;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * jcstress test; each actor runs on its own thread: a node's {@link ParamClock} has gone to rest (one block
 * clocked, nothing set, so the next block is skipped unless a parameter signals it). A control thread sets one of
 * its two parameters while the audio thread clocks two blocks; the arbiter clocks the block after. ParamClock's
 * contract: the clock clears its flag before the parameters read what was set, "ordered so no set is missed".
 *
 * <p>Result: r1, r2 = the value the audio thread's two blocks played, r3 = the value the block after played.
 */
@JCStressTest
@Description("ParamClock: a set racing a block is played by that block or the next, never missed while resting")
@Outcome(id = {"0, 0, 5", "0, 5, 5", "5, 5, 5"}, expect = ACCEPTABLE,
        desc = "Each block racing the set plays the old value or the new one; from the first that plays it on, all do.")
@Outcome(id = ".*, .*, 0", expect = FORBIDDEN,
        desc = "A set was missed: the clock stayed at rest and the block after the set still plays the old value.")
@Outcome(id = "5, 0, .*", expect = FORBIDDEN, desc = "A block went back to the old value after one played the set.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: a value that was never set.")
@State
public class ParamClockStressTest {
    private final SmoothedParam a = Params.linear("a", "", 0, 0, 10);
    private final SmoothedParam b = Params.linear("b", "", 0, 0, 10);
    private final ParamClock clock;

    public ParamClockStressTest() {
        a.prepare(48_000);
        b.prepare(48_000);
        clock = new ParamClock(List.of(a, b));
        clock.beginRt(0, 32);                    // the first block clocks (a new clock is touched) ...
        clock.endRt();                           // ... and leaves every parameter at rest
    }

    @Actor
    public void control() { b.set(5, 0); }

    @Actor
    public void audio(III_Result r) {
        r.r1 = block(32);
        r.r2 = block(64);
    }

    @Arbiter
    public void arbiter(III_Result r) { r.r3 = block(96); }

    private int block(long start) {
        clock.beginRt(start, 32);
        double v = b.currentRt();
        clock.endRt();
        return v == (int) v ? (int) v : -1;
    }
}
