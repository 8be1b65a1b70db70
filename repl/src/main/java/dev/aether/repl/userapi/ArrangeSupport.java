package dev.aether.repl.userapi;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.Edit;
import dev.aether.arrange.MediaPool;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.core.DspNode;
import dev.aether.nodes.sample.Sample;
import dev.aether.repl.session.LiveSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Any thread: what the arrangement verbs share: recipes of chains, media of sample files, clip edits. */
final class ArrangeSupport {
    private ArrangeSupport() {}

    /** {@code recipe} stripped, once it is known to make a node (else the error says why and what to give). */
    static String checkedRecipe(LiveSession s, String recipe) {
        s.arrangement().recipes().make(recipe);
        return recipe.strip();
    }

    /** The recipe of each node of {@code chain}, each node offered as the first made of its recipe. */
    static List<String> offer(LiveSession s, Chain chain) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chain.nodes().size(); i++) {
            DspNode n = chain.nodes().get(i);
            String label = chain.labels().get(i);
            String recipe = NodeFunctions.recipe(n) != null ? NodeFunctions.recipe(n) : label;
            if (recipe.contains("(") || NodeFunctions.recipe(n) != null) s.arrangement().recipes().make(recipe);
            else recipe = n.getClass().getName().startsWith("REPL.") ? n.getClass().getSimpleName() : n.getClass().getName();
            s.arrangement().recipes().offer(recipe, n);
            out.add(recipe);
        }
        return out;
    }

    /** The file a chain made by {@code sample("file")} plays. */
    static Path sampleFile(Chain sample) {
        Path f = NodeFunctions.sampleFile(sample.node());
        if (f == null)
            throw new IllegalArgumentException(sample + " is not a sample; a clip plays a file: .clip(sample(\"kick.wav\"), bar(1)) or .clip(\"kick.wav\", bar(1))");
        return f;
    }

    /**
     * The edits that put a clip of {@code file} on track {@code track} at {@code at} for {@code length} (null: the
     * file's duration): the file joins the media pool under its name when it is not there.
     */
    static List<Edit> clipEdits(Project p, String track, Path file, Position at, Position length) {
        Sample sample = NodeFunctions.loadSample(file);
        MediaPool pool = p.pool();
        String id = pool.idOf(file);
        List<Edit> edits = new ArrayList<>();
        if (id == null) {
            String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            id = base;
            for (int n = 2; pool.files().containsKey(id); n++) id = base + n;
            edits.add(new Edit.AddMedia(id, file));
        }
        Position len = length != null ? length : Position.seconds(sample.durationSeconds());
        edits.add(new Edit.AddAudioClip(track, AudioClip.of(id, at, len)));
        return edits;
    }
}
