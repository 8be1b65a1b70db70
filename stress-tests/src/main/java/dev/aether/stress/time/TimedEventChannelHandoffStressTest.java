package dev.aether.stress.time;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.time.TimedEventChannel;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress test; each actor runs on its own thread: a control thread offers four events (to two targets in turn) on
 * a {@link TimedEventChannel} of four slots while the audio thread drains it three times as the engine does at block
 * starts ({@code drainRt}, never waiting); each target checks an event's fields the moment it gets it; the arbiter
 * drains the rest. Publication of an event to the audio thread.
 *
 * <p>Result: r1 = events the audio thread got while the producer ran (0..4), r2 = verdict.
 */
@JCStressTest
@Description("TimedEventChannel: an event handed from a control thread to the audio thread arrives complete, once, in order")
@Outcome(id = "[0-4], 0", expect = ACCEPTABLE,
        desc = "Every event handed over exactly once, complete, to its target, in the order offered (r1 = handed over"
                + " while the producer ran).")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "An event was lost: offer returned true but no drain handed it over.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "An event was handed over twice.")
@Outcome(id = ".*, 3", expect = FORBIDDEN, desc = "Order broken: an event was handed over before one offered earlier.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "Torn event: the target got fields (target, kind, key, atSample, a, b) not all from one offer, default"
                + " values, or did not see the producer's writes made before the offer.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "An event whose offer returned false was handed over.")
@Outcome(id = ".*, 6", expect = FORBIDDEN, desc = "The channel refused an offer although it has 4 slots and only 4 were offered.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class TimedEventChannelHandoffStressTest {
    private final TimedEventChannel channel = new TimedEventChannel(4);
    private final Events log = new Events(1, 4, 2, false);
    private int gotConcurrently;

    @Actor
    public void control() {
        for (int k = 0; k < 4; k++) log.offer(channel, 0, k);
    }

    @Actor
    public void audio() {
        for (int i = 0; i < 3; i++) channel.drainRt();
        gotConcurrently = log.count();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        channel.drainRt();
        r.r1 = gotConcurrently;
        int v = log.verdict();
        r.r2 = v == Events.OK && log.accepted(0) < 4 ? Events.REFUSED : v;
    }
}
