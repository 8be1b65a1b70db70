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
 * jcstress test; each actor runs on its own thread: wrap-around of a {@link TimedEventChannel} of two slots. The
 * constructor drives it through two and a half laps (five events sent and drained) and leaves a sixth waiting, so
 * every slot holds a drained event's fields and the sequence numbers are past their first lap. Then a control thread
 * offers four events, trying each up to three times while the channel is full, as the audio thread drains four
 * times (never waiting); the arbiter drains the rest. A slot is refilled the moment the audio thread frees it, so a
 * read before the new fields are published would show the old event's: caught as torn, doubled or out of order.
 *
 * <p>Result: r1 = the producer's events accepted (1..4; 2 or more means it reused a slot the audio thread freed
 * during the race, i.e. the channel wrapped while both ran), r2 = verdict.
 */
@JCStressTest
@Description("TimedEventChannel (2 slots, several laps): events stay complete, once and in order across the wrap")
@Outcome(id = "[1-4], 0", expect = ACCEPTABLE,
        desc = "The waiting event and every accepted one handed over exactly once, complete, in the order offered"
                + " (r1 = the producer's accepted events; 2..4: slots reused during the race).")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "An event was lost: offer returned true but no drain handed it over.")
@Outcome(id = ".*, 2", expect = FORBIDDEN,
        desc = "An event was handed over twice (a drained slot read again, on the next lap).")
@Outcome(id = ".*, 3", expect = FORBIDDEN, desc = "Order broken: an event was handed over before one offered earlier.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "Torn event: fields not all from one offer (e.g. a new event's kind with the previous lap's key or"
                + " target), or the producer's writes before the offer not visible.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "An event whose offer returned false was handed over.")
@Outcome(id = ".*, 6", expect = FORBIDDEN,
        desc = "The first offer was refused although one of the two slots was free.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class TimedEventChannelWrapStressTest {
    private static final int PRE = 0, PRODUCER = 1, EVENTS = 6, TRIES = 3;

    private final TimedEventChannel channel = new TimedEventChannel(2);
    private final Events log = new Events(2, EVENTS, 2, false);
    private boolean firstRefused;

    public TimedEventChannelWrapStressTest() {
        for (int k = 0; k < 5; k++) {
            log.offer(channel, PRE, k);
            channel.drainRt();
        }
        log.offer(channel, PRE, 5);               // waiting at position 5: slot 1, third lap
    }

    @Actor
    public void control() {
        firstRefused = !log.offer(channel, PRODUCER, 0);
        for (int k = 1; k < 4; k++) {
            for (int t = 0; t < TRIES && !log.offer(channel, PRODUCER, k); t++) { /* full: try again */ }
        }
    }

    @Actor
    public void audio() {
        for (int i = 0; i < 4; i++) channel.drainRt();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        channel.drainRt();
        int v = log.verdict();
        r.r1 = log.accepted(PRODUCER);
        r.r2 = v == Events.OK && firstRefused ? Events.REFUSED : v;
    }
}
