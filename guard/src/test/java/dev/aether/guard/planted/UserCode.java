package dev.aether.guard.planted;

import dev.aether.core.DspNode;
import dev.aether.core.ProcessContext;
import dev.aether.core.budget.RunBudget;

/**
 * A node written as a console user writes one, for {@code RealtimeCheckerTest}: no annotation anywhere, its
 * {@code process} calling a method of another of the user's classes, which allocates. Never run, only read.
 */
final class UserCode {
    private UserCode() {}

    static final class Tone {
        float[] table;

        void fill(int n) {
            table = new float[n];                                   // line 18: found only when Tone is followed
        }
    }

    static final class Node implements DspNode {
        final Tone tone = new Tone();

        @Override public void process(ProcessContext ctx) {
            RunBudget.check(1);                                     // woven by the console: allowed
            tone.fill(ctx.frames());
        }
    }
}
