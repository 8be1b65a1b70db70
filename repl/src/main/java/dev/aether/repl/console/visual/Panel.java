package dev.aether.repl.console.visual;

import java.util.List;

/**
 * Any thread (immutable). One plot area of a {@link Figure}: two axes, the curves drawn in it, vertical markers
 * (a -3 dB point, the moment a gate closes) and optionally a {@link Heatmap} underneath (a spectrogram).
 */
public record Panel(Axis x, Axis y, List<Series> series, List<Marker> markers, Heatmap heatmap) {
    public Panel {
        series = List.copyOf(series);
        markers = List.copyOf(markers);
    }

    /** Curves without markers or heat map. */
    public Panel(Axis x, Axis y, List<Series> series) { this(x, y, series, List.of(), null); }

    /** A vertical line at {@code x} (axis units) with a short label. */
    public record Marker(double x, String label) {}

    /**
     * Levels over the panel's two axes (a spectrogram: time by frequency): {@code db[column][bin]}, columns
     * evenly spaced from {@code x0} to {@code x1}, bins {@code binSpacing} apart from 0 on the y axis; shown from
     * {@code floorDb} (dark, or no dot) to {@code topDb} (bright, or every dot).
     */
    public record Heatmap(double[][] db, double x0, double x1, double binSpacing, double floorDb, double topDb) {
        /** The level at axis values {@code (x, y)}, interpolated between bins, or NaN outside the data. */
        public double at(double x, double y) {
            int c = (int) Math.floor((x - x0) / (x1 - x0) * db.length);
            double f = y / binSpacing;
            int b = (int) Math.floor(f);
            if (c < 0 || c >= db.length || b < 0 || b + 1 >= db[c].length) return Double.NaN;
            return db[c][b] + (db[c][b + 1] - db[c][b]) * (f - b);
        }

        /** The level at {@code (x, y)} as 0 (floor or below) .. 1 (top or above); 0 outside the data. */
        public double brightness(double x, double y) {
            double d = at(x, y);
            return Double.isNaN(d) ? 0 : Math.max(0, Math.min(1, (d - floorDb) / (topDb - floorDb)));
        }
    }
}
