package dev.aether.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads every class file of a classes directory or a jar, by internal name, sorted. Test use. */
final class ClassFiles {
    private ClassFiles() {}

    /** The classes directory or jar that {@code type} was loaded from. */
    static Path locationOf(Class<?> type) {
        CodeSource src = type.getProtectionDomain().getCodeSource();
        if (src == null) throw new IllegalStateException(type + " has no code source");
        try {
            return Path.of(src.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code .class} under {@code dirOrJar} but module-info, by internal name. */
    static Map<String, byte[]> read(Path dirOrJar) {
        Map<String, byte[]> out = new TreeMap<>();
        try {
            if (Files.isDirectory(dirOrJar)) {
                try (Stream<Path> files = Files.walk(dirOrJar)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        String rel = dirOrJar.relativize(f).toString().replace('\\', '/');
                        if (isClass(rel)) out.put(rel.substring(0, rel.length() - 6), Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(dirOrJar.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        String n = entry.getName();
                        if (isClass(n)) {
                            out.put(n.substring(0, n.length() - 6), jar.getInputStream(entry).readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.endsWith("module-info.class") && !path.startsWith("META-INF/");
    }
}
