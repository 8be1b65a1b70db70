package dev.aether.core.state;

import dev.aether.core.ControlThread;

/**
 * Control thread. How saved state names classes: the name written for a class, and the class behind a saved name
 * now (a console maps a user class's name to its newest definition).
 */
@ControlThread
public interface SavedClassNames {
    /** The name written for {@code k}. */
    String nameOf(Class<?> k);

    /** The class now behind {@code name} (a name {@link #nameOf} wrote, or a JVM binary name). */
    Class<?> classNamed(String name) throws ClassNotFoundException;

    /** Binary names, resolved through {@code loader}. */
    static SavedClassNames of(ClassLoader loader) {
        return new SavedClassNames() {
            @Override public String nameOf(Class<?> k) { return k.getName(); }
            @Override public Class<?> classNamed(String name) throws ClassNotFoundException {
                return Class.forName(name, false, loader);
            }
        };
    }
}
