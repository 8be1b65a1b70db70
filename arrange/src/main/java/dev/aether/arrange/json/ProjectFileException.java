package dev.aether.arrange.json;

import java.io.IOException;

/**
 * A project file that cannot be read: its message names the file, where in it (line and column, or the JSON path of
 * the bad value) and what to do.
 */
public final class ProjectFileException extends IOException {
    public ProjectFileException(String message) { super(message); }

    public ProjectFileException(String message, Throwable cause) { super(message, cause); }
}
