package io.learningloop.projection.rebuild;

/** The steps of a rebuild, in order; it ends DONE or FAILED (decision 0012). */
public enum RebuildPhase {
    /** Leftovers of an earlier, unfinished rebuild deleted; the new versioned index created. */
    PREPARING,
    /** Reading the topic from offset 0 up to its end as it was when the rebuild began. */
    BUILDING,
    /** Reading what arrived meanwhile; the live runner is paused briefly at the end of this phase. */
    CATCHING_UP,
    /** The alias moves to the new index in one atomic call. */
    SWAPPING,
    DONE,
    /** The alias still points at the index it pointed at before; see {@code error}. */
    FAILED
}
