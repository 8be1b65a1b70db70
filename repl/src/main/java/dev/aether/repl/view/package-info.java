/**
 * {@code :view}, the live view for the projector: {@link dev.aether.repl.view.ViewServer} serves a read-only page
 * (HTML, a little JS and SVG, from this package's resources) with the JDK's HTTP server and streams frames of the
 * graph, a scope, a spectrum and the {@code :cpu} figures to it as server-sent events. Its threads are its own: the
 * audio thread only copies blocks into an ordinary master tap while a page watches. See docs/live-view.md.
 */
package dev.aether.repl.view;
