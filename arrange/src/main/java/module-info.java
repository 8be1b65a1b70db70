/**
 * aether's arrangement layer: a project of tracks (audio, instrument, bus), clips from an audio pool, metatracks
 * that nest and transform time, automation lanes, undo/redo and JSON projects, played by the live engine as a patch.
 * Exported: {@code dev.aether.arrange} (the model, edits, history, schedule), {@code .json} (project files),
 * {@code .stream} (audio pool, disk streaming), {@code .play} (the clip player, the arrangement's transport) and
 * {@code .live} (a project as nodes on the live engine, bounce and freeze).
 */
module dev.aether.arrange {
    requires transitive dev.aether.sequencing;
    requires com.fasterxml.jackson.databind;

    exports dev.aether.arrange;
    exports dev.aether.arrange.json;
    exports dev.aether.arrange.stream;
    exports dev.aether.arrange.play;
    exports dev.aether.arrange.live;
}
