package org.photonee.core.enet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A client and a server session joined by a simulated network with a virtual clock: each datagram may be dropped,
 * duplicated or delayed (which reorders), decided by a seeded {@link Random}, so every run is the same.
 */
final class SessionPair {
    record Received(int channel, boolean reliable, byte[] message) {
    }

    static final class Recorder implements EnetSession.Listener {
        final List<Received> messages = new ArrayList<>();
        boolean connected;
        Boolean disconnectedByPeer;
        int disconnectReason = -1;
        String detail;

        @Override
        public void onConnected() {
            connected = true;
        }

        @Override
        public void onMessage(int channel, boolean reliable, byte[] message) {
            messages.add(new Received(channel, reliable, message));
        }

        @Override
        public void onDisconnected(boolean byPeer, int reason, String detail) {
            disconnectedByPeer = byPeer;
            disconnectReason = reason;
            this.detail = detail;
        }
    }

    private record InTransit(long deliverAt, boolean toServer, byte[] bytes) {
    }

    final Random random;
    final double loss;
    final double duplicate;
    final int maxDelay;
    final Recorder clientEvents = new Recorder();
    final Recorder serverEvents = new Recorder();
    final DropCounters clientDrops = new DropCounters();
    final DropCounters serverDrops = new DropCounters();
    final EnetSettings settings;
    final EnetSession client;
    EnetSession server;
    long now = 1000;
    private final List<InTransit> network = new ArrayList<>();
    int datagramsToServer;
    int datagramsToClient;

    SessionPair(EnetSettings settings, long seed, double loss, double duplicate, int maxDelay) {
        this.settings = settings;
        this.random = new Random(seed);
        this.loss = loss;
        this.duplicate = duplicate;
        this.maxDelay = maxDelay;
        this.client = EnetSession.client(settings, clientEvents, clientDrops, 12345, 2, false, now);
    }

    static SessionPair perfect() {
        return new SessionPair(EnetSettings.DEFAULTS, 1, 0, 0, 1);
    }

    /** Runs the network and both sessions for {@code millis} in 5 ms steps. */
    void run(long millis) {
        long end = now + millis;
        while (now < end) {
            step();
            now += 5;
        }
    }

    /** Runs until {@code done} holds or the virtual time budget is spent; returns whether it held. */
    boolean runUntil(java.util.function.BooleanSupplier done, long maxMillis) {
        long end = now + maxMillis;
        while (now < end) {
            step();
            if (done.getAsBoolean()) {
                return true;
            }
            now += 5;
        }
        return false;
    }

    private void step() {
        for (byte[] d : client.service(now)) {
            transmit(true, d);
        }
        if (server != null) {
            for (byte[] d : server.service(now)) {
                transmit(false, d);
            }
        }
        List<InTransit> due = new ArrayList<>();
        network.removeIf(t -> {
            if (t.deliverAt <= now) {
                due.add(t);
                return true;
            }
            return false;
        });
        for (InTransit t : due) {
            deliver(t.toServer, t.bytes);
        }
    }

    private void transmit(boolean toServer, byte[] bytes) {
        if (toServer) {
            datagramsToServer++;
        } else {
            datagramsToClient++;
        }
        if (random.nextDouble() < loss) {
            return;
        }
        int copies = random.nextDouble() < duplicate ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            network.add(new InTransit(now + 1 + random.nextInt(maxDelay), toServer, bytes));
        }
    }

    void deliver(boolean toServer, byte[] bytes) {
        DropCounters drops = toServer ? serverDrops : clientDrops;
        Datagram d;
        try {
            d = DatagramCodec.read(bytes, bytes.length, EnetSettings.MAX_COMMANDS_PER_DATAGRAM, drops);
        } catch (EnetException e) {
            drops.count(e.drop());
            return;
        }
        if (toServer) {
            if (server == null) {
                server = EnetSession.server(settings, serverEvents, serverDrops, d.challenge(), 7, now);
            }
            server.receive(d, now);
        } else {
            client.receive(d, now);
        }
    }

    /** Connects with a perfect network for the handshake's sake. */
    void connect() {
        if (!runUntil(() -> client.state() == EnetSession.State.CONNECTED && server != null
                && server.state() == EnetSession.State.CONNECTED, 10_000)) {
            throw new AssertionError("no connection");
        }
    }
}
