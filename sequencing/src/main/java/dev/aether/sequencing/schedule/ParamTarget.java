package dev.aether.sequencing.schedule;

import dev.aether.core.param.SmoothedParam;
import dev.aether.sequencing.pattern.Note;

/** A node's parameter stepped (or ramped) by a pattern of numbers, each from its event's onset. */
final class ParamTarget implements PatternTarget<Double> {
    private final SmoothedParam param;
    private final double rampSeconds;

    ParamTarget(SmoothedParam param, double rampSeconds) {
        if (!(rampSeconds >= 0) || Double.isInfinite(rampSeconds)) {
            throw new IllegalArgumentException("a parameter's ramp must last 0 or more seconds, was " + rampSeconds);
        }
        this.param = param;
        this.rampSeconds = rampSeconds;
    }

    @Override public String description() { return "parameter '" + param.name() + "'"; }

    @Override public Double valueOf(Object token) {
        double v = Note.number(token);
        if (v < param.min() || v > param.max()) {
            throw new IllegalArgumentException("parameter '" + param.name() + "' takes " + param.min() + ".." + param.max()
                    + (param.unit().isEmpty() ? "" : " " + param.unit()) + ", not " + token);
        }
        return v;
    }

    @Override public boolean send(Double value, long onsetSample, long offsetSample) {
        return param.setAt(value, onsetSample, rampSeconds);
    }
}
