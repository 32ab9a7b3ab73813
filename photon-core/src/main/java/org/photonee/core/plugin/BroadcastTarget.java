package org.photonee.core.plugin;

/** Who gets an event a plugin broadcasts by group (Photon's plugin-side {@code ReciverGroup}). */
public enum BroadcastTarget {
    /** Every active actor. */
    ALL,
    /** Every active actor but the sender. */
    OTHERS,
    /** The active members of one interest group. */
    GROUP
}
