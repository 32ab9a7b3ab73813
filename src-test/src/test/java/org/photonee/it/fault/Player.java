package org.photonee.it.fault;

import org.photonee.client.AuthValues;
import org.photonee.client.ClientState;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.LoadBalancingListener;
import org.photonee.client.RaiseEventOptions;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.it.support.DroppableConnector;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated player of the fault suite: a {@link LoadBalancingClient} that raises event {@link #EVENT} carrying
 * its own sequence number to everyone in its room, and checks what it receives: each sender's numbers must arrive
 * in order and never twice (a gap is counted separately: it is what a dying room looks like).
 */
final class Player implements LoadBalancingListener, AutoCloseable {
    static final int EVENT = 1;
    private static final RaiseEventOptions TO_ALL = RaiseEventOptions.DEFAULT.withReceivers(ReceiverGroup.ALL);

    final String userId;
    final LoadBalancingClient client;
    final DroppableConnector connector = new DroppableConnector();
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<Integer, Integer> lastBySender = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    final List<String> violations = new CopyOnWriteArrayList<>();
    volatile long disconnectedAtNanos;
    volatile int closeCode;

    Player(String appId, String userId) {
        this.userId = userId;
        client = new LoadBalancingClient(appId, "1.0", ConnectionSettings.defaults().withConnector(connector));
        client.setAuthValues(AuthValues.user(userId));
        client.addListener(this);
    }

    void connect(URI nameServer) throws Exception {
        Faults.await(client.connectToRegionMaster(nameServer, "eu"));
    }

    /** Raises the next numbered event; a number is used only once the client accepted the send. */
    void send() {
        int next = sent.get() + 1;
        if (client.raiseEvent(EVENT, next, TO_ALL)) {
            sent.set(next);
        }
    }

    @Override
    public void onCustomEvent(int code, int senderActorNr, Object content) {
        if (code != EVENT || !(content instanceof Integer seq)) {
            return;
        }
        received.incrementAndGet();
        Integer previous = lastBySender.put(senderActorNr, seq);
        if (previous != null && seq <= previous) {
            violations.add(userId + " got " + seq + " from actor " + senderActorNr + " after " + previous);
        } else if (previous != null && seq > previous + 1) {
            gaps.incrementAndGet();
        }
    }

    @Override
    public void onStateChanged(ClientState previous, ClientState current) {
        if (current == ClientState.Disconnected && disconnectedAtNanos == 0) {
            disconnectedAtNanos = System.nanoTime();
        }
    }

    @Override
    public void onDisconnected(int code, String reason) {
        closeCode = code;
    }

    long received() {
        return received.get();
    }

    long gaps() {
        return gaps.get();
    }

    int actorNr() {
        return client.currentRoom() == null ? 0 : client.currentRoom().localActorNr();
    }

    @Override
    public void close() {
        client.close();
    }

    /** host:port of the game server the client is connected to. */
    String gameServer() {
        URI uri = client.connection().uri();
        return uri.getHost() + ":" + uri.getPort();
    }
}
