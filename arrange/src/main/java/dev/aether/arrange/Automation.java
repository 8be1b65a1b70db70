package dev.aether.arrange;

import java.util.List;

/**
 * Automation on the absolute timeline: what a lane's parameter is at a time, and its breakpoints for a player. Pure
 * functions of a {@link Project}; any thread (not the audio thread: they allocate).
 */
public final class Automation {
    private Automation() {}

    /**
     * The lane of {@code target} on track {@code track} as absolute breakpoints (time order), following every
     * metatrack transform above the track (and the track's own, for a metatrack).
     *
     * @throws IllegalArgumentException if the track has no such lane (the message lists the lanes it has)
     */
    public static List<Breakpoint> breakpoints(Project project, String track, Lane.Target target) {
        Schedule.TrackPlan plan = Schedule.of(project).track(project.track(track).name());
        List<Breakpoint> b = plan.lanes().get(target);
        if (b == null)
            throw new IllegalArgumentException("track \"" + plan.name() + "\" has no automation lane for " + target + "; lanes: "
                    + (plan.lanes().isEmpty() ? "none — add one first" : plan.lanes().keySet().toString()));
        return b;
    }

    /**
     * The value of {@code target} on {@code track} at absolute time {@code seconds}: the lane's value (see
     * {@link Breakpoint#valueAt}), or without a lane the strip's static volume (dB) or pan.
     *
     * @throws IllegalArgumentException for an effect parameter without a lane (its value belongs to the node)
     */
    public static double valueAt(Project project, String track, Lane.Target target, double seconds) {
        Track t = project.track(track);
        if (t.strip().lane(target) == null) {
            if (target.equals(Lane.Target.VOLUME)) return t.strip().volumeDb();
            if (target.equals(Lane.Target.PAN)) return t.strip().pan();
        }
        return Breakpoint.valueAt(breakpoints(project, track, target), seconds);
    }
}
