package dev.aether.repl.console.visual;

import java.util.Map;
import java.util.TreeMap;

/**
 * Any thread (pure functions). Draws columns of values as Unicode text for the console: each column fills the cells
 * its range {@code [lo, hi]} touches between {@code yMin} (bottom row) and {@code yMax} (top row), with y labels in
 * a left gutter, an optional marked column and x labels under the plot. Shared by {@code :scope}, {@code :spectrum}
 * and {@code :response}. Immutable; any thread.
 */
public final class AsciiPlot {
    /** Width of the left gutter holding the y labels and the axis line. */
    public static final int GUTTER = 9;
    static final char FILL = '█', MARK = '│', AXIS = '┤', BASE = '─';

    private final int columns;
    private final int rows;
    private final double yMin, yMax;
    private final String yUnit;

    /**
     * @param columns plot columns (the terminal width minus {@link #GUTTER})
     * @param rows    text rows of the plot area
     */
    public AsciiPlot(int columns, int rows, double yMin, double yMax, String yUnit) {
        if (columns < 8 || rows < 3 || !(yMax > yMin)) throw new IllegalArgumentException("plot too small or empty range");
        this.columns = columns;
        this.rows = rows;
        this.yMin = yMin;
        this.yMax = yMax;
        this.yUnit = yUnit;
    }

    /** Plot columns for a terminal {@code width} characters wide (80 when unknown). */
    public static int columnsFor(int terminalWidth) { return Math.max(24, (terminalWidth <= 0 ? 80 : terminalWidth) - GUTTER - 1); }

    public int columns() { return columns; }

    /**
     * The plot as text. {@code lo} and {@code hi} have {@link #columns()} entries (NaN leaves a column empty);
     * {@code markColumn} (or -1) is drawn as a vertical line; {@code xLabels} maps columns to labels that are
     * written under the axis, left-aligned at their column when they fit.
     */
    public String render(double[] lo, double[] hi, int markColumn, Map<Integer, String> xLabels) {
        StringBuilder b = new StringBuilder();
        double step = (yMax - yMin) / rows;
        for (int r = 0; r < rows; r++) {
            double top = yMax - r * step, bottom = top - step;
            String label = r == 0 ? number(yMax) : r == rows - 1 ? number(yMin) : r == rows / 2 ? number(top - step / 2) : "";
            b.append(String.format("%" + (GUTTER - 1) + "s", label)).append(AXIS);
            for (int c = 0; c < columns; c++) {
                double l = Math.max(lo[c], yMin), h = Math.min(hi[c], yMax);   // NaN stays NaN: no fill
                boolean filled = l <= h && (l < top || (r == 0 && l <= top)) && h >= bottom;
                b.append(filled ? FILL : c == markColumn ? MARK : ' ');
            }
            b.append('\n');
        }
        b.append(" ".repeat(GUTTER - 1)).append('└').append(String.valueOf(BASE).repeat(columns)).append('\n');
        char[] under = " ".repeat(GUTTER + columns + 12).toCharArray();
        int free = 0;
        for (Map.Entry<Integer, String> e : new TreeMap<>(xLabels).entrySet()) {
            int at = GUTTER + e.getKey();
            String s = e.getValue();
            if (at < free || at + s.length() > under.length) continue;
            s.getChars(0, s.length(), under, at);
            free = at + s.length() + 1;
        }
        b.append(new String(under).stripTrailing());
        return b.toString();
    }

    private String number(double v) {
        String n = Math.abs(v) >= 10 || v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.2g", v);
        return n + (yUnit.isEmpty() ? "" : " " + yUnit);
    }

    /** Frequency of column {@code c} of {@code n} on a log axis from {@code loHz} to {@code hiHz} (column centre). */
    public static double logFrequency(int c, int n, double loHz, double hiHz) {
        return loHz * Math.pow(hiHz / loHz, (c + 0.5) / n);
    }

    /** Column of frequency {@code hz} on that log axis (may be outside 0..n-1). */
    public static int logColumn(double hz, int n, double loHz, double hiHz) {
        return (int) Math.floor(n * Math.log(hz / loHz) / Math.log(hiHz / loHz));
    }

    /** Labels 100 Hz, 1 kHz, 10 kHz (those inside the axis) at their columns. */
    public static Map<Integer, String> decadeLabels(int n, double loHz, double hiHz) {
        Map<Integer, String> m = new TreeMap<>();
        for (double f : new double[] {100, 1_000, 10_000}) {
            int c = logColumn(f, n, loHz, hiHz);
            if (c >= 0 && c < n) m.put(c, f >= 1000 ? (int) (f / 1000) + "k" : Integer.toString((int) f));
        }
        return m;
    }
}
