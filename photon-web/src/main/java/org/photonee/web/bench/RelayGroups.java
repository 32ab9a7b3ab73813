package org.photonee.web.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fixed relay groups of the bare relay ceiling: a member joins the group named in its URL and every message it
 * sends goes to every member of that group, itself included. Nothing else: no codec, no peers, no rooms.
 *
 * @param <M> a member (a WebSocket session in the container, anything in tests)
 */
public final class RelayGroups<M> {
    private final Map<String, List<M>> groups = new ConcurrentHashMap<>();

    public void join(String group, M member) {
        groups.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>()).add(member);
    }

    public void leave(String group, M member) {
        groups.computeIfPresent(group, (g, members) -> {
            members.remove(member);
            return members.isEmpty() ? null : members;
        });
    }

    /** Hands the message to every current member of the group; returns how many that was. */
    public int relay(String group, Consumer<? super M> send) {
        List<M> members = groups.get(group);
        if (members == null) {
            return 0;
        }
        int n = 0;
        for (M m : members) {
            send.accept(m);
            n++;
        }
        return n;
    }

    public int size(String group) {
        List<M> members = groups.get(group);
        return members == null ? 0 : members.size();
    }

    public int groupCount() {
        return groups.size();
    }
}
