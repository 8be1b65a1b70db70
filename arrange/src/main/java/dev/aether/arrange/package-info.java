/**
 * The arrangement model: a {@link dev.aether.arrange.Project} of tracks (audio, instrument, bus, metatracks that nest
 * and transform time), clips from a {@link dev.aether.arrange.MediaPool}, automation {@link dev.aether.arrange.Lane}s,
 * all immutable values; {@link dev.aether.arrange.Edit}s as commands with a {@link dev.aether.arrange.History} for
 * undo/redo; {@link dev.aether.arrange.Schedule} flattens a project onto the absolute timeline in seconds for a
 * player; {@link dev.aether.arrange.Automation} gives lane values and breakpoints. Everything here runs on the control
 * thread (or any thread, being immutable) and allocates; nothing here runs on the audio thread. Effects and
 * instruments are recipe strings the console resolves into nodes.
 */
package dev.aether.arrange;
