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
 * jcstress test; each actor runs on its own thread: two control threads race to offer three events each on a
 * {@link TimedEventChannel} of two slots that nobody drains meanwhile, so four of the six offers must be refused;
 * the arbiter then drains as the audio thread would. The constructor sends one event through first, so the race
 * starts at position 1 and its second slot is the first slot's second lap. The producers' claim of a slot (the CAS
 * on the tail) against each other, and a full channel.
 *
 * <p>Result: r1 = offers of the first producer that returned true (0..2: the other producer got the rest),
 * r2 = verdict.
 */
@JCStressTest
@Description("TimedEventChannel: two producers race on two slots; none lost or doubled, a full channel refuses")
@Outcome(id = "[0-2], 0", expect = ACCEPTABLE,
        desc = "Exactly two offers returned true (r1 of them the first producer's), both handed over once, complete,"
                + " each producer's in the order offered; the four refused offers sent nothing.")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "An event was lost: offer returned true but the drain did not hand it over.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "An event was handed over twice (two producers claimed one slot).")
@Outcome(id = ".*, 3", expect = FORBIDDEN,
        desc = "Per-producer order broken: an event was handed over before an earlier one of the same producer.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "Torn event: fields (target, kind, key, atSample, a, b) not all from one offer, or the producer's"
                + " writes before the offer not visible.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "An event whose offer returned false was handed over.")
@Outcome(id = ".*, 6", expect = FORBIDDEN,
        desc = "An offer was refused although a slot was free: fewer than two offers returned true.")
@Outcome(id = ".*, 7", expect = FORBIDDEN,
        desc = "A full channel accepted an offer (more than two returned true): it overwrote a waiting event or"
                + " held more than its capacity.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class TimedEventChannelProducersStressTest {
    private static final int PRE = 0, A = 1, B = 2;

    private final TimedEventChannel channel = new TimedEventChannel(2);
    private final Events log = new Events(3, 3, 2, false);

    public TimedEventChannelProducersStressTest() {
        log.offer(channel, PRE, 0);
        channel.drainRt();
    }

    @Actor
    public void producerA() {
        for (int k = 0; k < 3; k++) log.offer(channel, A, k);
    }

    @Actor
    public void producerB() {
        for (int k = 0; k < 3; k++) log.offer(channel, B, k);
    }

    @Arbiter
    public void arbiter(II_Result r) {
        int drained = channel.drainRt();
        int accepted = log.accepted(A) + log.accepted(B);
        int v = log.verdict();
        if (v == Events.OK && accepted < 2) v = Events.REFUSED;
        if (v == Events.OK && (accepted > 2 || drained != accepted)) v = Events.OVERFILLED;
        r.r1 = log.accepted(A);
        r.r2 = v;
    }
}
