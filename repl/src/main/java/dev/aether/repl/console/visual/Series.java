package dev.aether.repl.console.visual;

/**
 * Any thread (immutable by convention: the arrays are not copied and must not change). Points of one curve of a
 * {@link Panel}, in axis units, joined by lines in order; a NaN y breaks the line. {@code fill} shades the area
 * under the curve (spectra).
 */
public record Series(String name, double[] x, double[] y, boolean fill) {
    public Series {
        if (x.length != y.length) throw new IllegalArgumentException("series " + name + ": " + x.length + " x for " + y.length + " y");
    }

    /** A line. */
    public static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, false); }
}
