package org.photonee.it.support;

import org.photonee.client.LoadBalancingListener;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a client's custom events as "code:sender:content", in arrival order. */
public final class EventRecorder implements LoadBalancingListener {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void onCustomEvent(int code, int senderActorNr, Object content) {
        events.add(code + ":" + senderActorNr + ":" + content);
    }

    /** The next event; fails after 10 s. */
    public String next() throws InterruptedException {
        String e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event within 10 s");
        }
        return e;
    }
}
