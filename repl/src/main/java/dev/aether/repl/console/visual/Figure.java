package dev.aether.repl.console.visual;

import java.util.List;

/**
 * Any thread (immutable). A picture as data, the one plotting model of the console: a {@code title} (the command
 * that made it), panels stacked top to bottom with their share of the height ({@code weights}), and lines of
 * {@code notes} said under it (the -3 dB frequencies, what the input was). {@link BrailleRenderer} draws it as
 * text at the terminal's size and {@link PngRenderer} as a picture to print; neither knows what a scope is.
 */
public record Figure(String title, List<Panel> panels, double[] weights, List<String> notes) {
    public Figure {
        panels = List.copyOf(panels);
        notes = List.copyOf(notes);
        if (panels.isEmpty() || weights.length != panels.size()) throw new IllegalArgumentException("a figure needs a weight per panel");
    }

    /** One panel. */
    public static Figure of(String title, Panel panel, List<String> notes) { return new Figure(title, List.of(panel), new double[] {1}, notes); }

    /** The same figure with another title. */
    public Figure titled(String t) { return new Figure(t, panels, weights, notes); }
}
