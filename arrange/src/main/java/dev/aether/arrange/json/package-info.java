/** Projects as readable, versioned JSON files, saved crash-safe: {@link dev.aether.arrange.json.ProjectJson}. */
package dev.aether.arrange.json;
