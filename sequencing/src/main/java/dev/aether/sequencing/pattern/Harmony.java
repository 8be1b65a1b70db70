package dev.aether.sequencing.pattern;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The scales and chords patterns know by name ({@link Pattern#scale}, {@link Pattern#chord}). Pure; any thread. */
public final class Harmony {
    /** Scale names and their steps in semitones above the root within one octave. */
    private static final Map<String, int[]> SCALES = scales();

    /** Chord names and their notes in semitones above the root. */
    private static final Map<String, int[]> CHORDS = chords();

    private Harmony() {}

    /** The scale names {@link Pattern#scale} knows, in a stable order. */
    public static Set<String> scaleNames() { return SCALES.keySet(); }

    /** The chord names {@link Pattern#chord} knows, in a stable order. */
    public static Set<String> chordNames() { return CHORDS.keySet(); }

    /** A scale on a root: {@link #note} maps degrees (0 = root) to MIDI notes. */
    record Scale(int root, int[] steps) {
        int note(int degree) {
            int octave = Math.floorDiv(degree, steps.length);
            return root + octave * 12 + steps[Math.floorMod(degree, steps.length)];
        }
    }

    /** {@code "minor"} (on c4) or {@code "a3:minor"}. */
    static Scale scale(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        int root = colon < 0 ? Note.name("c" + Note.DEFAULT_OCTAVE) : Note.midi(s.substring(0, colon));
        String name = colon < 0 ? s : s.substring(colon + 1);
        int[] steps = SCALES.get(name);
        if (steps == null) {
            throw new IllegalArgumentException("unknown scale '" + spec + "': use one of " + String.join(", ", SCALES.keySet())
                    + ", optionally after a root such as \"a3:minor\"");
        }
        return new Scale(root, steps);
    }

    /** The intervals of chord {@code name}. */
    static int[] chord(String name) {
        int[] notes = CHORDS.get(name.strip());
        if (notes == null) {
            throw new IllegalArgumentException("unknown chord '" + name + "': use one of " + String.join(", ", CHORDS.keySet()));
        }
        return notes;
    }

    private static Map<String, int[]> scales() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("major", new int[] {0, 2, 4, 5, 7, 9, 11});
        m.put("minor", new int[] {0, 2, 3, 5, 7, 8, 10});
        m.put("ionian", new int[] {0, 2, 4, 5, 7, 9, 11});
        m.put("dorian", new int[] {0, 2, 3, 5, 7, 9, 10});
        m.put("phrygian", new int[] {0, 1, 3, 5, 7, 8, 10});
        m.put("lydian", new int[] {0, 2, 4, 6, 7, 9, 11});
        m.put("mixolydian", new int[] {0, 2, 4, 5, 7, 9, 10});
        m.put("aeolian", new int[] {0, 2, 3, 5, 7, 8, 10});
        m.put("locrian", new int[] {0, 1, 3, 5, 6, 8, 10});
        m.put("harmonicminor", new int[] {0, 2, 3, 5, 7, 8, 11});
        m.put("melodicminor", new int[] {0, 2, 3, 5, 7, 9, 11});
        m.put("majpent", new int[] {0, 2, 4, 7, 9});
        m.put("minpent", new int[] {0, 3, 5, 7, 10});
        m.put("blues", new int[] {0, 3, 5, 6, 7, 10});
        m.put("wholetone", new int[] {0, 2, 4, 6, 8, 10});
        m.put("chromatic", new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, int[]> chords() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("maj", new int[] {0, 4, 7});
        m.put("min", new int[] {0, 3, 7});
        m.put("dim", new int[] {0, 3, 6});
        m.put("aug", new int[] {0, 4, 8});
        m.put("sus2", new int[] {0, 2, 7});
        m.put("sus4", new int[] {0, 5, 7});
        m.put("6", new int[] {0, 4, 7, 9});
        m.put("min6", new int[] {0, 3, 7, 9});
        m.put("7", new int[] {0, 4, 7, 10});
        m.put("maj7", new int[] {0, 4, 7, 11});
        m.put("min7", new int[] {0, 3, 7, 10});
        m.put("dim7", new int[] {0, 3, 6, 9});
        m.put("min7b5", new int[] {0, 3, 6, 10});
        m.put("add9", new int[] {0, 4, 7, 14});
        m.put("maj9", new int[] {0, 4, 7, 11, 14});
        m.put("min9", new int[] {0, 3, 7, 10, 14});
        return java.util.Collections.unmodifiableMap(m);
    }
}
