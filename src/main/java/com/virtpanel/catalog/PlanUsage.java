package com.virtpanel.catalog;

/**
 * Answers "is this plan used by a live server?" so a plan in use is never deleted. The
 * server module implements it; the catalog cannot see servers itself.
 */
public interface PlanUsage {

    long liveServersOn(long planId);
}
