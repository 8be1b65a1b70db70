package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's console transcript is made of the examples' marked snippets, line for line. */
class ReadmeSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile("// snippet:(\\w+)\\n(.*?)\\s*// end:\\1", Pattern.DOTALL);

    @Test
    void shouldShowEveryMarkedExampleSnippetInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int found = 0;
        try (var scripts = Files.list(Path.of("scripts"))) {
            for (Path script : scripts.toList()) {
                Matcher m = SNIPPET.matcher(Files.readString(script));
                while (m.find()) {
                    found++;
                    for (String line : m.group(2).split("\n")) {
                        if (line.isBlank()) continue;
                        assertThat(readme).as("README shows line of snippet '%s' from %s", m.group(1), script)
                                .containsPattern("(aether>|   \\.\\.\\.>) " + Pattern.quote(line) + "\n");
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
