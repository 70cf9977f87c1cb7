package com.virtpanel.account;

/** What the account page shows to set up an app: the otpauth:// URI (as a QR code) and the same key to type in. */
public record TotpEnrolment(String secret, String uri) {

    /** Never print the key, not even in debug logs. */
    @Override
    public String toString() {
        return "TotpEnrolment[…]";
    }
}
