package org.photonee.netty;

import org.photonee.core.fiber.PoolFiber;
import org.photonee.core.peer.ApplicationBase;
import org.photonee.core.peer.ClientPeer;
import org.photonee.core.peer.InitRequest;
import org.photonee.core.peer.PeerBase;
import org.photonee.core.peer.PeerEnvironment;
import org.photonee.core.protocol.OperationResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A role for the listener tests: answers every operation with its own parameters, and records its peers. */
final class EchoApplication extends ApplicationBase {
    final List<InitRequest> connected = new CopyOnWriteArrayList<>();
    final List<PeerBase> peers = new CopyOnWriteArrayList<>();
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;

    private EchoApplication(PeerEnvironment environment, ExecutorService pool, ScheduledExecutorService timer) {
        super("echo", environment);
        this.pool = pool;
        this.timer = timer;
    }

    static EchoApplication started() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        EchoApplication app = new EchoApplication(new PeerEnvironment(name -> new PoolFiber(name, pool, timer)),
                pool, timer);
        app.start();
        return app;
    }

    @Override
    protected PeerBase createPeer(InitRequest init) {
        connected.add(init);
        PeerBase peer = new ClientPeer(init, environment(), (p, request, sp) ->
                OperationResponse.ok(request.code(), request.parameters()));
        peers.add(peer);
        return peer;
    }

    void shutdown() {
        stop();
        pool.shutdownNow();
        timer.shutdownNow();
    }
}
