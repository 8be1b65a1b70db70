/**
 * aether's arrangement layer: a project of tracks (audio, instrument, bus), clips from an audio pool, metatracks
 * that nest and transform time, automation lanes, undo/redo and JSON projects, played by the live engine as a patch.
 * Exported: {@code dev.aether.arrange} (the model, edits, history, schedule) and {@code dev.aether.arrange.json} (project files).
 */
module dev.aether.arrange {
    requires transitive dev.aether.sequencing;
    requires com.fasterxml.jackson.databind;

    exports dev.aether.arrange;
    exports dev.aether.arrange.json;
}
