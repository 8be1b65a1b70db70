package dev.aether.osc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/osc.md holds every line of the address space's reference, which {@code :help osc} shows: they cannot drift. */
class OscReferenceDocTest {
    @Test void shouldDocumentEveryAddressAsTheConsoleShowsIt() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "osc.md"));
        for (String line : OscServer.reference().split("\n")) {
            assertThat(doc).as("docs/osc.md holds the reference line%n  %s", line).contains(line);
        }
    }
}
