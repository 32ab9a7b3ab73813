package org.photonee.core.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The LoadBalancing roles one instance can run; any subset may run in one process. */
public enum Role {
    NAME_SERVER("ns"),
    MASTER("master"),
    GAME("game");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    /** The short name used in configuration ({@code photon.roles=ns,master,game}) and in endpoint paths. */
    public String key() {
        return key;
    }

    public static Role fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.key.equals(k)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + key.trim() + "' (expected ns, master or game)");
    }

    /** Parses a comma-separated role list; blank means all roles. */
    public static Set<Role> parseList(String list) {
        if (list == null || list.isBlank()) {
            return EnumSet.allOf(Role.class);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                roles.add(fromKey(part));
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("No role in '" + list + "'");
        }
        return roles;
    }
}
