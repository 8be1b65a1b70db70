/** Runnable examples of aether from plain Java; the scripts in {@code examples/scripts} are rendered by this module's tests. */
module dev.aether.examples {
    requires dev.aether.repl;

    exports dev.aether.examples;
}
