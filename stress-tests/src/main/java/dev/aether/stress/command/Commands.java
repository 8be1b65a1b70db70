package dev.aether.stress.command;

import dev.aether.core.command.Command;
import dev.aether.core.command.CommandRing;
import dev.aether.core.time.When;

/**
 * The commands of one ring stress case and what the consumer saw of them: producer {@code p}'s command
 * {@code k} is a {@code SwapPlan} (no plan: it is never applied) due at sample {@code 100 (p + 1) + k}. Producers only
 * call {@link #offerAll}; {@link #take} and the verdicts belong to the one consumer (then the arbiter).
 */
final class Commands {
    /** Verdicts, as the tests' outcomes name them. */
    static final int OK = 0, LOST = 1, DUPLICATED = 2, REORDERED = 3, TORN = 4;

    private final int producers, perProducer;
    private final Command[] taken;
    private int count;
    private boolean torn;

    Commands(int producers, int perProducer) {
        this.producers = producers;
        this.perProducer = perProducer;
        this.taken = new Command[2 * producers * perProducer];   // room for duplicates
    }

    double bpm(int p, int k) { return 100 * (p + 1) + k; }

    /** Offers producer {@code p}'s commands in order; false when the ring refused one. */
    boolean offerAll(CommandRing ring, int p) {
        boolean all = true;
        for (int k = 0; k < perProducer; k++) {
            all &= ring.offer(new Command.SwapPlan(null, When.atSample((long) bpm(p, k))));
        }
        return all;
    }

    /** Records a taken command, checking its fields at once (the first time); false when the log is full. */
    boolean take(Command c) {
        boolean again = false;
        for (int i = 0; i < count; i++) again |= taken[i] == c;   // a duplicate carries the consumer's dueSample
        if (!again && !complete(c)) torn = true;
        if (count == taken.length) return false;
        taken[count++] = c;
        return true;
    }

    private boolean complete(Command c) {
        return c instanceof Command.SwapPlan t && t.plan == null && t.dueSample == -1
                && t.when.kind() == When.Kind.AT_SAMPLE && index(t.when.sample()) >= 0;
    }

    int count() { return count; }

    /**
     * The audio thread's side: up to {@code polls} polls, each command taken stamped with a due sample as the
     * scheduler does when it takes one; returns how many were taken so far.
     */
    int pollAsScheduler(CommandRing ring, int polls) {
        for (int i = 0; i < polls; i++) {
            Command c = ring.pollRt();
            if (c == null) continue;
            take(c);
            c.dueSample = 1_000 + i;
        }
        return count;
    }

    /** Takes what is left on the ring (the arbiter, after the actors). */
    void drain(CommandRing ring) {
        Command c;
        while ((c = ring.pollRt()) != null && take(c)) { /* take the rest */ }
    }

    /** The producer of the first command taken, or -1. */
    int firstProducer() {
        if (count == 0 || torn) return -1;
        return index(taken[0].when.sample()) / perProducer;
    }

    private int index(double bpm) {
        for (int p = 0; p < producers; p++) {
            for (int k = 0; k < perProducer; k++) if (bpm(p, k) == bpm) return p * perProducer + k;
        }
        return -1;
    }

    /** Checks, over everything taken: complete fields, none twice, none lost, each producer's in order. */
    int verdict() {
        if (torn) return TORN;
        int n = producers * perProducer;
        int[] times = new int[n];
        int[] position = new int[n];
        for (int i = 0; i < count; i++) {
            int k = index(taken[i].when.sample());
            times[k]++;
            position[k] = i;
        }
        for (int t : times) if (t > 1) return DUPLICATED;
        for (int t : times) if (t == 0) return LOST;
        for (int p = 0; p < producers; p++) {
            for (int k = 1; k < perProducer; k++) {
                if (position[p * perProducer + k] < position[p * perProducer + k - 1]) return REORDERED;
            }
        }
        return OK;
    }
}
