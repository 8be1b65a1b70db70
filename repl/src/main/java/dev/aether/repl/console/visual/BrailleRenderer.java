package dev.aether.repl.console.visual;

import java.util.ArrayList;
import java.util.List;

/**
 * Any thread (pure). Draws a {@link Figure} as text for the console in braille dots (see {@link BrailleCanvas}):
 * each panel with its y labels and unit in a left gutter, an axis line with tick marks under it,
 * the x labels and the x unit, then the notes. {@code columns} and {@code rows} are the size of the whole figure
 * in terminal cells (the terminal's size); the title is not printed (the command is on the line above); the panels share the rows by their weights. Curves are lines between
 * their points (clamped to the plot's top and bottom), markers dashed vertical lines, heat maps dots lit by an
 * ordered dither of their brightness.
 */
public final class BrailleRenderer {
    /** Width of the left gutter: the y labels and the axis line. */
    public static final int GUTTER = 8;
    private static final double[][] BAYER = {{0, 8, 2, 10}, {12, 4, 14, 6}, {3, 11, 1, 9}, {15, 7, 13, 5}};

    private BrailleRenderer() {}

    /** A panel's plot area in cells and the canvas drawn there (for tests: which dot is where). */
    public record Drawn(BrailleCanvas canvas, Panel panel) {
        /** The dot column of axis value {@code x}. */
        public int dotColumn(double x) { return (int) Math.floor(panel.x().fraction(x) * canvas.dotsWide()); }

        /** The axis value at the centre of dot column {@code dx}. */
        public double xAt(int dx) { return panel.x().valueAt((dx + 0.5) / canvas.dotsWide()); }
    }

    /** Lines of text the figure takes besides its plot rows: y unit, axis and labels per panel, notes. */
    public static int overheadRows(Figure f) { return 3 * f.panels().size() + f.notes().size(); }

    /** The figure as text {@code columns} wide, about {@code rows} high (at least 4 plot rows a panel). */
    public static String render(Figure f, int columns, int rows) {
        StringBuilder b = new StringBuilder();
        List<Drawn> drawn = draw(f, columns, rows);
        for (Drawn d : drawn) text(b, d);
        for (String n : f.notes()) b.append(n).append('\n');
        return b.toString().stripTrailing();
    }

    /** The canvases of the figure's panels at this size (what {@link #render} prints). */
    public static List<Drawn> draw(Figure f, int columns, int rows) {
        int cells = Math.max(16, columns - GUTTER - 1);
        int plotRows = Math.max(4 * f.panels().size(), rows - overheadRows(f));
        double total = 0;
        for (double w : f.weights()) total += w;
        List<Drawn> out = new ArrayList<>();
        for (int p = 0; p < f.panels().size(); p++) {
            int r = Math.max(4, (int) Math.round(plotRows * f.weights()[p] / total));
            Panel panel = f.panels().get(p);
            BrailleCanvas c = new BrailleCanvas(cells, r);
            if (panel.heatmap() != null) heat(c, panel);
            for (Series s : panel.series()) curve(c, panel, s);
            for (Panel.Marker m : panel.markers()) {
                int x = (int) Math.floor(panel.x().fraction(m.x()) * c.dotsWide());
                for (int y = 0; y < c.dotsHigh(); y += 2) c.set(x, y);
            }
            out.add(new Drawn(c, panel));
        }
        return out;
    }

    private static void heat(BrailleCanvas c, Panel p) {
        for (int x = 0; x < c.dotsWide(); x++) {
            double xv = p.x().valueAt((x + 0.5) / c.dotsWide());
            for (int y = 0; y < c.dotsHigh(); y++) {
                double yv = p.y().valueAt(1 - (y + 0.5) / c.dotsHigh());
                if (p.heatmap().brightness(xv, yv) * 16 > BAYER[x % 4][y % 4] + 0.5) c.set(x, y);
            }
        }
    }

    private static void curve(BrailleCanvas c, Panel p, Series s) {
        int w = c.dotsWide(), h = c.dotsHigh();
        int px = Integer.MIN_VALUE, py = 0;
        for (int i = 0; i < s.x().length; i++) {
            double fx = p.x().fraction(s.x()[i]), fy = p.y().fraction(s.y()[i]);
            if (Double.isNaN(fy) || Double.isNaN(fx) || fx < 0 || fx > 1) { px = Integer.MIN_VALUE; continue; }
            int x = Math.min(w - 1, (int) Math.floor(fx * w));
            int y = (int) Math.round((1 - Math.max(0, Math.min(1, fy))) * (h - 1));
            if (px == Integer.MIN_VALUE) c.set(x, y);
            else c.line(px, py, x, y);
            px = x;
            py = y;
        }
    }

    private static void text(StringBuilder b, Drawn d) {
        BrailleCanvas c = d.canvas();
        Panel p = d.panel();
        int rows = c.dotsHigh() / 4, cells = c.dotsWide() / 2;
        String[] yLabel = new String[rows];
        for (Axis.Tick t : p.y().ticks(Math.max(2, rows / 3))) {
            double f = p.y().fraction(t.value());
            int r = Math.min(rows - 1, (int) Math.floor((1 - f) * rows));
            if (r >= 0 && yLabel[r] == null) yLabel[r] = t.text();
        }
        b.append(p.y().title()).append('\n');
        for (int r = 0; r < rows; r++) {
            b.append(pad(yLabel[r] == null ? "" : yLabel[r], GUTTER - 1)).append(yLabel[r] == null ? " │" : " ┤").append(c.row(r)).append('\n');
        }
        char[] axis = ("└" + "─".repeat(cells)).toCharArray();
        char[] labels = " ".repeat(cells + GUTTER + 12).toCharArray();
        int free = 0;
        for (Axis.Tick t : p.x().ticks(Math.max(2, cells / 10))) {
            int at = (int) Math.floor(p.x().fraction(t.value()) * cells);
            if (at < 0 || at >= cells) continue;
            if (t.major() || !p.x().log()) axis[1 + at] = '┬';
            int start = GUTTER + 1 + at - (at == 0 ? 0 : t.text().length() / 2);
            if (!t.major() && cells < 60) continue;                                 // log minor labels only when wide
            if (start < free || start + t.text().length() > labels.length) continue;
            t.text().getChars(0, t.text().length(), labels, start);
            free = start + t.text().length() + 1;
        }
        b.append(" ".repeat(GUTTER)).append(axis).append('\n');
        String under = new String(labels).stripTrailing(), unit = p.x().title();
        int room = GUTTER + 1 + cells - under.length() - unit.length() - 2;
        b.append(room >= 0 ? under + " ".repeat(room + 2) + unit : under + "  " + unit).append('\n');
    }

    private static String pad(String s, int w) { return s.length() >= w ? s : " ".repeat(w - s.length()) + s; }
}
