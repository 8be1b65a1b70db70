package dev.aether.arrange;

/**
 * The arrangement as a text timeline, for {@code :arr} at the prompt: a ruler of bar numbers, then one row per track
 * (indented under its metatrack) on the absolute timeline, every metatrack transform applied. Any thread.
 *
 * <pre>
 * bars              1         2         3         4
 * drums   audio     [=========[=========
 * verse   meta                          ~~~~~~~~~~~~~~~~~~~~  ×0.5 at 3:1
 *   bass  instr                         [---------|---------
 * reverb  bus                                                 solo-safe
 * pad     audio                                               M
 * </pre>
 * Audio clips are {@code [===}, MIDI clips {@code [---} with {@code |} where notes start, a metatrack's row spans its
 * contents with {@code ~}. Flags after the row: {@code M} muted, {@code S} soloed, {@code (silent)} silenced by
 * another track's solo, the metatrack's speed, transpose and offset when they are not the identity.
 */
public final class TimelineText {
    private TimelineText() {}

    /**
     * Renders {@code project} in {@code columns} characters (at least 40) wide, one column per equal slice of time
     * from 0 to the end of the last clip (at least one bar).
     */
    public static String render(Project project, int columns) { return render(project, columns, null, null); }

    /**
     * As {@link #render(Project, int)}, with a row {@code loop} under the ruler marking {@code [loopFrom, loopTo)}
     * when both are given (the timeline is drawn to the loop's end at least).
     */
    public static String render(Project project, int columns, Position loopFrom, Position loopTo) {
        if (columns < 40) throw new IllegalArgumentException("a timeline of " + columns + " columns; give at least 40");
        Schedule s = Schedule.of(project);
        Tempo tempo = project.tempo();
        double barSeconds = tempo.secondsPerBeat() * tempo.beatsPerBar();
        double end = barSeconds;
        for (Schedule.TrackPlan t : s.tracks()) {
            for (Schedule.PlayedAudio c : t.audio()) end = Math.max(end, c.startSeconds() + c.lengthSeconds());
            for (Schedule.PlayedMidi c : t.midi()) end = Math.max(end, c.startSeconds() + c.lengthSeconds());
        }
        boolean looped = loopFrom != null && loopTo != null;
        if (looped) end = Math.max(end, loopTo.seconds(tempo));
        int label = 8;
        for (Schedule.TrackPlan t : s.tracks()) label = Math.max(label, 2 * (t.path().size() - 1) + t.name().length() + 1);
        label = Math.min(label, columns / 3);
        int kindWidth = 9, width = columns - label - kindWidth - 1;
        double bars = Math.ceil(end / barSeconds - 1e-9);
        double perColumn = bars * barSeconds / width;
        StringBuilder out = new StringBuilder();
        char[] ruler = blank(width);
        int step = Math.max(1, (int) Math.ceil(bars * 4 / width));      // a number at most every 4 columns
        for (int b = 0; b < bars; b += step) {
            String n = Integer.toString(b + 1);
            int col = (int) Math.round(b * barSeconds / perColumn);
            for (int i = 0; i < n.length() && col + i < width; i++) ruler[col + i] = n.charAt(i);
        }
        out.append(pad("bars", label)).append(pad("", kindWidth)).append(' ').append(new String(ruler).stripTrailing()).append('\n');
        if (looped) {
            char[] row = blank(width);
            double from = loopFrom.seconds(tempo), length = loopTo.seconds(tempo) - from;
            int first = fill(row, from, length, perColumn, '>');
            if (first >= 0) row[first] = '|';
            int last = (int) Math.ceil((from + length) / perColumn - 1e-9) - 1;
            if (last >= 0 && last < width) row[last] = '|';
            out.append(pad("loop", label)).append(pad("", kindWidth)).append(' ').append(new String(row))
                    .append("  ").append(loopFrom.text(tempo.beatsPerBar())).append(" – ").append(loopTo.text(tempo.beatsPerBar()))
                    .append('\n');
        }
        for (Schedule.TrackPlan t : s.tracks()) {
            char[] row = blank(width);
            if (t.kind().equals("meta")) span(project, s, t, row, perColumn);
            for (Schedule.PlayedAudio c : t.audio()) clip(row, c.startSeconds(), c.lengthSeconds(), perColumn, '=');
            for (Schedule.PlayedMidi c : t.midi()) {
                clip(row, c.startSeconds(), c.lengthSeconds(), perColumn, '-');
                for (Schedule.PlayedNote n : c.notes()) {
                    int col = (int) Math.floor(n.startSeconds() / perColumn);
                    if (col >= 0 && col < width && row[col] != '[') row[col] = '|';
                }
            }
            String name = "  ".repeat(t.path().size() - 1) + t.name();
            out.append(pad(name.length() > label - 1 ? name.substring(0, label - 2) + "…" : name, label))
                    .append(pad(t.kind().equals("instrument") ? "instr" : t.kind(), kindWidth)).append(' ')
                    .append(new String(row)).append(flags(project.track(t.name()), t, tempo.beatsPerBar())).append('\n');
        }
        return out.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    private static void span(Project p, Schedule s, Schedule.TrackPlan meta, char[] row, double perColumn) {
        double from = Double.POSITIVE_INFINITY, to = Double.NEGATIVE_INFINITY;
        for (Schedule.TrackPlan t : s.tracks()) {
            if (t.path().size() <= meta.path().size() || !t.path().subList(0, meta.path().size()).equals(meta.path())) continue;
            for (Schedule.PlayedAudio c : t.audio()) { from = Math.min(from, c.startSeconds()); to = Math.max(to, c.startSeconds() + c.lengthSeconds()); }
            for (Schedule.PlayedMidi c : t.midi()) { from = Math.min(from, c.startSeconds()); to = Math.max(to, c.startSeconds() + c.lengthSeconds()); }
        }
        if (from < to) fill(row, from, to - from, perColumn, '~');
    }

    private static void clip(char[] row, double start, double length, double perColumn, char body) {
        int first = fill(row, start, length, perColumn, body);
        if (first >= 0) row[first] = '[';
    }

    /** Fills the columns the span covers; returns its first column, or -1 when it is off the timeline. */
    private static int fill(char[] row, double start, double length, double perColumn, char c) {
        int a = (int) Math.floor(start / perColumn + 1e-9), b = Math.max(a + 1, (int) Math.ceil((start + length) / perColumn - 1e-9));
        if (b <= 0 || a >= row.length) return -1;
        for (int i = Math.max(0, a); i < Math.min(row.length, b); i++) row[i] = c;
        return a >= 0 ? a : -1;
    }

    private static String flags(Track track, Schedule.TrackPlan t, int beatsPerBar) {
        StringBuilder f = new StringBuilder();
        if (track.strip().mute()) f.append(" M");
        if (track.strip().solo()) f.append(" S");
        if (!t.audible() && !t.muted()) f.append(" (silent)");
        if (track instanceof BusTrack b && b.soloSafe()) f.append(" solo-safe");
        if (track instanceof Metatrack m && !m.time().equals(TimeTransform.IDENTITY)) {
            TimeTransform x = m.time();
            if (x.speed() != 1) f.append(" ×").append(trim(x.speed()));
            if (x.transpose() != 0) f.append(x.transpose() > 0 ? " +" : " ").append(x.transpose()).append("st");
            if (x.varispeed() != 1) f.append(" vari ×").append(trim(x.varispeed()));
            if (!x.offset().equals(Position.ZERO)) f.append(" at ").append(x.offset().text(beatsPerBar));
        }
        return f.length() == 0 ? "" : "  " + f.toString().strip();
    }

    private static String trim(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }

    private static char[] blank(int n) {
        char[] c = new char[n];
        java.util.Arrays.fill(c, ' ');
        return c;
    }

    private static String pad(String s, int n) { return s.length() >= n ? s : s + " ".repeat(n - s.length()); }

}
