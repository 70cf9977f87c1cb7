package com.virtpanel.catalog;

/** Where an ISO is in its life: a customer's is fetched in the background before it can boot. */
public enum IsoStatus {
    DOWNLOADING, READY, FAILED
}
