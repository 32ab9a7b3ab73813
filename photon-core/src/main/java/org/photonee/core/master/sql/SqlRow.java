package org.photonee.core.master.sql;

/** What a filter reads: the value of column C0..C9 of one game, or null when the game has none. */
@FunctionalInterface
public interface SqlRow {
    Object column(int index);
}
