package com.virtpanel.server;

import java.util.List;

/**
 * A customer's order. {@code orderKey} makes it idempotent: the same key returns the server
 * the first request created, so a double click or a resubmitted form orders once.
 * {@code userData}: the customer's own cloud-init user data, or null.
 */
public record OrderRequest(String name, String plan, String image, List<String> sshKeys, String password, String orderKey,
        String userData) {

    public OrderRequest(String name, String plan, String image, List<String> sshKeys, String password, String orderKey) {
        this(name, plan, image, sshKeys, password, orderKey, null);
    }

    @Override
    public String toString() {
        return "OrderRequest[" + name + ", " + plan + ", " + image + ", " + (sshKeys == null ? 0 : sshKeys.size())
                + " keys, password " + (password == null || password.isEmpty() ? "no" : "yes")
                + ", user data " + (userData == null || userData.isBlank() ? "no" : "yes") + "]";
    }
}
