package dev.aether.core.command;

import dev.aether.core.view.EngineEvent;

import dev.aether.core.AudioThread;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;
import dev.aether.core.budget.RunBudget;
import dev.aether.core.graph.NodeSlot;
import java.util.function.Consumer;
import org.jctools.queues.SpscArrayQueue;

/**
 * Audio → control: typed events in pre-allocated mutable cells. The audio thread takes a free cell, fills it
 * and publishes it; the control thread turns it into an immutable {@link EngineEvent} and gives the cell back.
 * When no cell is free the event is counted as dropped; the audio thread never allocates or blocks.
 */
public final class EventRing {
    enum Kind { FAULT, OVER_BUDGET, METER, XRUN, POSITION }

    static final class Cell {
        Kind kind;
        NodeSlot node;
        String cause;
        Throwable error;
        float peak, rms;
        long a, b;
        double x, y;
        boolean flag;
    }

    private final SpscArrayQueue<Cell> published;
    private final SpscArrayQueue<Cell> free;
    private long dropped;          // audio thread
    private long droppedReported;  // control thread
    private volatile long droppedPublished;

    private final int reserve;

    public EventRing(int capacity) {
        reserve = capacity / 4;
        published = new SpscArrayQueue<>(capacity);
        free = new SpscArrayQueue<>(capacity);
        for (int i = 0; i < capacity; i++) free.offer(new Cell());
    }

    private Cell claim() {
        Cell s = free.relaxedPoll();
        if (s == null) droppedPublished = ++dropped;
        return s;
    }

    @AudioThread @RealtimeSafe
    public void faultRt(NodeSlot node, String cause, Throwable error) {
        Cell s = claim();
        if (s == null) return;
        s.kind = Kind.FAULT; s.node = node; s.cause = cause; s.error = error;
        published.offer(s);
    }

    /** {@code node}'s user code ran past {@code budgetNanos} and was stopped at {@code site} ({@link RunBudget#site(int)}). */
    @AudioThread @RealtimeSafe
    public void overBudgetRt(NodeSlot node, int site, long budgetNanos) {
        Cell s = claim();
        if (s == null) return;
        s.kind = Kind.OVER_BUDGET; s.node = node; s.a = site; s.b = budgetNanos;
        published.offer(s);
    }

    /**
     * {@code node} null means the master. Meters are skipped (not counted as dropped) while fewer than a quarter
     * of the cells are free, so a console that is not draining never loses fault or xrun events to meters.
     */
    @AudioThread @RealtimeSafe
    public void meterRt(NodeSlot node, float peak, float rms) {
        if (free.size() < reserve) return;
        Cell s = claim();
        if (s == null) return;
        s.kind = Kind.METER; s.node = node; s.peak = peak; s.rms = rms;
        published.offer(s);
    }

    /** Counts {@code count} events lost before they reached the ring (reported like those the ring dropped). */
    @AudioThread @RealtimeSafe
    public void droppedRt(int count) {
        dropped += count;
        droppedPublished = dropped;
    }

    @AudioThread @RealtimeSafe
    public void xrunRt(long count, long stallNanos, boolean resync) {
        Cell s = claim();
        if (s == null) return;
        s.kind = Kind.XRUN; s.a = count; s.b = stallNanos; s.flag = resync;
        published.offer(s);
    }

    @AudioThread @RealtimeSafe
    public void positionRt(long sample, double beat, double bpm) {
        Cell s = claim();
        if (s == null) return;
        s.kind = Kind.POSITION; s.a = sample; s.x = beat; s.y = bpm;
        published.offer(s);
    }

    /** Hands every waiting event to {@code handler} as an {@link EngineEvent}; returns how many. */
    @ControlThread
    public synchronized int drain(Consumer<? super EngineEvent> handler) {
        int n = 0;
        long d = droppedPublished;
        if (d != droppedReported) {
            handler.accept(new EngineEvent.Dropped(d - droppedReported));
            droppedReported = d;
            n++;
        }
        Cell s;
        while ((s = published.relaxedPoll()) != null) {
            EngineEvent e = switch (s.kind) {
                case FAULT -> new EngineEvent.NodeFault(s.node.id(), s.node.label(), s.cause, s.error);
                case OVER_BUDGET -> new EngineEvent.NodeOverBudget(s.node.id(), s.node.label(),
                        RunBudget.site((int) s.a), s.b);
                case METER -> new EngineEvent.Meter(s.node == null ? null : s.node.id(),
                        s.node == null ? "master" : s.node.label(), s.peak, s.rms);
                case XRUN -> new EngineEvent.Xrun(s.a, s.b, s.flag);
                case POSITION -> new EngineEvent.Position(s.a, s.x, s.y);
            };
            s.node = null; s.error = null; s.cause = null;
            free.offer(s);
            handler.accept(e);
            n++;
        }
        return n;
    }
}
