package dev.aether.repl.console.visual;

import dev.aether.repl.session.NamedFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Any thread (pure, headless Java2D). Draws a {@link Figure} as a picture to print: {@value #WIDTH} by
 * {@value #HEIGHT} pixels by default, antialiased, white background, the title on top, each panel with gridlines
 * at its ticks, labelled axes with units, its curves in {@link #SERIES_COLOURS} (legend above the panel when there
 * are several) and its markers as dashed {@link #MARKER_COLOUR} lines with their label, under the curves. Everything is placed through
 * {@link #plotArea} and {@link Axis#fraction}: value {@code v} of the x axis is at pixel column
 * {@code area.x + fraction(v) * area.width}.
 */
public final class PngRenderer {
    public static final int WIDTH = 1600, HEIGHT = 900;
    /** Curve colours in series order: blue, orange, green, purple. */
    public static final Color[] SERIES_COLOURS = {new Color(0x1f, 0x4e, 0xb4), new Color(0xe0, 0x6c, 0x00),
            new Color(0x1a, 0x8a, 0x3a), new Color(0x7b, 0x2c, 0xbf)};
    public static final Color MARKER_COLOUR = new Color(0xc8, 0x10, 0x2e);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd), GRID_MAJOR = new Color(0xbb, 0xbb, 0xbb), INK = new Color(0x22, 0x22, 0x22);
    static final int LEFT = 120, RIGHT = 50, TOP = 90, BOTTOM = 90, GAP = 80;

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private PngRenderer() {}

    /** The pixel rectangle of panel {@code index}'s plot area in a picture {@code width} by {@code height}. */
    public static Rectangle plotArea(Figure f, int index, int width, int height) {
        double total = 0, before = 0;
        for (int i = 0; i < f.weights().length; i++) {
            total += f.weights()[i];
            if (i < index) before += f.weights()[i];
        }
        int n = f.panels().size();
        double room = height - TOP - BOTTOM - GAP * (n - 1);
        int top = (int) Math.round(TOP + room * before / total + GAP * index);
        int h = (int) Math.round(room * f.weights()[index] / total);
        return new Rectangle(LEFT, top, width - LEFT - RIGHT, h);
    }

    /** Writes {@code f} at {@value #WIDTH} x {@value #HEIGHT} to {@code file}, checked as the console checks any file it writes. */
    public static Path write(Figure f, String file) throws IOException {
        Path out = NamedFiles.writable(file);
        if (!ImageIO.write(render(f, WIDTH, HEIGHT), "png", out.toFile())) throw new IOException("no PNG writer in this JDK");
        return out;
    }

    /** The figure as an RGB image {@code width} by {@code height} (at least 640 x 360). */
    public static BufferedImage render(Figure f, int width, int height) {
        if (width < 640 || height < 360) throw new IllegalArgumentException("picture must be at least 640 x 360, was " + width + " x " + height);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            g.drawString(f.title(), LEFT, 44);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
            int y = 70;
            for (String note : f.notes()) {
                if (y > TOP - 4) break;
                g.drawString(note, LEFT, y);
                y += 20;
            }
            for (int i = 0; i < f.panels().size(); i++) {
                panel(g, f.panels().get(i), plotArea(f, i, width, height), i == f.panels().size() - 1);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void panel(Graphics2D g, Panel p, Rectangle a, boolean last) {
        if (p.heatmap() != null) heat(g, p, a);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 16), label = new Font(Font.SANS_SERIF, Font.PLAIN, 19);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        for (Axis.Tick t : p.x().ticks(10)) {
            int x = xPixel(p.x(), t.value(), a);
            g.setColor(t.major() ? GRID_MAJOR : GRID);
            if (p.heatmap() == null) g.drawLine(x, a.y, x, a.y + a.height);
            g.setColor(INK);
            g.drawLine(x, a.y + a.height, x, a.y + a.height + 6);
            if (t.major() || a.width > 900) g.drawString(t.text(), x - fm.stringWidth(t.text()) / 2, a.y + a.height + 24);
        }
        for (Axis.Tick t : p.y().ticks(Math.max(3, a.height / 60))) {
            int yy = yPixel(p.y(), t.value(), a);
            g.setColor(t.value() == 0 ? GRID_MAJOR : GRID);
            if (p.heatmap() == null) g.drawLine(a.x, yy, a.x + a.width, yy);
            g.setColor(INK);
            g.drawLine(a.x - 6, yy, a.x, yy);
            g.drawString(t.text(), a.x - 10 - fm.stringWidth(t.text()), yy + fm.getAscent() / 2 - 2);
        }
        g.setFont(label);
        FontMetrics lm = g.getFontMetrics();
        if (last) g.drawString(p.x().title(), a.x + a.width / 2 - lm.stringWidth(p.x().title()) / 2, a.y + a.height + 56);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.drawString(p.y().title(), -(a.y + a.height / 2 + lm.stringWidth(p.y().title()) / 2), a.x - 70);
        r.dispose();
        Graphics2D clip = (Graphics2D) g.create();
        clip.clipRect(a.x, a.y, a.width + 1, a.height + 1);
        clip.setColor(MARKER_COLOUR);
        clip.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        clip.setFont(small);
        for (Panel.Marker m : p.markers()) {                                  // under the curves: they stay whole
            int x = xPixel(p.x(), m.x(), a);
            clip.drawLine(x, a.y, x, a.y + a.height);
            clip.drawString(m.label(), x + 6, a.y + 20);
        }
        for (int i = 0; i < p.series().size(); i++) curve(clip, p, p.series().get(i), a, SERIES_COLOURS[i % SERIES_COLOURS.length]);
        clip.dispose();
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawRect(a.x, a.y, a.width, a.height);
        if (p.series().size() > 1) legend(g, p.series(), a);
    }

    private static void legend(Graphics2D g, List<Series> series, Rectangle a) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        FontMetrics fm = g.getFontMetrics();
        int x = a.x + a.width;
        for (int i = series.size() - 1; i >= 0; i--) {
            String name = series.get(i).name();
            x -= fm.stringWidth(name) + 40;
            g.setColor(SERIES_COLOURS[i % SERIES_COLOURS.length]);
            g.fillRect(x, a.y - 16, 24, 5);
            g.setColor(INK);
            g.drawString(name, x + 30, a.y - 8);
        }
    }

    private static void curve(Graphics2D g, Panel p, Series s, Rectangle a, Color colour) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false, started = false;
        double firstX = 0, lastX = 0;
        for (int i = 0; i < s.x().length; i++) {
            double fy = p.y().fraction(s.y()[i]), fx = p.x().fraction(s.x()[i]);
            if (Double.isNaN(fx) || Double.isNaN(fy) || Double.isInfinite(fy)) { open = false; continue; }
            double px = a.x + fx * a.width, py = a.y + (1 - Math.max(-0.05, Math.min(1.05, fy))) * a.height;
            if (open) path.lineTo(px, py);
            else {
                path.moveTo(px, py);
                if (!started) firstX = px;
                started = true;
            }
            open = true;
            lastX = px;
        }
        if (s.fill()) {
            Path2D.Double area = new Path2D.Double(path);
            area.lineTo(lastX, a.y + a.height);
            area.lineTo(firstX, a.y + a.height);
            area.closePath();
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40));
            g.fill(area);
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    private static void heat(Graphics2D g, Panel p, Rectangle a) {
        for (int x = 0; x < a.width; x++) {
            double xv = p.x().valueAt((x + 0.5) / a.width);
            for (int y = 0; y < a.height; y++) {
                double b = p.heatmap().brightness(xv, p.y().valueAt(1 - (y + 0.5) / a.height));
                g.setColor(heatColour(b));
                g.fillRect(a.x + x, a.y + y, 1, 1);
            }
        }
    }

    /** Dark blue through purple and orange to pale yellow, for brightness 0..1. */
    static Color heatColour(double b) {
        double[][] stops = {{0, 0x0b, 0x0b, 0x2a}, {0.35, 0x6a, 0x17, 0x6e}, {0.65, 0xe0, 0x5a, 0x2b}, {1, 0xfc, 0xf5, 0xa8}};
        for (int i = 1; i < stops.length; i++) {
            if (b <= stops[i][0]) {
                double t = (b - stops[i - 1][0]) / (stops[i][0] - stops[i - 1][0]);
                return new Color(mix(stops[i - 1][1], stops[i][1], t), mix(stops[i - 1][2], stops[i][2], t), mix(stops[i - 1][3], stops[i][3], t));
            }
        }
        return new Color(0xfc, 0xf5, 0xa8);
    }

    private static int mix(double a, double b, double t) { return (int) Math.round(a + (b - a) * t); }

    /** Pixel column of x-axis value {@code v} in plot area {@code a}. */
    public static int xPixel(Axis x, double v, Rectangle a) { return (int) Math.round(a.x + x.fraction(v) * a.width); }

    /** Pixel row of y-axis value {@code v} in plot area {@code a}. */
    public static int yPixel(Axis y, double v, Rectangle a) { return (int) Math.round(a.y + (1 - y.fraction(v)) * a.height); }
}
