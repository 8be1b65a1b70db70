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
 * jcstress test; each actor runs on its own thread: a target with a {@link dev.aether.core.time.PendingEvents} of
 * capacity 2, bound to a channel of 8 slots (so only the target's count can refuse). A control thread offers five
 * events through it, once each ({@code PendingEvents.offer}: count, then the channel), while the audio thread runs
 * three blocks: drain the channel into the list ({@code acceptRt -> addRt}), then play and remove everything
 * waiting ({@code removeRt}, which gives the count back). The arbiter plays the rest, then checks that the count is
 * back to zero: two more offers pass and a third is refused.
 *
 * <p>Result: r1 = the producer's offers that returned true (2..5; 3 or more means it reused capacity the audio
 * thread gave back during the race), r2 = verdict.
 */
@JCStressTest
@Description("PendingEvents: the per-target count taken at offer and given back at removeRt never overflows or leaks")
@Outcome(id = "[2-5], 0", expect = ACCEPTABLE,
        desc = "Every accepted event played exactly once, complete, in order; the list never full on the audio"
                + " thread; the count back at zero afterwards (r1 = accepted offers).")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "An event was lost: offer returned true but it was never played.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "An event was played twice.")
@Outcome(id = ".*, 3", expect = FORBIDDEN, desc = "Order broken: an event was played before one offered earlier.")
@Outcome(id = ".*, 4", expect = FORBIDDEN, desc = "Torn event: fields not all from one offer.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "An event whose offer returned false was played.")
@Outcome(id = ".*, 6", expect = FORBIDDEN,
        desc = "One of the first two offers was refused although nothing else was counted against the target.")
@Outcome(id = ".*, 8", expect = FORBIDDEN,
        desc = "The list overflowed on the audio thread (addRt found it full): the count let more than the"
                + " capacity be in flight.")
@Outcome(id = ".*, 9", expect = FORBIDDEN,
        desc = "The count leaked or drifted: with every event removed, two fresh offers were not both accepted, or a"
                + " third one was.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class PendingEventsCapacityStressTest {
    private static final int PRODUCER = 0, CHECK = 1, EVENTS = 5;

    private final TimedEventChannel channel = new TimedEventChannel(8);
    private final Events log = new Events(2, EVENTS, 1, false);
    private final ListOwner owner = new ListOwner(2, log);
    private boolean firstTwoRefused;

    public PendingEventsCapacityStressTest() { owner.list.bind(channel); }

    @Actor
    public void control() {
        boolean first = log.offer(owner.list, owner, PRODUCER, 0);
        boolean second = log.offer(owner.list, owner, PRODUCER, 1);
        firstTwoRefused = !first || !second;
        for (int k = 2; k < EVENTS; k++) log.offer(owner.list, owner, PRODUCER, k);
    }

    @Actor
    public void audio() {
        for (int block = 0; block < 3; block++) {
            channel.drainRt();
            owner.renderRt();
        }
    }

    @Arbiter
    public void arbiter(II_Result r) {
        channel.drainRt();
        owner.renderRt();
        boolean leaked = !log.offer(owner.list, owner, CHECK, 0) || !log.offer(owner.list, owner, CHECK, 1)
                || log.offer(owner.list, owner, CHECK, 2);
        channel.drainRt();
        owner.renderRt();
        int v = owner.overflowed() ? Events.OVERFLOW : log.verdict();   // an overflow drops the event: it shows first
        if (v == Events.OK && firstTwoRefused) v = Events.REFUSED;
        if (v == Events.OK && leaked) v = Events.LEAK;
        r.r1 = log.accepted(PRODUCER);
        r.r2 = v;
    }
}
