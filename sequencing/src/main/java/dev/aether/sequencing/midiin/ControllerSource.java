package dev.aether.sequencing.midiin;

import java.util.Locale;

/**
 * Immutable; any thread. What moves a mapping: a control change number ({@code cc74}), pitch bend ({@code bend}) or
 * channel aftertouch ({@code aftertouch}), on one MIDI channel (1..16) or on any ({@code channel == 0}). Written as
 * text {@code "cc74"}, {@code "bend"}, {@code "aftertouch"}, optionally followed by {@code "@2"} for channel 2.
 *
 * @param kind    what kind of message moves it
 * @param number  the controller number 0..127 for {@link Kind#CC}, else 0
 * @param channel 1..16, or 0 for any channel
 */
public record ControllerSource(Kind kind, int number, int channel) {
    /** The kinds of MIDI message a mapping follows. */
    public enum Kind { CC, BEND, AFTERTOUCH }

    public ControllerSource {
        if (kind == Kind.CC && (number < 0 || number > 127)) {
            throw new IllegalArgumentException("a controller number is 0..127, was " + number);
        }
        if (kind != Kind.CC) number = 0;
        if (channel < 0 || channel > 16) throw new IllegalArgumentException("a MIDI channel is 1..16 (0: any), was " + channel);
    }

    /** Control change {@code number} on any channel. */
    public static ControllerSource cc(int number) { return new ControllerSource(Kind.CC, number, 0); }

    /**
     * The source a MIDI channel message names, or null when it is none of CC, pitch bend, channel aftertouch.
     * {@code channel} is the message's channel 1..16; the returned source carries it.
     */
    public static ControllerSource of(int command, int channel, int data1) {
        return switch (command) {
            case 0xB0 -> new ControllerSource(Kind.CC, data1, channel);
            case 0xE0 -> new ControllerSource(Kind.BEND, 0, channel);
            case 0xD0 -> new ControllerSource(Kind.AFTERTOUCH, 0, channel);
            default -> null;
        };
    }

    /**
     * Where a message of this source puts the controller, 0..1: a CC or aftertouch value over 127, a 14-bit bend
     * ({@code data2 << 7 | data1}) over 16383 (centre 8192 is 0.50003).
     */
    public static double position(int command, int data1, int data2) {
        return switch (command) {
            case 0xB0 -> data2 / 127.0;
            case 0xE0 -> ((data2 << 7) | data1) / 16383.0;
            case 0xD0 -> data1 / 127.0;
            default -> throw new IllegalArgumentException("not a controller message: command 0x" + Integer.toHexString(command));
        };
    }

    /** True when a message from {@code other} (a concrete channel) moves this source. */
    public boolean matches(ControllerSource other) {
        return kind == other.kind && number == other.number && (channel == 0 || channel == other.channel);
    }

    /** {@code "cc74"}, {@code "bend"}, {@code "aftertouch"}, each optionally with {@code "@CHANNEL"} (1..16). */
    public static ControllerSource parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int channel = 0;
        int at = s.indexOf('@');
        try {
            if (at >= 0) {
                channel = Integer.parseInt(s.substring(at + 1).strip());
                if (channel < 1 || channel > 16) throw new NumberFormatException();
                s = s.substring(0, at).strip();
            }
            if (s.equals("bend") || s.equals("pitchbend")) return new ControllerSource(Kind.BEND, 0, channel);
            if (s.equals("aftertouch") || s.equals("pressure")) return new ControllerSource(Kind.AFTERTOUCH, 0, channel);
            if (s.startsWith("cc")) return new ControllerSource(Kind.CC, Integer.parseInt(s.substring(2)), channel);
        } catch (IllegalArgumentException e) {          // a bad number, or one out of range
            // fall through to the message below
        }
        throw new IllegalArgumentException("unknown controller \"" + text + "\": write \"cc74\", \"bend\" or"
                + " \"aftertouch\", optionally with a channel 1..16 (\"cc74@2\")");
    }

    /** As {@link #parse} reads it. */
    public String text() {
        String k = switch (kind) {
            case CC -> "cc" + number;
            case BEND -> "bend";
            case AFTERTOUCH -> "aftertouch";
        };
        return channel == 0 ? k : k + "@" + channel;
    }

    @Override public String toString() { return text(); }
}
