package com.virtpanel.account;

/**
 * The signed-in person's second factor, for the account page: whether an app is set up, how
 * many recovery codes are left, and whether (as staff under the required policy) they must set
 * one up before anything else.
 */
public record SecondFactorStatus(boolean enabled, long recoveryCodesLeft, boolean mustEnrol) {
}
