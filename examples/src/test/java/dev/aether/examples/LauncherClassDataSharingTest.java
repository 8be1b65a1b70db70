package dev.aether.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/aether render} as a person runs it, on a fresh home directory and on the JDK running this test: the first
 * run records a class-data sharing archive (an AOT cache from JDK 25) under {@code ~/.aether/cds}, the second loads aether's and javac's classes
 * from it; an unusable archive does not break the start (what the JVM says goes to the archive's log, not the
 * terminal) and is recorded again; a changed class path jar gives a new archive instead of a stale one. Needs the
 * repl module packaged (it runs after it in the reactor's {@code verify}); skipped when it is not. For a few seconds
 * it moves the repl jar's modification time (and puts it back): a {@code bin/aether} of the same checkout started
 * then records its archive again.
 */
class LauncherClassDataSharingTest {
    private static final Path ROOT = LauncherRender.ROOT;
    /** From JDK 25 the launcher keeps an AOT cache instead of a dynamic archive: its file ending, magic and log sign. */
    private static final boolean AOT = Runtime.version().feature() >= 25;
    private static final String EXT = AOT ? "aot" : "jsa";
    private static final int MAGIC = AOT ? 0xf00baba2 : 0xf00baba8;
    private static final String MAPPED = AOT ? "Mapped static" : "Mapped dynamic region";

    @TempDir Path home;

    /** What one run printed and which source each class came from. */
    record Run(int exit, String output, String classLoads) {
        boolean shared(String className) {
            return classLoads.contains(className + " source: shared objects file");
        }
    }

    private Run render(int n) throws IOException, InterruptedException {
        Path loads = home.resolve("classes-" + n + ".txt");
        LauncherRender.Result r = LauncherRender.render(home, env -> {
            env.put("AETHER_JAVA_OPTS", "-Xlog:class+load=info:file=" + loads);
            env.remove("AETHER_CDS");
            env.remove("AETHER_CDS_DIR");
        });
        return new Run(r.exit(), r.output(), Files.exists(loads) ? Files.readString(loads) : "");
    }

    private List<Path> cds(String glob) throws IOException {
        Path dir = home.resolve(".aether/cds");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
            return s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        }
    }

    private static Path replJar() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("repl/target"))) {
            return s.filter(p -> p.getFileName().toString().matches("aether-repl-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void shouldRecordTheArchiveOnFirstUseReuseItAndRecordAgainWhenItIsUnusableOrStale() throws Exception {
        assumeTrue(LauncherRender.launchable(),
                "repl is not packaged (mvn package); bin/aether has nothing to run");

        Run first = render(1);
        assertThat(first.exit()).as("first run's exit code; output:%n%s", first.output()).isZero();
        List<Path> archives = cds("*-render-*." + EXT);
        assertThat(archives).as("one render archive after the first run; output:%n%s", first.output()).hasSize(1);
        assertThat(cds("*.tmp")).as("no half-written archive left").isEmpty();
        assertThat(first.shared("dev.aether.repl.Aether")).as("the recording run loads aether from its jar").isFalse();
        assertThat(first.output()).as("recording says nothing on the terminal").doesNotContain("[cds]", "[aot]", "warning", "AOT");

        Run second = render(2);
        assertThat(second.exit()).as("second run's exit code; output:%n%s", second.output()).isZero();
        assertThat(cds("*-render-*." + EXT)).as("the same archive, reused").isEqualTo(archives);
        assertThat(second.shared("dev.aether.repl.Aether")).as("aether's main class from the archive").isTrue();
        assertThat(second.shared("com.sun.tools.javac.main.JavaCompiler")).as("javac from the archive").isTrue();
        assertThat(second.shared("org.jline.reader.impl.LineReaderImpl")).as("JLine from the archive").isTrue();

        // an archive the JVM rejects (here: the archive's magic number, then zeros): the run goes on without
        // it and its log says it was not mapped ...
        Path archive = archives.get(0);
        Files.delete(archive);                                   // the JDK writes it read-only
        byte[] rejected = new byte[1 << 20];
        java.nio.ByteBuffer.wrap(rejected).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(MAGIC);
        Files.write(archive, rejected);
        Run broken = render(3);
        assertThat(broken.exit()).as("a run with an unusable archive still renders; output:%n%s", broken.output()).isZero();
        assertThat(broken.output()).as("the JVM's complaint stays off the terminal").doesNotContain("[cds]", "[aot]", "[error]");
        Path log = Path.of(archive.toString().replace("." + EXT, ".log"));
        assertThat(log).as("the run's archive log").exists();
        assertThat(Files.readString(log)).as("%s: the archive was not mapped", log).doesNotContain(MAPPED);
        assertThat(broken.shared("dev.aether.repl.Aether")).isFalse();
        // ... and the next run records it again
        Run rerecorded = render(4);
        assertThat(rerecorded.exit()).as("output:%n%s", rerecorded.output()).isZero();
        assertThat(Files.size(archive)).as("archive recorded again").isNotEqualTo(rejected.length);
        assertThat(rerecorded.shared("dev.aether.repl.Aether")).as("the re-recording run loads from the jar").isFalse();
        assertThat(render(5).shared("dev.aether.repl.Aether")).as("and used after that").isTrue();

        // a file that is not an archive at all is never handed to the JVM (JDK 17 crashes on some): recorded again
        Files.delete(archive);
        Files.writeString(archive, "not a class-data archive");
        Run text = render(8);
        assertThat(text.exit()).as("output:%n%s", text.output()).isZero();
        assertThat(text.shared("dev.aether.repl.Aether")).isFalse();
        assertThat(render(9).shared("dev.aether.repl.Aether")).as("the archive recorded instead is used").isTrue();

        // a changed jar on the class path (here: a new modification time) makes a new archive, the stale one goes
        Path jar = replJar();
        FileTime was = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(was.toMillis() + 1_000));
            Run changed = render(6);
            assertThat(changed.exit()).as("output:%n%s", changed.output()).isZero();
            assertThat(changed.shared("dev.aether.repl.Aether")).as("the stale archive is not used").isFalse();
            List<Path> now = cds("*-render-*." + EXT);
            assertThat(now).as("one new archive replaces the stale one").hasSize(1).doesNotContain(archive);
            assertThat(render(7).shared("dev.aether.repl.Aether")).as("the new archive is used").isTrue();
        } finally {
            Files.setLastModifiedTime(jar, was);
        }
    }
}
