package dev.aether.guard.planted;

/** An enum in a file of its own, so that a switch on it in {@code Planted} compiles to a synthetic switch map. */
enum PlantedMode { ONE, TWO }
