package com.virtpanel.base.throttle;

/** Growing delays after repeated failures, one count per key: in memory ({@link Backoff}) or shared ({@link StoredBackoff}). */
public interface FailureCounter {

    /** Seconds this key must still wait before its next attempt (rounded up); 0 if it may try now. */
    long waitSeconds(String key);

    /** Counts a failure and returns the seconds the key must now wait (0 while failures are free). */
    long failed(String key);

    /** A success: the key's failures are forgotten. */
    void succeeded(String key);
}
