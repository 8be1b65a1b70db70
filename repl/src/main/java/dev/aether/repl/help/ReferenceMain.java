package dev.aether.repl.help;

import dev.aether.core.EngineConfig;
import dev.aether.repl.AetherRuntime;
import dev.aether.repl.console.ConsoleConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Main thread. Writes the reference ({@link ReferenceDoc}) of a running aether's commands to a file:
 * {@code java -cp ... dev.aether.repl.help.ReferenceMain [docs/reference.md]}. The build's way is
 * {@link ReferenceDoc#REGENERATE}.
 */
public final class ReferenceMain {
    private ReferenceMain() {}

    /** The reference of every command a console of a running aether has (an engine is made, never started). */
    public static String generate() throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        DumbTerminal terminal = new DumbTerminal("reference", "dumb", InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
        try (AetherRuntime rt = new AetherRuntime(EngineConfig.defaults(), terminal, ConsoleConfig.scripted(), null, quiet)) {
            return ReferenceDoc.markdown(rt.console().commands());
        } finally {
            terminal.close();
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/reference.md");
        Files.writeString(out, generate(), StandardCharsets.UTF_8);
        System.err.println("wrote " + out.toAbsolutePath());
        System.exit(0);                                       // the session's threads are daemons, but be sure
    }
}
