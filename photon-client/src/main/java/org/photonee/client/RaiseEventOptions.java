package org.photonee.client;

import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.ReceiverGroup;

/**
 * Who receives a raised event and whether the room caches it. The server picks recipients by precedence: target
 * actors, else interest group (non-zero), else receiver group.
 *
 * @param receivers    a {@link ReceiverGroup} value: Others (default), All (sender included), MasterClient
 * @param targetActors explicit recipients, or null
 * @param interestGroup interest group 1..255, or 0 for none
 * @param caching      an {@link EventCaching} value; only applies to All/Others
 * @param flush        ask the server to send without batching delay
 */
public record RaiseEventOptions(int receivers, int[] targetActors, int interestGroup, int caching, boolean flush) {
    public static final RaiseEventOptions DEFAULT =
            new RaiseEventOptions(ReceiverGroup.OTHERS, null, 0, EventCaching.DO_NOT_CACHE, false);

    public static RaiseEventOptions toAll() {
        return DEFAULT.withReceivers(ReceiverGroup.ALL);
    }

    public RaiseEventOptions withReceivers(int value) {
        return new RaiseEventOptions(value, targetActors, interestGroup, caching, flush);
    }

    public RaiseEventOptions withTargetActors(int... actors) {
        return new RaiseEventOptions(receivers, actors, interestGroup, caching, flush);
    }

    public RaiseEventOptions withInterestGroup(int group) {
        return new RaiseEventOptions(receivers, targetActors, group, caching, flush);
    }

    public RaiseEventOptions withCaching(int value) {
        return new RaiseEventOptions(receivers, targetActors, interestGroup, value, flush);
    }

    public RaiseEventOptions withFlush(boolean value) {
        return new RaiseEventOptions(receivers, targetActors, interestGroup, caching, value);
    }
}
