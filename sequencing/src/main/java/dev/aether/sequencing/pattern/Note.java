package dev.aether.sequencing.pattern;

import java.util.Locale;

/**
 * Note names, MIDI note numbers and their frequencies. Pure functions; any thread.
 *
 * <p>A note name is a letter {@code a}..{@code g}, any number of accidentals ({@code #} or {@code s} sharp,
 * {@code b} or {@code f} flat) and an optional octave (default 4; may be negative): {@code c4} = 60 (middle C),
 * {@code a4} = 69 (440 Hz), {@code eb3} = 51, {@code f#5} = 78, {@code cs2} = 37, {@code c-1} = 0. Case is ignored.
 */
public final class Note {
    /** The octave of a note name without one ({@code "e"} is {@code e4}). */
    public static final int DEFAULT_OCTAVE = 4;

    private static final int[] LETTER_SEMITONES = {9, 11, 0, 2, 4, 5, 7};   // a b c d e f g

    private Note() {}

    /**
     * The MIDI note number of {@code value}: a whole {@link Number}, a string of a whole number ({@code "60"}) or
     * a note name ({@code "eb3"}).
     *
     * @throws IllegalArgumentException naming the value and what a note looks like
     */
    public static int midi(Object value) {
        if (value instanceof Number n) return whole(n.doubleValue(), value);
        String s = String.valueOf(value).strip();
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '.')) {
            return whole(parseNumber(s, "a note"), value);
        }
        return name(s);
    }

    /** The MIDI note number of a note name such as {@code "c4"}, {@code "eb3"} or {@code "f#"}. */
    public static int name(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'g') throw notANote(name);
        int semitone = LETTER_SEMITONES[s.charAt(0) - 'a'];
        int i = 1;
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '#' || ch == 's') semitone++;
            else if (ch == 'b' || ch == 'f') semitone--;
            else break;
        }
        int octave = DEFAULT_OCTAVE;
        if (i < s.length()) {
            try {
                octave = Integer.parseInt(s.substring(i));
            } catch (NumberFormatException e) {
                throw notANote(name);
            }
        }
        return (octave + 1) * 12 + semitone;
    }

    /** The frequency of MIDI note {@code midi} in equal temperament, a4 (69) = 440 Hz; fractional notes allowed. */
    public static double hz(double midi) { return 440.0 * Math.pow(2, (midi - 69) / 12.0); }

    /**
     * {@code value} as a number: a {@link Number}, or a string such as {@code "0.5"} or {@code "-3"}.
     *
     * @throws IllegalArgumentException naming the value
     */
    public static double number(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        return parseNumber(String.valueOf(value).strip(), "a number");
    }

    /** {@code value} as a whole number (a scale degree). */
    static int degree(Object value) { return whole(number(value), value); }

    private static double parseNumber(String s, String what) {
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F")) return d;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("'" + s + "' is not " + what + ": write a number such as 60 or 0.5");
    }

    private static int whole(double d, Object value) {
        if (d != Math.rint(d) || Math.abs(d) > 1_000_000) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number: write a note or degree such as 60 or 3");
        }
        return (int) d;
    }

    private static IllegalArgumentException notANote(String name) {
        return new IllegalArgumentException("'" + name + "' is not a note: write a name such as c4, eb3 or f#5, or a"
                + " MIDI number such as 60");
    }
}
