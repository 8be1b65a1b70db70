package dev.aether.repl.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference.md} is what the code generates now: the build regenerates it here and fails when the
 * committed copy differs. With {@code -Daether.regen=true} ({@link ReferenceDoc#REGENERATE}) it writes the file
 * instead.
 */
class ReferenceDocTest {
    static final Path COMMITTED = Path.of("..", "docs", "reference.md");

    @Test
    void shouldMatchTheCommittedReference() throws Exception {
        String generated = ReferenceMain.generate();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "reference.md"), generated, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("aether.regen")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
            System.out.println("wrote " + COMMITTED.toAbsolutePath().normalize());
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("docs/reference.md is stale (the generated one is repl/target/reference.md): run%n  %s%n"
                        + "from the project's root and commit docs/reference.md", ReferenceDoc.REGENERATE)
                .isEqualTo(generated);
    }
}
