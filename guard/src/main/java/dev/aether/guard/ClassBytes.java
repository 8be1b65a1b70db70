package dev.aether.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the class file of a class by its internal name ({@code dev/aether/core/DspNode}), so that the checker can
 * follow a call to its declaration. Returns null for a class it does not know.
 */
@FunctionalInterface
public interface ClassBytes {

    /** The class file of {@code internalName}, or null when there is none. */
    byte[] find(String internalName);

    /** Class files as resources of {@code loader} ({@code dev/aether/core/DspNode.class}), JDK classes included. */
    static ClassBytes of(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return name -> {
            try (InputStream in = loader.getResourceAsStream(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read class " + name.replace('/', '.'), e);
            }
        };
    }

    /** Class files held in memory, by internal name: the classes a session just compiled. */
    static ClassBytes of(Map<String, byte[]> byInternalName) {
        Map<String, byte[]> copy = Map.copyOf(byInternalName);
        return copy::get;
    }

    /** This, and {@code other} for the classes this does not know. */
    default ClassBytes orElse(ClassBytes other) {
        Objects.requireNonNull(other, "other");
        return name -> {
            byte[] b = find(name);
            return b != null ? b : other.find(name);
        };
    }
}
