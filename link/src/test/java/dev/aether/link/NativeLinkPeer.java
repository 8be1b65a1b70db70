package dev.aether.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The independent Link peer of the interop tests: linkpeer.cpp compiled with g++ against Debian's ableton-link-dev
 * (Ableton's header-only library) into target/, once per version of the source.
 */
final class NativeLinkPeer {
    private NativeLinkPeer() {}

    /** Why it cannot be built here, or null. */
    static String unavailable() {
        if (NetNamespace.which("g++") == null) return "g++ is not installed (Debian: g++)";
        if (!Files.exists(Path.of("/usr/include/ableton/Link.hpp"))) return "Ableton's Link headers are missing (Debian: ableton-link-dev)";
        if (!Files.exists(Path.of("/usr/include/asio.hpp"))) return "asio headers are missing (Debian: libasio-dev)";
        return null;
    }

    /** The compiled peer (compiling it the first time, ~20 s). */
    static synchronized Path binary() throws IOException, InterruptedException {
        byte[] source;
        try (InputStream in = NativeLinkPeer.class.getResourceAsStream("linkpeer.cpp")) {
            source = in.readAllBytes();
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        Path dir = Path.of("target", "linkpeer");
        Files.createDirectories(dir);
        Path bin = dir.resolve("linkpeer-" + hash);
        if (Files.isExecutable(bin)) return bin.toAbsolutePath();
        Path src = dir.resolve("linkpeer-" + hash + ".cpp");
        Files.write(src, source);
        Process p = new ProcessBuilder("g++", "-std=c++14", "-O1", "-DLINK_PLATFORM_LINUX=1", "-pthread", "-o", bin + ".tmp", src.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("g++ could not build the Link test peer:\n" + out);
        Files.move(Path.of(bin + ".tmp"), bin);
        return bin.toAbsolutePath();
    }
}
