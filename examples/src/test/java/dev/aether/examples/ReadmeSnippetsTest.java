package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.testkit.ConsoleTranscript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's console transcript is made of the examples' marked snippets, line for line (read back with
 * {@link ConsoleTranscript}, as {@code TutorialSnippetsTest} reads the tutorial's).
 */
class ReadmeSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile("// snippet:(\\w+)\\n(.*?)\\s*// end:\\1", Pattern.DOTALL);

    @Test
    void shouldShowEveryMarkedExampleSnippetInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        var typed = ConsoleTranscript.typedLines(readme);
        int found = 0;
        try (var scripts = Files.list(Path.of("scripts"))) {
            for (Path script : scripts.toList()) {
                Matcher m = SNIPPET.matcher(Files.readString(script));
                while (m.find()) {
                    found++;
                    for (String line : m.group(2).split("\n")) {
                        if (line.isBlank()) continue;
                        assertThat(typed).as("README shows line of snippet '%s' from %s typed at the prompt", m.group(1), script)
                                .contains(line);
                    }
                }
            }
        }
        assertThat(found).as("marked snippets").isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldShowTheJavaExampleLineForLine() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = SNIPPET.matcher(Files.readString(Path.of("src/main/java/dev/aether/examples/HelloEngine.java")));
        assertThat(m.find()).as("HelloEngine has a marked snippet").isTrue();
        for (String line : m.group(2).split("\n")) {
            if (line.isBlank()) continue;
            assertThat(readme).as("README's Java example shows: %s", line.strip()).contains(line.strip() + "\n");
        }
    }
}
