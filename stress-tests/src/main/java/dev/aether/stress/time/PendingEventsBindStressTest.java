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
 * capacity 4, not yet bound. A control thread offers three events, all at the same sample, while another control
 * thread binds the target to a channel (as {@code Engine.add} does); the arbiter then runs the target as the audio
 * thread's first block would (after the happens-before edge of the add): drains the channel, plays and removes
 * everything waiting, and checks that the count is back to zero (four fresh offers pass, a fifth is refused).
 * Offers before the bind go straight into the list on the producer's thread, later ones through the channel;
 * equal samples keep arrival order, so an event overtaking one across the switch shows.
 *
 * <p>Result: r1 = events that went straight into the list, unbound (0..3), r2 = verdict.
 */
@JCStressTest
@Description("PendingEvents: offers racing a bind arrive once, in order, by one path or the other; the count stays right")
@Outcome(id = "[0-3], 0", expect = ACCEPTABLE,
        desc = "All three events played exactly once, complete, in the order offered, whether they went straight"
                + " into the list (r1 of them) or through the channel; the count back at zero afterwards.")
@Outcome(id = ".*, 1", expect = FORBIDDEN,
        desc = "An event was lost across the bind: offer returned true but it was never played.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "An event was played twice (delivered by both paths).")
@Outcome(id = ".*, 3", expect = FORBIDDEN,
        desc = "Order broken: a later event (through the channel) was played before an earlier one (straight into"
                + " the list), or the other way round.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "Torn event: fields not all from one offer, or an event added on the producer's thread not seen"
                + " complete by the thread that runs the target.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "An event whose offer returned false was played.")
@Outcome(id = ".*, 6", expect = FORBIDDEN, desc = "An offer was refused although the target holds 4 and only 3 were offered.")
@Outcome(id = ".*, 8", expect = FORBIDDEN, desc = "The list overflowed (addRt found it full).")
@Outcome(id = ".*, 9", expect = FORBIDDEN,
        desc = "The count leaked or drifted across the two paths: with every event removed, four fresh offers were"
                + " not all accepted, or a fifth one was.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class PendingEventsBindStressTest {
    private static final int PRODUCER = 0, CHECK = 1, EVENTS = 3, CAPACITY = 4;

    private final TimedEventChannel channel = new TimedEventChannel(8);
    private final Events log = new Events(2, CAPACITY + 1, 1, true);
    private final ListOwner owner = new ListOwner(CAPACITY, log);

    @Actor
    public void producer() {
        for (int k = 0; k < EVENTS; k++) log.offer(owner.list, owner, PRODUCER, k);
    }

    @Actor
    public void binder() { owner.list.bind(channel); }

    @Arbiter
    public void arbiter(II_Result r) {
        int direct = owner.accepts();                 // all on the producer's thread: nothing drained yet
        channel.drainRt();
        owner.renderRt();
        boolean leaked = false;
        for (int k = 0; k < CAPACITY; k++) leaked |= !log.offer(owner.list, owner, CHECK, k);
        leaked |= log.offer(owner.list, owner, CHECK, CAPACITY);
        channel.drainRt();
        owner.renderRt();
        int v = owner.overflowed() ? Events.OVERFLOW : log.verdict();
        if (v == Events.OK && log.accepted(PRODUCER) < EVENTS) v = Events.REFUSED;
        if (v == Events.OK && leaked) v = Events.LEAK;
        r.r1 = direct;
        r.r2 = v;
    }
}
