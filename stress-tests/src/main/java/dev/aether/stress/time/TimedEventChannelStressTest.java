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
 * jcstress test; each actor runs on its own thread: two control threads offer three events each on a
 * {@link TimedEventChannel} of four slots while the audio thread drains it three times ({@code drainRt}, never
 * waiting); the arbiter drains the rest. The whole contract at once: producers racing for slots, slots freed and
 * reused while they race, refusals when four wait. Three actors need three CPUs: on a 2-CPU machine jcstress
 * cannot schedule it and {@code StressRun} reports it skipped; {@link TimedEventChannelProducersStressTest},
 * {@link TimedEventChannelHandoffStressTest} and {@link TimedEventChannelWrapStressTest} cover its parts there.
 *
 * <p>Result: r1 = events the audio thread got while the producers ran (0..6), r2 = verdict.
 */
@JCStressTest
@Description("TimedEventChannel: two producers and the audio thread at once")
@Outcome(id = "[0-6], 0", expect = ACCEPTABLE,
        desc = "Every accepted event handed over exactly once, complete, each producer's in the order offered; at"
                + " least four accepted (r1 = handed over while the producers ran).")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "An event was lost: offer returned true but no drain handed it over.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "An event was handed over twice.")
@Outcome(id = ".*, 3", expect = FORBIDDEN,
        desc = "Per-producer order broken: an event was handed over before an earlier one of the same producer.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "Torn event: fields (target, kind, key, atSample, a, b) not all from one offer, or the producer's"
                + " writes before the offer not visible.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "An event whose offer returned false was handed over.")
@Outcome(id = ".*, 6", expect = FORBIDDEN,
        desc = "Fewer than four offers returned true: one was refused while a slot was free.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class TimedEventChannelStressTest {
    private static final int A = 0, B = 1;

    private final TimedEventChannel channel = new TimedEventChannel(4);
    private final Events log = new Events(2, 3, 2, false);
    private int gotConcurrently;

    @Actor
    public void producerA() {
        for (int k = 0; k < 3; k++) log.offer(channel, A, k);
    }

    @Actor
    public void producerB() {
        for (int k = 0; k < 3; k++) log.offer(channel, B, k);
    }

    @Actor
    public void audio() {
        for (int i = 0; i < 3; i++) channel.drainRt();
        gotConcurrently = log.count();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        channel.drainRt();
        int v = log.verdict();
        r.r1 = gotConcurrently;
        r.r2 = v == Events.OK && log.accepted(A) + log.accepted(B) < 4 ? Events.REFUSED : v;
    }
}
