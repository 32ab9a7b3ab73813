package org.photonee.it.support;

import org.photonee.client.AuthValues;
import org.photonee.client.ConnectionSettings;
import org.photonee.client.LoadBalancingClient;
import org.photonee.client.LoadBalancingListener;
import org.photonee.client.PhotonException;
import org.photonee.client.RoomInfo;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.WireProtocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@link LoadBalancingClient} for integration tests: records every event, room list update and error in arrival
 * order, and waits for them (or for operations) from the test thread with bounded deadlines.
 */
public final class TestPlayer implements AutoCloseable {
    public static final String APP_ID = "it-app";
    private static final long WAIT_MILLIS = 10_000;

    private final String userId;
    private final LoadBalancingClient client;
    private final DroppableConnector connector = new DroppableConnector();
    private final BlockingQueue<EventData> incoming = new LinkedBlockingQueue<>();
    private final List<EventData> pending = new ArrayList<>();
    private final BlockingQueue<List<RoomInfo>> roomLists = new LinkedBlockingQueue<>();
    private final List<List<RoomInfo>> roomListHistory = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final BlockingQueue<PhotonException> errors = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> disconnects = new LinkedBlockingQueue<>();

    public TestPlayer(String appVersion, String userId) {
        this(appVersion, userId, ConnectionSettings.defaults().protocol());
    }

    /** A player speaking the given wire protocol (e.g. GpBinaryV18) instead of the client's default. */
    public TestPlayer(String appVersion, String userId, WireProtocol protocol) {
        this.userId = userId;
        client = new LoadBalancingClient(APP_ID, appVersion,
                ConnectionSettings.defaults().withConnector(connector).withProtocol(protocol));
        client.setAuthValues(AuthValues.user(userId));
        client.setNickname(userId);
        client.addListener(new LoadBalancingListener() {
            @Override
            public void onEvent(EventData event) {
                incoming.add(event);
            }

            @Override
            public void onRoomListUpdate(List<RoomInfo> changed) {
                roomLists.add(changed);
                roomListHistory.add(changed);
            }

            @Override
            public void onError(PhotonException error) {
                errors.add(error);
            }

            @Override
            public void onDisconnected(int closeCode, String reason) {
                disconnects.add(closeCode);
            }
        });
    }

    /** A player authenticated through the name server on the region's master. */
    public static TestPlayer onMaster(ServerProbe server, String appVersion, String userId) throws Exception {
        TestPlayer p = new TestPlayer(appVersion, userId);
        p.await(p.client.connectToRegionMaster(server.webSocket("ns"), "eu"));
        return p;
    }

    /** The same, speaking the given wire protocol. */
    public static TestPlayer onMaster(ServerProbe server, String appVersion, String userId, WireProtocol protocol)
            throws Exception {
        TestPlayer p = new TestPlayer(appVersion, userId, protocol);
        p.await(p.client.connectToRegionMaster(server.webSocket("ns"), "eu"));
        return p;
    }

    public LoadBalancingClient client() {
        return client;
    }

    public String userId() {
        return userId;
    }

    /** Breaks the current connection like a failing network (no close handshake). */
    public void dropConnection() {
        connector.drop();
    }

    /** Waits for the close code of the next unrequested disconnect. */
    public int awaitDisconnect() throws InterruptedException {
        Integer code = disconnects.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (code == null) {
            fail(userId + ": no disconnect reported");
        }
        return code;
    }

    /** The stage's value; a failure is rethrown as its cause (PhotonException, ...). */
    public <T> T await(CompletionStage<T> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** The server's refusal of the operation: fails the test if it succeeded or failed otherwise. */
    public PhotonException refused(CompletionStage<?> stage) throws Exception {
        try {
            Object value = await(stage);
            return fail(userId + ": expected a refusal, got " + value);
        } catch (PhotonException e) {
            return e;
        } catch (Exception e) {
            return assertInstanceOf(PhotonException.class, e, userId + ": expected a PhotonException");
        }
    }

    /** The next event (in arrival order) that matches; events that do not match stay for later calls. */
    public EventData event(Predicate<EventData> wanted) throws InterruptedException {
        for (Iterator<EventData> it = pending.iterator(); it.hasNext(); ) {
            EventData e = it.next();
            if (wanted.test(e)) {
                it.remove();
                return e;
            }
        }
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (true) {
            long left = deadline - System.nanoTime();
            EventData e = left <= 0 ? null : incoming.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return fail(userId + ": event not received in time; meanwhile got " + describe(pending));
            }
            if (wanted.test(e)) {
                return e;
            }
            pending.add(e);
        }
    }

    public EventData event(int code) throws InterruptedException {
        return event(e -> e.code() == code);
    }

    /**
     * The custom events (codes 0..240) that arrived before the next event with {@code fenceCode}, in order; the
     * fence is consumed too. The room sends to each peer in order, so what is not here was not sent before the fence.
     */
    public List<EventData> customEventsBefore(int fenceCode) throws InterruptedException {
        List<EventData> before = new ArrayList<>();
        while (true) {
            EventData e = event(x -> x.code() == fenceCode || isRoomCustomEvent(x));
            if (e.code() == fenceCode) {
                return before;
            }
            before.add(e);
        }
    }

    /** The next room list callback (GameList or GameListUpdate) whose rooms match. */
    public List<RoomInfo> roomList(Predicate<List<RoomInfo>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        List<List<RoomInfo>> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            List<RoomInfo> list = left <= 0 ? null : roomLists.poll(left, TimeUnit.NANOSECONDS);
            if (list == null) {
                return fail(userId + ": room list not received in time; meanwhile got " + seen);
            }
            if (wanted.test(list)) {
                return list;
            }
            seen.add(list);
        }
    }

    /** Every room list callback so far, in order. */
    public List<List<RoomInfo>> roomListHistory() {
        return List.copyOf(roomListHistory);
    }

    /** The next error the client reported without a caller waiting for it (refused RaiseEvent, ErrorInfo). */
    public PhotonException error() throws InterruptedException {
        PhotonException e = errors.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (e == null) {
            fail(userId + ": no error reported");
        }
        return e;
    }

    private static String describe(List<EventData> events) {
        StringBuilder b = new StringBuilder("[");
        for (EventData e : events) {
            b.append(e.code()).append(e.parameters()).append(' ');
        }
        return b.append(']').toString();
    }

    @Override
    public void close() {
        client.disconnect();
    }

    /**
     * A custom event raised in a room: code 0..240 with a sender (254). Master events such as AppStats (226) or
     * GameList (230) share that code range but carry no sender.
     */
    static boolean isRoomCustomEvent(EventData e) {
        return e.code() <= 240 && e.parameters().get(254) != null;
    }
}
