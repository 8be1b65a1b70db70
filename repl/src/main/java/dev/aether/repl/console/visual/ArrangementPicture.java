package dev.aether.repl.console.visual;

import dev.aether.arrange.Project;
import dev.aether.arrange.Schedule;
import dev.aether.arrange.Tempo;
import dev.aether.repl.session.NamedFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Any thread (pure, headless Java2D). The arrangement as a picture, {@code :arr --png FILE}: the same rows as the text
 * timeline ({@link dev.aether.arrange.TimelineText}) on the absolute timeline, every metatrack transform applied:
 * a ruler of bars, one lane per track (indented under its metatrack), audio clips as filled blocks, MIDI clips as
 * blocks with a tick where each note starts (height by key), a metatrack's span as a band. Muted and silenced tracks
 * are drawn grey.
 */
public final class ArrangementPicture {
    static final int WIDTH = PngRenderer.WIDTH, ROW = 44, LABEL = 300, RIGHT = 40, TOP = 70;
    private static final Color AUDIO = PngRenderer.SERIES_COLOURS[0], MIDI = PngRenderer.SERIES_COLOURS[1],
            META = new Color(0xe8, 0xe2, 0xf4), GREY = new Color(0xaa, 0xaa, 0xaa);

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private ArrangementPicture() {}

    /** Writes {@code project}'s picture to {@code file} (checked as the console checks any file it writes). */
    public static Path write(Project project, String file) throws IOException {
        Path out = NamedFiles.writable(file);
        if (!ImageIO.write(render(project), "png", out.toFile())) throw new IOException("no PNG writer in this JDK");
        return out;
    }

    /** The picture: {@value #WIDTH} pixels wide, one {@value #ROW}-pixel row per track. */
    public static BufferedImage render(Project project) {
        Schedule s = Schedule.of(project);
        Tempo tempo = project.tempo();
        double bar = tempo.secondsPerBeat() * tempo.beatsPerBar(), end = bar;
        for (Schedule.TrackPlan t : s.tracks()) {
            for (Schedule.PlayedAudio c : t.audio()) end = Math.max(end, c.startSeconds() + c.lengthSeconds());
            for (Schedule.PlayedMidi c : t.midi()) end = Math.max(end, c.startSeconds() + c.lengthSeconds());
        }
        double bars = Math.ceil(end / bar - 1e-9), seconds = bars * bar;
        int rows = Math.max(1, s.tracks().size()), height = TOP + rows * ROW + 40, plot = WIDTH - LABEL - RIGHT;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.setColor(PngRenderer.INK);
        g.drawString("Arrangement: " + s.tracks().size() + " tracks, " + (long) bars + " bars at " + trim(tempo.bpm()) + " BPM", LABEL, 34);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        int step = Math.max(1, (int) Math.ceil(bars / 32));
        for (int b = 0; b <= bars; b++) {
            int x = LABEL + (int) Math.round(plot * b * bar / seconds);
            g.setColor(b % step == 0 ? PngRenderer.GRID_MAJOR : PngRenderer.GRID);
            g.drawLine(x, TOP - 8, x, TOP + rows * ROW);
            if (b % step == 0 && b < bars) {
                g.setColor(PngRenderer.INK);
                g.drawString(Integer.toString(b + 1), x + 3, TOP - 12);
            }
        }
        int row = 0;
        for (Schedule.TrackPlan t : s.tracks()) {
            int y = TOP + row++ * ROW;
            boolean heard = t.audible() && !t.muted();
            g.setColor(PngRenderer.INK);
            String label = "  ".repeat(t.path().size() - 1) + t.name() + "  (" + (t.kind().equals("instrument") ? "instr" : t.kind()) + ")"
                    + flags(project.track(t.name()));
            g.drawString(label, 12, y + ROW / 2 + 6);
            if (t.kind().equals("meta")) {
                double from = Double.POSITIVE_INFINITY, to = Double.NEGATIVE_INFINITY;
                for (Schedule.TrackPlan c : s.tracks()) {
                    if (c.path().size() <= t.path().size() || !c.path().subList(0, t.path().size()).equals(t.path())) continue;
                    for (Schedule.PlayedAudio a : c.audio()) { from = Math.min(from, a.startSeconds()); to = Math.max(to, a.startSeconds() + a.lengthSeconds()); }
                    for (Schedule.PlayedMidi m : c.midi()) { from = Math.min(from, m.startSeconds()); to = Math.max(to, m.startSeconds() + m.lengthSeconds()); }
                }
                if (from < to) {
                    g.setColor(META);
                    g.fillRect(x(from, seconds, plot), y + 4, Math.max(2, x(to, seconds, plot) - x(from, seconds, plot)), ROW - 8);
                }
            }
            for (Schedule.PlayedAudio c : t.audio()) block(g, c.startSeconds(), c.lengthSeconds(), seconds, plot, y, heard ? AUDIO : GREY);
            for (Schedule.PlayedMidi c : t.midi()) {
                block(g, c.startSeconds(), c.lengthSeconds(), seconds, plot, y, heard ? MIDI : GREY);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(2));
                for (Schedule.PlayedNote n : c.notes()) {
                    int x = x(n.startSeconds(), seconds, plot), ny = y + ROW - 8 - (int) Math.round((ROW - 16) * n.key() / 127.0);
                    g.drawLine(x, ny - 3, x, ny + 3);
                }
                g.setStroke(new BasicStroke(1));
            }
        }
        g.dispose();
        return img;
    }

    /** " M" muted, " S" solo, a metatrack's speed and transpose when not the identity. */
    private static String flags(dev.aether.arrange.Track track) {
        StringBuilder f = new StringBuilder();
        if (track.strip().mute()) f.append(" M");
        if (track.strip().solo()) f.append(" S");
        if (track instanceof dev.aether.arrange.Metatrack m) {
            if (m.time().speed() != 1) f.append(" ×").append(trim(m.time().speed()));
            if (m.time().transpose() != 0) f.append(m.time().transpose() > 0 ? " +" : " ").append(m.time().transpose()).append("st");
        }
        return f.toString();
    }

    private static void block(Graphics2D g, double start, double length, double seconds, int plot, int y, Color c) {
        int a = x(start, seconds, plot), b = Math.max(a + 2, x(start + length, seconds, plot));
        g.setColor(c);
        g.fillRoundRect(a, y + 6, b - a - 1, ROW - 12, 6, 6);
    }

    private static int x(double t, double seconds, int plot) { return LABEL + (int) Math.round(plot * t / seconds); }

    private static String trim(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
}
