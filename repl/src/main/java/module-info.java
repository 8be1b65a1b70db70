/**
 * aether's console: JLine 3 on JShell, hot swap, session verbs, journal, the launcher and the offline renderer.
 * Exported: the launcher ({@code dev.aether.repl}) and the prelude that sessions import
 * ({@code dev.aether.repl.userapi}); the evaluator and console only to the examples that drive them.
 */
module dev.aether.repl {
    requires transitive dev.aether.nodes;
    requires transitive dev.aether.sequencing;
    requires transitive dev.aether.arrange;
    requires dev.aether.guard;
    requires dev.aether.osc;
    requires dev.aether.link;
    requires jdk.jshell;
    requires jdk.httpserver;
    requires org.jline;
    requires java.desktop;
    requires java.management;   // StartupTrace: CPU time of the marking thread, only when tracing
    requires com.fasterxml.jackson.databind;

    exports dev.aether.repl;
    exports dev.aether.repl.userapi;
    exports dev.aether.repl.eval to dev.aether.examples;
    exports dev.aether.repl.console to dev.aether.examples;
}
