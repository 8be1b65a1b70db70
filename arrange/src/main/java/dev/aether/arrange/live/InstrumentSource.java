package dev.aether.arrange.live;

import dev.aether.arrange.play.ArrangementTransport;
import dev.aether.core.ControlThread;
import dev.aether.core.DspNode;
import dev.aether.core.OutputPort;
import dev.aether.core.Ports;
import dev.aether.core.ProcessContext;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.node.NodeRunner;
import dev.aether.core.node.NodeSpec;
import dev.aether.core.time.TimedEventChannel;
import dev.aether.core.time.TimedNode;
import dev.aether.nodes.voice.PolyVoices;

/**
 * An instrument track's source: runs the track's instrument (a node from its recipe, run inside this one so that
 * its notes and automated parameters reach it before it renders) and feeds it the track's notes on their exact
 * engine samples, following the shared transport; a jump (seek, loop wrap, start) and a stop release every held
 * note, and a jump or a start into the middle of a note starts it at once (chase), ending on the note's own end. Port {@code out}, stereo (a mono instrument sounds on both sides). Confined to the audio thread except where
 * noted.
 */
public final class InstrumentSource implements DspNode, TimedNode {
    public final OutputPort out = Ports.audioOut("out", 2);

    private final ArrangementTransport transport;
    private final DspNode instrument;
    private final NotePlayer notes;
    private volatile NoteList list = NoteList.EMPTY;
    private volatile ParamDriver driver = ParamDriver.NONE;
    private ParamDriver driving;
    private NodeRunner runner;
    private float[][] instrumentOut;
    private TimedEventChannel channel;
    private double sampleRate = 48_000;
    private boolean wasPlaying;

    /**
     * @throws IllegalArgumentException when {@code instrument} takes no notes (it is neither a {@link PolyVoices}
     *                                  nor a {@link NotePlayer}) or has no output
     */
    @ControlThread
    InstrumentSource(ArrangementTransport transport, DspNode instrument, String recipe) {
        this.transport = transport;
        this.instrument = instrument;
        if (instrument instanceof NotePlayer p) notes = p;
        else if (instrument instanceof PolyVoices v) notes = new PolyNotes(v);
        else throw new IllegalArgumentException("instrument \"" + recipe + "\" made " + instrument.typeName()
                + ", which takes no notes; give an instrument such as synth(8), or a node implementing NotePlayer");
        if (NodeSpec.of(instrument).outputs().isEmpty())
            throw new IllegalArgumentException("instrument \"" + recipe + "\" made " + instrument.typeName() + ", which has no output");
    }

    /** The instrument this source runs. */
    DspNode instrument() { return instrument; }

    @ControlThread void notes(NoteList l) { list = l; }

    /**
     * Marks this source as taking over from another that played the same notes (a hot swap of its instrument): its
     * first block does not chase held notes, which the carried state holds. Before it is added to the engine.
     */
    @ControlThread void continuing() { wasPlaying = true; }

    @ControlThread void driver(ParamDriver d) { driver = d; }

    @Override @ControlThread
    public void bindTimed(TimedEventChannel c) {
        channel = c;
        if (runner != null) runner.bindTimed(c);
    }

    @Override @ControlThread
    public void prepare(double sampleRate, int maxFrames) {
        this.sampleRate = sampleRate;
        if (runner == null || runner.sampleRate() != sampleRate || runner.maxFrames() < maxFrames) {
            if (runner != null) runner.release();
            runner = new NodeRunner(this, instrument, sampleRate, maxFrames);
            instrumentOut = runner.output(runner.spec().outputs().get(0));
            if (channel != null) runner.bindTimed(channel);
        }
    }

    @Override @RealtimeSafe
    public void process(ProcessContext ctx) {
        int n = ctx.frames();
        long t0 = ctx.sampleTime();
        ArrangementTransport tr = transport;
        tr.spansRt(t0, n);
        NoteList l = list;
        int spans = tr.spanCountRt();
        for (int s = 0; s < spans; s++) {
            int a = tr.spanStartRt(s), b = tr.spanStartRt(s + 1);
            boolean play = tr.spanPlayingRt(s);
            boolean jump = tr.spanJumpRt(s) || !wasPlaying;
            if ((jump || !play) && wasPlaying) notes.allNotesOffRt(t0 + a);
            wasPlaying = play;
            if (!play) continue;
            long pos = tr.spanPositionRt(s), end = pos + (b - a);
            if (jump) l.chaseRt(pos, notes, t0 + a);              // a start, seek or wrap into a held note sounds it
            for (int j = l.firstAtOrAfterRt(pos); j < l.at.length && l.at[j] < end; j++) {
                long at = t0 + a + (l.at[j] - pos);
                int k = l.key[j];
                if (k >= 0) notes.noteOnRt(k, l.velocity[j], at);
                else notes.noteOffRt(~k, at);
            }
        }
        ParamDriver d = driver;
        d.driveRt(tr, t0, sampleRate, d != driving);
        driving = d;
        runner.runRt(t0, n, ctx.bpm(), ctx.beat());
        float[][] y = instrumentOut;
        float[] ol = ctx.out(out, 0), or = ctx.out(out, 1);
        System.arraycopy(y[0], 0, ol, 0, n);
        System.arraycopy(y[y.length > 1 ? 1 : 0], 0, or, 0, n);
    }

    @Override public String typeName() { return "Instrument(" + instrument.typeName() + ")"; }

    /** A {@link PolyVoices} as a {@link NotePlayer}. */
    private static final class PolyNotes implements NotePlayer {
        private final PolyVoices voices;

        PolyNotes(PolyVoices voices) { this.voices = voices; }

        @Override @RealtimeSafe public void noteOnRt(int key, double velocity, long atSample) { voices.noteOnRt(key, velocity, atSample); }
        @Override @RealtimeSafe public void noteOffRt(int key, long atSample) { voices.noteOffRt(key, atSample); }
        @Override @RealtimeSafe public void allNotesOffRt(long atSample) { voices.allNotesOffRt(atSample); }
    }
}
