package org.photonee.core.workload;

import java.util.Objects;
import org.photonee.core.codes.ServerState;
import org.photonee.core.s2s.ServerLoadUpdate;

/**
 * A game server's load as it reports it to the master: the computed load level plus the operator-set
 * {@link ServerState} (REST call or configuration). The reporter samples once a second and sends an UpdateServer
 * each time, and at once when {@link #sample} or {@link #setServerState} says something changed. Thread-safe: the
 * operator sets the state from a request thread while the reporter samples on its fiber.
 */
public final class WorkloadMonitor {
    private final LoadLevelCalculator calculator;
    private ServerState state;
    private boolean changed;

    public WorkloadMonitor(WorkloadSettings settings, ServerState initialState) {
        this.calculator = new LoadLevelCalculator(settings);
        this.state = Objects.requireNonNull(initialState, "initialState");
    }

    /** Adds a sample; true when the level or the state changed since the last {@link #update}. */
    public synchronized boolean sample(double cpuPercent, double bytesPerSecond, int peerCount) {
        int before = calculator.level();
        if (calculator.addSample(cpuPercent, bytesPerSecond, peerCount) != before) {
            changed = true;
        }
        return changed;
    }

    /** Operator control: Normal, OutOfRotation (no new games) or Offline. */
    public synchronized void setServerState(ServerState newState) {
        if (newState != state) {
            state = Objects.requireNonNull(newState, "newState");
            changed = true;
        }
    }

    public synchronized ServerState serverState() {
        return state;
    }

    public synchronized int loadLevel() {
        return calculator.level();
    }

    /** The report to send now; clears the "changed" mark. */
    public synchronized ServerLoadUpdate update(int peerCount, int gameCount) {
        changed = false;
        return new ServerLoadUpdate(calculator.level(), peerCount, state, gameCount, calculator.levelCount());
    }
}
