package dev.aether.guard.planted;

import java.util.List;

/** The planted classes, for the checker's test (the classes themselves are package-private). */
public final class PlantedAccess {
    private PlantedAccess() {}

    public static List<Class<?>> nested() { return List.of(Planted.class.getDeclaredClasses()); }
}
