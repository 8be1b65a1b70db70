package dev.aether.stress.command;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.command.CommandRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress test; each actor runs on its own thread: a control thread offers four commands on a
 * {@link CommandRing} while the audio thread polls it as the scheduler does ({@code pollRt}, four times, never
 * waiting), checks each command's fields the moment it has it and then writes its {@code dueSample}; the arbiter
 * drains the rest. The producer-to-consumer half of {@link CommandRingStressTest}: publication of a command.
 *
 * <p>Result: r1 = commands the audio thread took while the producer ran (0..4), r2 = verdict.
 */
@JCStressTest
@Description("CommandRing: a command handed from a control thread to the audio thread is seen complete, in order")
@Outcome(id = "[0-4], 0", expect = ACCEPTABLE,
        desc = "Every command taken exactly once, complete, in the order offered (r1 = taken while the producer ran).")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "A command was lost: offered (accepted) but never taken.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "A command was taken twice.")
@Outcome(id = ".*, 3", expect = FORBIDDEN, desc = "FIFO broken: a command was taken before one offered earlier.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "A command was seen before its fields: a final field (bpm, beatsPerBar, when) or the initial"
                + " dueSample (-1, written by the constructor; the audio thread overwrites it) read as 0 or foreign.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "The ring refused an offer although it holds 16 and only 4 were offered.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class CommandRingHandoffStressTest {
    private final CommandRing ring = new CommandRing(16);
    private final Commands log = new Commands(1, 4);
    private boolean refused;
    private int takenConcurrently;

    @Actor
    public void control() { refused = !log.offerAll(ring, 0); }

    @Actor
    public void audio() { takenConcurrently = log.pollAsScheduler(ring, 4); }

    @Arbiter
    public void arbiter(II_Result r) {
        log.drain(ring);
        r.r1 = takenConcurrently;
        r.r2 = refused ? 5 : log.verdict();
    }
}
