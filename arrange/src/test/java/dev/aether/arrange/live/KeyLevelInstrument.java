package dev.aether.arrange.live;

import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.time.PendingEvents;

/**
 * A test instrument whose output tells which key is held: {@code key / 256} from a key-on's exact sample until its
 * key-off (0 when none), and a count of key-ons ({@link #keyOns}, read after rendering). Notes arrive through
 * {@link NotePlayer} on the audio thread.
 */
final class KeyLevelInstrument implements DspNode, NotePlayer {
    public final OutputPort out = Ports.audioOut("out");
    private final PendingEvents events = new PendingEvents(256);
    private int held = -1;
    int keyOns;

    @Override public void noteOnRt(int key, double velocity, long atSample) { keyOns++; events.offerRt(1, key, atSample, 0, 0); }
    @Override public void noteOffRt(int key, long atSample) { events.offerRt(0, key, atSample, 0, 0); }
    @Override public void allNotesOffRt(long atSample) { events.offerRt(0, -1, atSample, 0, 0); }

    @Override public void process(ProcessContext ctx) {
        float[] o = ctx.out(out);
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        for (int i = 0; i < n; i++) {
            while (!events.isEmptyRt() && events.atRt() <= t0 + i) {
                int kind = events.kindRt(), key = events.keyRt();
                events.removeRt();
                if (kind == 1) held = key;
                else if (key == -1 || key == held) held = -1;
            }
            o[i] = held < 0 ? 0f : held / 256f;
        }
    }
}
