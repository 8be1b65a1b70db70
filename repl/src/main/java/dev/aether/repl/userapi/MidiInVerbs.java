package dev.aether.repl.userapi;

import dev.aether.core.DspNode;
import dev.aether.repl.midi.MidiMapping;
import dev.aether.repl.session.LiveSession;
import dev.aether.sequencing.midiin.ControlCurve;
import dev.aether.sequencing.midiin.ControllerSource;
import java.util.List;

/**
 * Any thread: the MIDI input verbs of the {@link Prelude} (group "midi"): map a controller to a parameter, list and
 * remove mappings (docs/midi.md). The device itself is opened with {@code :midi N}. A namespace, never instantiated.
 */
public abstract class MidiInVerbs extends MidiOutVerbs {
    MidiInVerbs() {}

    /** Maps control change {@code cc} (0..127, any channel) to a parameter of a chain, {@code min}..{@code max} through {@code curve}. */
    @VerbDoc(group = "midi", usage = "midiMap(74, chain, \"cutoffHz\", 200, 8000, \"exp\")",
            text = "CC 74 (any channel) moves a parameter of the chain from 200 (CC 0) to 8000 (CC 127), \"lin\" or \"exp\", smoothed; saved by :save")
    public static String midiMap(int cc, Chain chain, String param, double min, double max, String curve) {
        return midiMap("cc" + cc, chain, param, min, max, curve);
    }

    /** Maps a controller named as text ({@code "cc74"}, {@code "bend"}, {@code "aftertouch"}, {@code "cc1@2"} for channel 2). */
    @VerbDoc(group = "midi", usage = "midiMap(\"bend\", chain, \"param\", min, max, \"lin\")",
            text = "the same for \"cc74\", \"bend\", \"aftertouch\", or one channel: \"cc1@2\"")
    public static String midiMap(String source, Chain chain, String param, double min, double max, String curve) {
        LiveSession session = session();
        ControllerSource s = ControllerSource.parse(source);
        ControlCurve c = ControlCurve.parse(curve);
        c.check(min, max);
        MidiMapping m = session.midi().map(s, chain, slotOf(session, chain), param, min, max, c);
        return "mapped " + m;
    }

    /** Removes every MIDI mapping. */
    @VerbDoc(group = "midi", usage = "midiUnmap()", text = "removes every MIDI controller mapping")
    public static String midiUnmap() { return "removed " + session().midi().unmap(null) + " MIDI mappings"; }

    /** The MIDI mappings, one a line. */
    @VerbDoc(group = "midi", usage = "midiMaps()", text = "the MIDI controller mappings, one a line")
    public static List<String> midiMaps() {
        return session().midi().mappings().stream().map(MidiMapping::toString).toList();
    }

    /** The slot whose chain is {@code chain} (the same live nodes), or null. */
    private static String slotOf(LiveSession session, Chain chain) {
        List<DspNode> mine = chain.nodes().stream().map(session::live).toList();
        for (String name : session.slotNames()) {
            Chain c = session.slot(name);
            if (c == null || c.nodes().size() != mine.size()) continue;
            boolean same = true;
            for (int i = 0; i < mine.size() && same; i++) same = c.nodes().get(i) == mine.get(i);
            if (same) return name;
        }
        return null;
    }
}
