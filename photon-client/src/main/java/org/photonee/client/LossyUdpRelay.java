package org.photonee.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP forwarder on 127.0.0.1 that makes the network worse on purpose, for tests and benchmarks of the UDP
 * transport: it drops, duplicates and delays (so reorders) datagrams in both directions, decided by a seeded
 * {@link Random}. One relay serves one server endpoint and many clients: each client address gets its own upstream
 * socket, so the server sees distinct clients. Bounded: at most {@value #MAX_CLIENTS} clients, delays at most
 * {@code maxDelayMillis}.
 */
public final class LossyUdpRelay implements AutoCloseable {
    private static final int MAX_CLIENTS = 256;

    private final DatagramSocket front;
    private final InetSocketAddress server;
    private final double loss;
    private final double duplicate;
    private final int maxDelayMillis;
    private final Random random;
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lossy-relay-delay");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Map<SocketAddress, DatagramSocket> upstreams = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private volatile boolean open = true;

    /**
     * @param listenPort     the relay's port on 127.0.0.1 (0 = any)
     * @param server         where datagrams go
     * @param loss           probability a datagram is dropped, per direction
     * @param duplicate      probability it is sent twice
     * @param maxDelayMillis each datagram waits 0..this long (reordering)
     */
    public LossyUdpRelay(int listenPort, InetSocketAddress server, double loss, double duplicate, int maxDelayMillis,
                         long seed) throws SocketException {
        this.front = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        this.server = server;
        this.loss = loss;
        this.duplicate = duplicate;
        this.maxDelayMillis = maxDelayMillis;
        this.random = new Random(seed);
        Thread t = new Thread(this::clientToServer, "lossy-relay-front");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return front.getLocalPort();
    }

    public long forwarded() {
        return forwarded.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long duplicated() {
        return duplicated.get();
    }

    private void clientToServer() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (open) {
            try {
                front.receive(packet);
            } catch (IOException e) {
                continue;
            }
            SocketAddress client = packet.getSocketAddress();
            DatagramSocket up = upstreams.get(client);
            if (up == null) {
                if (upstreams.size() >= MAX_CLIENTS) {
                    continue;
                }
                try {
                    up = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                } catch (SocketException e) {
                    continue;
                }
                upstreams.put(client, up);
                DatagramSocket socket = up;
                Thread back = new Thread(() -> serverToClient(socket, client), "lossy-relay-back");
                back.setDaemon(true);
                back.start();
            }
            byte[] copy = java.util.Arrays.copyOf(buffer, packet.getLength());
            forward(up, copy, server);
        }
    }

    private void serverToClient(DatagramSocket up, SocketAddress client) {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (open) {
            try {
                up.receive(packet);
            } catch (IOException e) {
                if (!open) {
                    return;
                }
                continue;
            }
            forward(front, java.util.Arrays.copyOf(buffer, packet.getLength()), client);
        }
    }

    private void forward(DatagramSocket via, byte[] data, SocketAddress to) {
        int copies;
        long delay;
        synchronized (random) {
            if (random.nextDouble() < loss) {
                dropped.incrementAndGet();
                return;
            }
            copies = random.nextDouble() < duplicate ? 2 : 1;
            delay = maxDelayMillis == 0 ? 0 : random.nextInt(maxDelayMillis + 1);
        }
        if (copies == 2) {
            duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            Runnable send = () -> {
                try {
                    via.send(new DatagramPacket(data, data.length, to));
                    forwarded.incrementAndGet();
                } catch (IOException e) {
                    // lost, as on a real network
                }
            };
            if (delay == 0) {
                send.run();
            } else {
                delays.schedule(send, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        open = false;
        front.close();
        upstreams.values().forEach(DatagramSocket::close);
        delays.shutdownNow();
    }
}
