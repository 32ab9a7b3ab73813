package org.photonee.core.fiber;

import java.util.ArrayList;

/**
 * Work a thread does in one go (a fiber's drain, one received frame on an event loop) and what must happen once
 * when it is done: transports defer their flush here, so a room that sends many frames to a connection in one
 * batch flushes it once, not once per frame. Outside a batch nothing is deferred and callers act at once.
 */
public final class EndOfBatch {
    private static final ThreadLocal<EndOfBatch> CURRENT = ThreadLocal.withInitial(EndOfBatch::new);

    private final ArrayList<Runnable> deferred = new ArrayList<>();
    private boolean open;

    private EndOfBatch() {
    }

    /** Runs {@code work} as a batch, or as part of the batch already open on this thread. */
    public static void run(Runnable work) {
        EndOfBatch batch = CURRENT.get();
        if (batch.open) {
            work.run();
            return;
        }
        batch.open = true;
        try {
            work.run();
        } finally {
            batch.open = false;
            batch.runDeferred();
        }
    }

    /**
     * Runs {@code action} when the batch open on this thread ends; returns false (and does nothing) when no batch
     * is open, and the caller runs it now. Callers register an action once per batch (they keep their own flag).
     */
    public static boolean defer(Runnable action) {
        EndOfBatch batch = CURRENT.get();
        if (!batch.open) {
            return false;
        }
        batch.deferred.add(action);
        return true;
    }

    private void runDeferred() {
        // Deferred actions run outside the batch: anything they defer in turn runs at once.
        for (int i = 0; i < deferred.size(); i++) {
            try {
                deferred.get(i).run();
            } catch (RuntimeException e) {
                System.getLogger(EndOfBatch.class.getName()).log(System.Logger.Level.ERROR,
                        "end-of-batch action failed", e);
            }
        }
        deferred.clear();
    }
}
