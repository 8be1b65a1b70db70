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
 * jcstress test; each actor runs on its own thread: two control threads offer two commands each on one
 * {@link CommandRing} while the audio thread polls it as the scheduler does ({@code pollRt}, four times, never
 * waiting), checks each command's fields at once and writes its {@code dueSample}; the arbiter drains the rest.
 * Three actors need three CPUs: on a 2-CPU machine jcstress cannot schedule it and {@code StressRun} reports it
 * skipped; {@link CommandRingProducersStressTest} and {@link CommandRingHandoffStressTest} cover its two halves there.
 *
 * <p>Result: r1 = commands the audio thread took while the producers ran (0..4), r2 = verdict.
 */
@JCStressTest
@Description("CommandRing (MPSC over JCTools MpscArrayQueue): two producers and the audio thread at once")
@Outcome(id = "[0-4], 0", expect = ACCEPTABLE,
        desc = "Every command taken exactly once, complete, each producer's two in the order offered.")
@Outcome(id = ".*, 1", expect = FORBIDDEN, desc = "A command was lost: offered (accepted) but never taken.")
@Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "A command was taken twice.")
@Outcome(id = ".*, 3", expect = FORBIDDEN,
        desc = "Per-producer FIFO broken: a producer's second command was taken before its first.")
@Outcome(id = ".*, 4", expect = FORBIDDEN,
        desc = "A command was seen before its fields: a final field (bpm, beatsPerBar, when) or the initial"
                + " dueSample (-1, written by the constructor) read as a default or foreign value.")
@Outcome(id = ".*, 5", expect = FORBIDDEN, desc = "The ring refused an offer although it holds 16 and only 4 were offered.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class CommandRingStressTest {
    private final CommandRing ring = new CommandRing(16);
    private final Commands log = new Commands(2, 2);
    private boolean refusedA, refusedB;
    private int takenConcurrently;

    @Actor
    public void producerA() { refusedA = !log.offerAll(ring, 0); }

    @Actor
    public void producerB() { refusedB = !log.offerAll(ring, 1); }

    @Actor
    public void audio() { takenConcurrently = log.pollAsScheduler(ring, 4); }

    @Arbiter
    public void arbiter(II_Result r) {
        log.drain(ring);
        r.r1 = takenConcurrently;
        r.r2 = refusedA || refusedB ? 5 : log.verdict();
    }
}
