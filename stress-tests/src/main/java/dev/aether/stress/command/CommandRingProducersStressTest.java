package dev.aether.stress.command;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.command.CommandRing;
import dev.aether.core.time.When;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress test; each actor runs on its own thread: two control threads race to offer three commands each on
 * one {@link CommandRing}; the arbiter then takes everything as the audio thread would ({@code pollRt}). The
 * two-actor half of {@link CommandRingStressTest} that runs on a 2-CPU machine: the producers' claim of a slot
 * (the CAS on the producer index) against each other.
 *
 * <p>Result: r1 = the producer whose first command was taken first (0 or 1: both orders are fine), r2 = verdict.
 */
@JCStressTest
@Description("CommandRing: two producers race; every command arrives once, each producer's in order")
@Outcome(id = "[01], 0", expect = ACCEPTABLE,
        desc = "Every command taken exactly once and complete; each producer's three in the order offered.")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "A command was lost: offered (accepted) but never taken.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "A command was taken twice (two producers claimed one slot).")
@Outcome(id = ".*, 3", expect = FORBIDDEN,
        desc = "Per-producer FIFO broken: a producer's command was taken before an earlier one of the same producer.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "A command's fields (bpm, beatsPerBar, when, initial dueSample -1) read as default or foreign values.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "The ring refused an offer although it holds 16 and only 6 were offered.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class CommandRingProducersStressTest {
    private final CommandRing ring = new CommandRing(16);
    private final Commands log = new Commands(2, 3);
    private boolean refusedA, refusedB;

    @Actor
    public void producerA() { refusedA = !log.offerAll(ring, 0); }

    @Actor
    public void producerB() { refusedB = !log.offerAll(ring, 1); }

    @Arbiter
    public void arbiter(II_Result r) {
        log.drain(ring);
        r.r1 = log.firstProducer();
        r.r2 = refusedA || refusedB ? 5 : log.verdict();
    }
}
