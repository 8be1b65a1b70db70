package dev.aether.stress.command;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.aether.core.command.EventRing;
import dev.aether.core.view.EngineEvent;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * jcstress test; each actor runs on its own thread: the audio thread reports six events (xruns and positions
 * in turn) on an {@link EventRing} of two cells while the control thread drains it twice; the arbiter drains the
 * rest. With two cells for six events the audio thread must reuse cells the control thread gives back while it
 * drains, or drop events (counted): the free-cell pool is exercised in both directions.
 *
 * <p>Event {@code i} (1..6) carries {@code i} in every field: {@code Xrun(i, 10 i, true)} for odd {@code i},
 * {@code Position(i, i / 2, i + 100)} for even. Result: r1 = events the control thread got while the audio thread
 * ran (0..6, drops not counted), r2 = verdict.
 */
@JCStressTest
@Description("EventRing (audio -> control, free-cell pool): cells seen complete, never handed out twice")
@Outcome(id = "[0-6], 0", expect = ACCEPTABLE,
        desc = "Every event delivered once, complete and in order, or counted as dropped (r1 = delivered while"
                + " the audio thread ran).")
@Outcome(id = ".*, 1", expect = FORBIDDEN,
        desc = "A cell was seen incomplete or mixed: an event whose fields are not all from one report"
                + " (a cell read before its fields were published, or refilled while still published).")
@Outcome(id = ".*, 2", expect = FORBIDDEN,
        desc = "An event was delivered twice or out of order: a cell was handed out twice (taken from the free"
                + " pool while still published) or published twice.")
@Outcome(id = ".*, 3", expect = FORBIDDEN,
        desc = "An event was lost: delivered plus reported-dropped is not the number reported.")
@Outcome(expect = FORBIDDEN, desc = "Unknown result: the test itself is broken.")
@State
public class EventRingStressTest {
    private static final int EVENTS = 6;

    private final EventRing ring = new EventRing(2);
    private final List<EngineEvent> got = new ArrayList<>();
    private int gotConcurrently;

    @Actor
    public void audio() {
        for (long i = 1; i <= EVENTS; i++) {
            if ((i & 1) == 1) ring.xrunRt(i, 10 * i, true);
            else ring.positionRt(i, i / 2.0, i + 100);
        }
    }

    @Actor
    public void control() {
        ring.drain(got::add);
        ring.drain(got::add);
        gotConcurrently = delivered();
    }

    @Arbiter
    public void arbiter(II_Result r) {
        ring.drain(got::add);
        r.r1 = gotConcurrently;
        r.r2 = verdict();
    }

    private int delivered() {
        int n = 0;
        for (EngineEvent e : got) if (!(e instanceof EngineEvent.Dropped)) n++;
        return n;
    }

    private int verdict() {
        long dropped = 0, last = 0;
        int delivered = 0;
        for (EngineEvent e : got) {
            long i;
            if (e instanceof EngineEvent.Dropped d) {
                dropped += d.count();
                continue;
            } else if (e instanceof EngineEvent.Xrun x) {
                i = x.count();
                if ((i & 1) != 1 || x.stallNanos() != 10 * i || !x.resync()) return 1;
            } else if (e instanceof EngineEvent.Position p) {
                i = p.sample();
                if ((i & 1) != 0 || p.beat() != i / 2.0 || p.bpm() != i + 100) return 1;
            } else {
                return 1;
            }
            if (i < 1 || i > EVENTS) return 1;
            if (i <= last) return 2;
            last = i;
            delivered++;
        }
        return delivered + dropped == EVENTS ? 0 : 3;
    }
}
