package dev.aether.arrange.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.BusTrack;
import dev.aether.arrange.Curve;
import dev.aether.arrange.Fade;
import dev.aether.arrange.InstrumentTrack;
import dev.aether.arrange.Lane;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.MidiClip;
import dev.aether.arrange.Note;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Send;
import dev.aether.arrange.Strip;
import dev.aether.arrange.Tempo;
import dev.aether.arrange.TimeTransform;
import dev.aether.arrange.Track;
import dev.aether.core.io.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Projects as readable, versioned JSON files. Control thread; not for the audio thread (I/O).
 *
 * <h2>Format (version 1)</h2>
 * <pre>{@code
 * { "format": "aether-project", "version": 1,
 *   "tempo": { "bpm": 120.0, "beatsPerBar": 4 },
 *   "media": { "kick": "media/kick.wav" },          // paths relative to the project file's directory
 *   "tracks": [
 *     { "type": "audio", "name": "drums", "volumeDb": 0.0, "pan": 0.0, "mute": false, "solo": false,
 *       "effects": ["lowpass(800)"], "sends": [{ "bus": "reverb", "levelDb": -6.0, "preFader": false }],
 *       "lanes": [{ "target": "fx[0].cutoffHz", "points": [{ "time": "1:1", "value": 800.0, "curve": "exponential" }] }],
 *       "clips": [{ "source": "kick", "start": "2:1", "length": "2.5s", "gainDb": 0.0,
 *                   "fadeIn": { "length": "1/2b", "curve": "s_curve" }, "fadeOut": …, "offset": "0b",
 *                   "reverse": false, "loop": false, "rate": 1.0 }] },
 *     { "type": "instrument", …, "instrument": "synth(8)", "clips": [{ "start": …, "length": …,
 *       "notes": [{ "start": "0b", "length": "1b", "key": 60, "velocity": 100 }] }] },
 *     { "type": "bus", …, "soloSafe": true },
 *     { "type": "meta", …, "time": { "offset": "3:1", "speed": 0.5, "transpose": 0, "varispeed": 1.0 },
 *       "children": [ … ] } ] }
 * }</pre>
 * Positions use {@link Position}'s text form: places on a timeline (clip starts, lane points, metatrack offsets) as
 * {@code "bar:beat"} from 1 ({@code "9:2.5"}) where that is exact, other beats as {@code "7/3b"}, seconds as
 * {@code "1.25s"}; lengths and note starts (from their clip's start) as beats or seconds. A volume of −∞ dB is written {@code "-inf"}. Fields a reader does not know are ignored; a missing field
 * takes its default (0 dB, centre, false, speed 1 …), except names, types, sources and positions of clips.
 *
 * <h2>Files</h2>
 * {@link #save} writes crash-safe: a temporary file in the same directory, forced to disk, then renamed over the
 * project atomically (and the directory forced), so a crash leaves the old file or the new one, never half of one.
 * {@link #load} refuses a file of a newer version, reports a garbled or truncated file with its line and column, and
 * reports missing media files by name while loading the rest (their clips stay and play silence).
 */
public final class ProjectJson {
    /** The format name in the header. */
    public static final String FORMAT = "aether-project";
    /** The version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProjectJson() {}

    /**
     * A loaded project and what was wrong with it but did not stop it loading.
     *
     * @param project  the project
     * @param problems one sentence each, e.g. a missing media file by name; empty when all is well
     */
    public record Loaded(Project project, List<String> problems) {
        public Loaded { problems = List.copyOf(problems); }
    }

    // ---- files ----------------------------------------------------------------------------------------------

    /** Writes {@code project} to {@code file} crash-safe (see the class comment), media paths relative to its directory. */
    public static void save(Project project, Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        AtomicFile.writeString(abs, toJson(project, abs.getParent()));
    }

    /**
     * Reads the project in {@code file}.
     *
     * @throws ProjectFileException naming the file and what is wrong where: not JSON (line, column), truncated, not
     *                              a project, a newer version, or a bad value (its JSON path)
     * @throws IOException          when the file cannot be read at all
     */
    public static Loaded load(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(abs, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ProjectFileException("cannot read project " + abs + ": it is not UTF-8 text; is it a project file?", e);
        }
        return fromJson(text, abs.getParent(), abs.toString());
    }

    // ---- text -----------------------------------------------------------------------------------------------

    /** The JSON text of {@code project}, media paths relative to {@code baseDir}. */
    public static String toJson(Project project, Path baseDir) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode tempo = root.putObject("tempo");
        tempo.put("bpm", project.tempo().bpm());
        tempo.put("beatsPerBar", project.tempo().beatsPerBar());
        ObjectNode media = root.putObject("media");
        Path base = baseDir.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> e : project.pool().files().entrySet()) media.put(e.getKey(), relative(base, e.getValue()));
        ArrayNode tracks = root.putArray("tracks");
        for (Track t : project.tracks()) writeTrack(tracks.addObject(), t, project.tempo().beatsPerBar());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a project as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a project from JSON text.
     *
     * @param baseDir    the directory relative media paths resolve against
     * @param sourceName the file name (or other source) messages name
     */
    public static Loaded fromJson(String text, Path baseDir, String sourceName) throws ProjectFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            boolean atEnd = e instanceof JsonEOFException || text.isBlank()
                    || (at != null && at.getCharOffset() >= text.stripTrailing().length());
            if (atEnd)
                throw new ProjectFileException("cannot read project " + sourceName + ": the file ends early" + where
                        + " — it is truncated; restore it from a backup", e);
            throw new ProjectFileException("cannot read project " + sourceName + ": not valid JSON" + where + " ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "); fix it there or restore a backup", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null)))
            throw new ProjectFileException(sourceName + " is not an aether project (it has no \"format\": \"" + FORMAT + "\" header)");
        JsonNode v = root.get("version");
        if (v == null || !v.canConvertToInt())
            throw new ProjectFileException(sourceName + " has no format version; an aether project starts with \"format\": \"" + FORMAT + "\", \"version\": " + VERSION);
        if (v.asInt() > VERSION)
            throw new ProjectFileException(sourceName + " was written by a newer aether (project format version " + v.asInt()
                    + "); this aether reads up to version " + VERSION + " — update aether to open it");
        if (v.asInt() < 1) throw new ProjectFileException(sourceName + " has format version " + v.asInt() + ", which never existed; the file is damaged");
        Reader r = new Reader(sourceName);
        try {
            return r.project(root, baseDir.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException("project " + sourceName + (r.where.isEmpty() ? "" : ", at " + r.where) + ": " + e.getMessage(), e);
        }
    }

    static String relative(Path base, Path file) {
        try {
            return base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        } catch (IllegalArgumentException otherRoot) {
            return file.toString();
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------

    private static void writeTrack(ObjectNode o, Track t, int bpb) {
        o.put("type", t.kind());
        o.put("name", t.name());
        Strip s = t.strip();
        putDb(o, "volumeDb", s.volumeDb());
        o.put("pan", s.pan());
        o.put("mute", s.mute());
        o.put("solo", s.solo());
        ArrayNode fx = o.putArray("effects");
        s.effects().forEach(fx::add);
        ArrayNode sends = o.putArray("sends");
        for (Send x : s.sends()) {
            ObjectNode so = sends.addObject();
            so.put("bus", x.bus());
            putDb(so, "levelDb", x.levelDb());
            so.put("preFader", x.preFader());
        }
        ArrayNode lanes = o.putArray("lanes");
        for (Lane l : s.lanes()) {
            ObjectNode lo = lanes.addObject();
            lo.put("target", l.target().toString());
            ArrayNode pts = lo.putArray("points");
            for (Lane.Point p : l.points()) {
                ObjectNode po = pts.addObject();
                po.put("time", p.time().text(bpb));
                po.put("value", p.value());
                po.put("curve", p.curve().name().toLowerCase(Locale.ROOT));
            }
        }
        if (t instanceof AudioTrack a) {
            ArrayNode clips = o.putArray("clips");
            for (AudioClip c : a.clips()) {
                ObjectNode co = clips.addObject();
                co.put("source", c.source());
                co.put("start", c.start().text(bpb));
                co.put("length", c.length().toString());
                co.put("gainDb", c.gainDb());
                fade(co.putObject("fadeIn"), c.fadeIn());
                fade(co.putObject("fadeOut"), c.fadeOut());
                co.put("offset", c.offset().toString());
                co.put("reverse", c.reverse());
                co.put("loop", c.loop());
                co.put("rate", c.rate());
            }
            if (a.frozen() != null) {
                ObjectNode fo = o.putObject("frozen");
                fo.put("fromSeconds", a.frozen().fromSeconds());
                writeTrack(fo.putObject("original"), a.frozen().original(), bpb);
            }
        } else if (t instanceof InstrumentTrack i) {
            o.put("instrument", i.instrument());
            ArrayNode clips = o.putArray("clips");
            for (MidiClip c : i.clips()) {
                ObjectNode co = clips.addObject();
                co.put("start", c.start().text(bpb));
                co.put("length", c.length().toString());
                ArrayNode notes = co.putArray("notes");
                for (Note n : c.notes()) {
                    ObjectNode no = notes.addObject();
                    no.put("start", n.start().toString());
                    no.put("length", n.length().toString());
                    no.put("key", n.key());
                    no.put("velocity", n.velocity());
                }
            }
        } else if (t instanceof BusTrack b) {
            o.put("soloSafe", b.soloSafe());
        } else if (t instanceof Metatrack m) {
            ObjectNode time = o.putObject("time");
            time.put("offset", m.time().offset().text(bpb));
            time.put("speed", m.time().speed());
            time.put("transpose", m.time().transpose());
            time.put("varispeed", m.time().varispeed());
            ArrayNode children = o.putArray("children");
            for (Track c : m.children()) writeTrack(children.addObject(), c, bpb);
        }
    }

    private static void putDb(ObjectNode o, String field, double db) {
        if (db == Double.NEGATIVE_INFINITY) o.put(field, "-inf"); else o.put(field, db);
    }

    private static void fade(ObjectNode o, Fade f) {
        o.put("length", f.length().toString());
        o.put("curve", f.curve().name().toLowerCase(Locale.ROOT));
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** Reads with a running JSON path ({@link #where}) for messages. */
    private static final class Reader {
        final String source;
        String where = "";
        int beatsPerBar = 4;

        Reader(String source) { this.source = source; }

        Loaded project(JsonNode root, Path base) throws ProjectFileException {
            List<String> problems = new ArrayList<>();
            where = "tempo";
            JsonNode tn = root.path("tempo");
            Tempo tempo = tn.isMissingNode() ? Tempo.DEFAULT : new Tempo(num(tn, "bpm", Tempo.DEFAULT.bpm()), integer(tn, "beatsPerBar", 4));
            beatsPerBar = tempo.beatsPerBar();
            where = "media";
            Map<String, Path> media = new LinkedHashMap<>();
            JsonNode mn = root.path("media");
            if (!mn.isMissingNode() && !mn.isObject()) fail("\"media\" must be an object of id: path");
            for (Map.Entry<String, JsonNode> e : iterable(mn)) {
                where = "media." + e.getKey();
                if (!e.getValue().isTextual()) fail("the path of media \"" + e.getKey() + "\" must be a string");
                media.put(e.getKey(), base.resolve(e.getValue().asText()).normalize());
            }
            MediaPool pool = new MediaPool(media);
            where = "tracks";
            List<Track> tracks = new ArrayList<>();
            JsonNode tr = root.path("tracks");
            if (!tr.isMissingNode() && !tr.isArray()) fail("\"tracks\" must be an array");
            for (int i = 0; i < tr.size(); i++) tracks.add(track(tr.get(i), "tracks[" + i + "]"));
            where = "";
            Project p = new Project(tempo, pool, tracks);
            Map<String, Integer> uses = new HashMap<>();
            for (Track t : p.allTracks())
                if (t instanceof AudioTrack a) for (AudioClip c : a.clips()) uses.merge(c.source(), 1, Integer::sum);
            for (Map.Entry<String, Path> e : pool.files().entrySet())
                if (!Files.isRegularFile(e.getValue())) {
                    int n = uses.getOrDefault(e.getKey(), 0);
                    problems.add("missing media file " + mn.get(e.getKey()).asText() + " (pool id \"" + e.getKey() + "\", "
                            + (n == 0 ? "used by no clip" : "used by " + n + " clip" + (n == 1 ? "" : "s")) + "): expected at " + e.getValue()
                            + "; put it back there or replace it — until then " + (n == 1 ? "its clip plays" : "its clips play") + " silence");
                }
            return new Loaded(p, problems);
        }

        Track track(JsonNode o, String at) throws ProjectFileException {
            where = at;
            if (!o.isObject()) fail("a track must be an object");
            String type = text(o, "type", null), name = text(o, "name", null);
            where = at + " (\"" + name + "\")";
            Strip strip = strip(o);
            String w = where;
            switch (type) {
                case "audio": {
                    List<AudioClip> clips = new ArrayList<>();
                    JsonNode cs = array(o, "clips");
                    for (int i = 0; i < cs.size(); i++) {
                        where = w + ".clips[" + i + "]";
                        JsonNode c = cs.get(i);
                        clips.add(new AudioClip(text(c, "source", null), pos(c, "start", null), pos(c, "length", null), num(c, "gainDb", 0),
                                fade(c.path("fadeIn")), fade(c.path("fadeOut")), pos(c, "offset", Position.ZERO),
                                bool(c, "reverse"), bool(c, "loop"), num(c, "rate", 1)));
                    }
                    AudioTrack.Frozen frozen = null;
                    JsonNode fz = o.path("frozen");
                    if (!fz.isMissingNode()) {
                        where = w + ".frozen";
                        if (!fz.isObject() || !fz.path("original").isObject())
                            fail("\"frozen\" must be an object with \"fromSeconds\" and the \"original\" track");
                        double from = num(fz, "fromSeconds", 0);
                        Track original = track(fz.get("original"), w + ".frozen.original");
                        where = w + ".frozen";
                        try {
                            frozen = new AudioTrack.Frozen(from, original);
                        } catch (IllegalArgumentException e) {
                            fail(e.getMessage());
                        }
                    }
                    where = w;
                    return new AudioTrack(name, strip, clips, frozen);
                }
                case "instrument": {
                    List<MidiClip> clips = new ArrayList<>();
                    JsonNode cs = array(o, "clips");
                    for (int i = 0; i < cs.size(); i++) {
                        where = w + ".clips[" + i + "]";
                        JsonNode c = cs.get(i);
                        List<Note> notes = new ArrayList<>();
                        JsonNode ns = array(c, "notes");
                        String cw = where;
                        for (int k = 0; k < ns.size(); k++) {
                            where = cw + ".notes[" + k + "]";
                            JsonNode n = ns.get(k);
                            notes.add(new Note(pos(n, "start", null), pos(n, "length", null), integer(n, "key", -1), integer(n, "velocity", 100)));
                        }
                        where = cw;
                        clips.add(new MidiClip(pos(c, "start", null), pos(c, "length", null), notes));
                    }
                    where = w;
                    return new InstrumentTrack(name, strip, text(o, "instrument", null), clips);
                }
                case "bus":
                    return new BusTrack(name, strip, bool(o, "soloSafe"));
                case "meta": {
                    JsonNode tn = o.path("time");
                    where = w + ".time";
                    TimeTransform time = tn.isMissingNode() ? TimeTransform.IDENTITY : new TimeTransform(pos(tn, "offset", Position.ZERO),
                            num(tn, "speed", 1), integer(tn, "transpose", 0), num(tn, "varispeed", 1));
                    List<Track> children = new ArrayList<>();
                    JsonNode cs = array(o, "children");
                    for (int i = 0; i < cs.size(); i++) children.add(track(cs.get(i), w + ".children[" + i + "]"));
                    where = w;
                    return new Metatrack(name, strip, time, children);
                }
                default:
                    where = at + ".type";
                    fail("unknown track type \"" + type + "\"; a track is \"audio\", \"instrument\", \"bus\" or \"meta\"");
                    return null;
            }
        }

        Strip strip(JsonNode o) throws ProjectFileException {
            String w = where;
            List<String> effects = new ArrayList<>();
            JsonNode fx = array(o, "effects");
            for (int i = 0; i < fx.size(); i++) {
                where = w + ".effects[" + i + "]";
                if (!fx.get(i).isTextual()) fail("an effect must be a recipe string like \"lowpass(800)\"");
                effects.add(fx.get(i).asText());
            }
            List<Send> sends = new ArrayList<>();
            JsonNode ss = array(o, "sends");
            for (int i = 0; i < ss.size(); i++) {
                where = w + ".sends[" + i + "]";
                JsonNode s = ss.get(i);
                sends.add(new Send(text(s, "bus", null), db(s, "levelDb"), bool(s, "preFader")));
            }
            List<Lane> lanes = new ArrayList<>();
            JsonNode ls = array(o, "lanes");
            for (int i = 0; i < ls.size(); i++) {
                where = w + ".lanes[" + i + "]";
                JsonNode l = ls.get(i);
                Lane.Target target = Lane.Target.parse(text(l, "target", null));
                List<Lane.Point> pts = new ArrayList<>();
                JsonNode ps = array(l, "points");
                String lw = where;
                for (int k = 0; k < ps.size(); k++) {
                    where = lw + ".points[" + k + "]";
                    JsonNode p = ps.get(k);
                    pts.add(new Lane.Point(pos(p, "time", null), num(p, "value", Double.NaN), curve(p.path("curve"))));
                }
                lanes.add(new Lane(target, pts));
            }
            where = w;
            return new Strip(db(o, "volumeDb"), num(o, "pan", 0), bool(o, "mute"), bool(o, "solo"), effects, sends, lanes);
        }

        Fade fade(JsonNode f) throws ProjectFileException {
            if (f.isMissingNode() || f.isNull()) return Fade.NONE;
            return new Fade(pos(f, "length", Position.ZERO), curve(f.path("curve")));
        }

        Curve curve(JsonNode c) throws ProjectFileException {
            if (c.isMissingNode()) return Curve.LINEAR;
            for (Curve k : Curve.values()) if (k.name().equalsIgnoreCase(c.asText())) return k;
            fail("unknown curve " + c + "; use \"linear\", \"exponential\", \"s_curve\" or \"hold\"");
            return null;
        }

        Position pos(JsonNode o, String field, Position dflt) throws ProjectFileException {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                if (dflt != null) return dflt;
                fail("\"" + field + "\" is missing; write a position like \"9:1\", \"4b\" or \"1.5s\"");
            }
            if (!v.isTextual()) fail("\"" + field + "\" must be a position string like \"9:1\", \"4b\" or \"1.5s\", was " + v);
            try {
                return Position.parse(v.asText(), beatsPerBar);
            } catch (IllegalArgumentException e) {
                fail("\"" + field + "\": " + e.getMessage());
                return null;
            }
        }

        double num(JsonNode o, String field, double dflt) throws ProjectFileException {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                if (!Double.isNaN(dflt)) return dflt;
                fail("\"" + field + "\" is missing; give a number");
            }
            if (!v.isNumber()) fail("\"" + field + "\" must be a number, was " + v);
            return v.asDouble();
        }

        double db(JsonNode o, String field) throws ProjectFileException {
            JsonNode v = o.get(field);
            if (v != null && v.isTextual() && v.asText().equals("-inf")) return Double.NEGATIVE_INFINITY;
            return num(o, field, 0);
        }

        int integer(JsonNode o, String field, int dflt) throws ProjectFileException {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                if (dflt != -1) return dflt;
                fail("\"" + field + "\" is missing; give a whole number");
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber()) fail("\"" + field + "\" must be a whole number, was " + v);
            return v.asInt();
        }

        boolean bool(JsonNode o, String field) throws ProjectFileException {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) return false;
            if (!v.isBoolean()) fail("\"" + field + "\" must be true or false, was " + v);
            return v.asBoolean();
        }

        String text(JsonNode o, String field, String dflt) throws ProjectFileException {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                if (dflt != null) return dflt;
                fail("\"" + field + "\" is missing");
            }
            if (!v.isTextual()) fail("\"" + field + "\" must be a string, was " + v);
            return v.asText();
        }

        JsonNode array(JsonNode o, String field) throws ProjectFileException {
            JsonNode v = o.path(field);
            if (v.isMissingNode() || v.isNull()) return MAPPER.createArrayNode();
            if (!v.isArray()) fail("\"" + field + "\" must be an array, was " + v.getNodeType().name().toLowerCase(Locale.ROOT));
            return v;
        }

        void fail(String what) throws ProjectFileException {
            throw new ProjectFileException("project " + source + (where.isEmpty() ? "" : ", at " + where) + ": " + what);
        }

        static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
            List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
            if (n.isObject()) out.addAll(n.properties());
            return out;
        }
    }
}
