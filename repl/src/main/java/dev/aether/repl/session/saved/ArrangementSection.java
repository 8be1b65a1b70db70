package dev.aether.repl.session.saved;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.arrange.Edit;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Project;
import dev.aether.arrange.Track;
import dev.aether.arrange.json.ProjectFileException;
import dev.aether.arrange.json.ProjectJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Stateless; any thread. The arrangement of a session file: an {@code "arrangement"} object at the end of the JSON
 * object {@link SessionFile} writes, holding the project in its own versioned format ({@link ProjectJson}:
 * {@code "format": "aether-project", "version": 1}), media paths relative to the session file's directory. A file
 * without it has no arrangement; older readers ignore it.
 */
public final class ArrangementSection {
    static final String KEY = "arrangement";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArrangementSection() {}

    /** {@code sessionJson} (a JSON object) with {@code project} added before its closing brace; unchanged when null or empty. */
    public static String addTo(String sessionJson, Project project, Path baseDir) {
        if (project == null || (project.tracks().isEmpty() && project.pool().files().isEmpty())) return sessionJson;
        int end = sessionJson.lastIndexOf('}');
        if (end < 0) throw new IllegalArgumentException("not a JSON object");
        String body = ProjectJson.toJson(project, baseDir).strip().replace("\n", "\n  ");
        return sessionJson.substring(0, end).stripTrailing() + ",\n  \"" + KEY + "\": " + body + "\n}" + sessionJson.substring(end + 1);
    }

    /**
     * The arrangement in a session file's text, media relative to {@code baseDir}; null when the file has none.
     *
     * @throws ProjectFileException naming {@code sourceName} and what is wrong (a newer version, a bad value)
     */
    public static ProjectJson.Loaded readFrom(String text, Path baseDir, String sourceName) throws ProjectFileException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;                                     // the session reader has said what is wrong
        }
        JsonNode a = root == null ? null : root.get(KEY);
        if (a == null || a.isNull()) return null;
        return ProjectJson.fromJson(a.toString(), baseDir, "the arrangement of " + sourceName);
    }

    /**
     * One edit that turns {@code from} into {@code to} (what {@code :open} applies, one undo step): every track and
     * media file removed, the tempo set, the media added, the tracks added without their sends, then their sends.
     * Null when both are empty.
     */
    public static Edit replace(Project from, Project to, String description) {
        List<Edit> edits = new ArrayList<>();
        Project p = from;
        List<Track> left = new ArrayList<>(p.tracks());
        while (!left.isEmpty()) {                            // a bus still fed by another bus goes after it
            boolean progress = false;
            for (Iterator<Track> it = left.iterator(); it.hasNext(); ) {
                Edit e = new Edit.RemoveTrack(it.next().name());
                try {
                    p = e.apply(p);
                } catch (IllegalArgumentException refused) {
                    continue;
                }
                edits.add(e);
                it.remove();
                progress = true;
            }
            if (!progress) throw new IllegalStateException("cannot clear the arrangement: " + left.size() + " tracks refuse to go");
        }
        for (String id : p.pool().files().keySet()) edits.add(new Edit.RemoveMedia(id));
        if (!to.tempo().equals(from.tempo())) edits.add(new Edit.SetTempo(to.tempo()));
        for (Map.Entry<String, Path> m : to.pool().files().entrySet()) edits.add(new Edit.AddMedia(m.getKey(), m.getValue()));
        List<Edit> sends = new ArrayList<>();
        for (Track t : to.tracks()) edits.add(new Edit.AddTrack(null, -1, withoutSends(t, sends)));
        edits.addAll(sends);
        return edits.isEmpty() ? null : new Edit.Batch(description, edits);
    }

    private static Track withoutSends(Track t, List<Edit> sends) {
        Track out = t;
        if (!t.strip().sends().isEmpty()) {
            sends.add(new Edit.SetStrip(t.name(), t.strip()));
            out = t.withStrip(t.strip().withSends(List.of()));
        }
        if (out instanceof Metatrack m) {
            List<Track> children = new ArrayList<>();
            for (Track c : m.children()) children.add(withoutSends(c, sends));
            out = m.withChildren(children);
        }
        return out;
    }
}
