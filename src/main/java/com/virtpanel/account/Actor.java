package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.ForbiddenException;
import java.util.Optional;

/**
 * Who is acting right now: the effective account, and the staff member behind it when
 * support is impersonating a customer. Services check ownership against {@link #accountId()}
 * and audit both identities.
 */
public record Actor(long accountId, String email, Role role, Optional<ImpersonationGrant> impersonation) {

    /** The identity used for jobs the panel runs on its own (sampling, enforcement). */
    public static final Actor SYSTEM = new Actor(0, "system", Role.ADMIN, Optional.empty());

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isSystem() {
        return accountId == 0;
    }

    public boolean isImpersonated() {
        return impersonation.isPresent();
    }

    /** True when this actor may see or act on things owned by the given account. */
    public boolean mayAccess(long ownerAccountId) {
        return isStaff() || accountId == ownerAccountId;
    }

    /**
     * True when this actor may change things owned by the given account: the owner, staff only
     * inside a visit (where they act as the owner, with a reason, on the customer's activity
     * page), and the panel's own jobs. Staff outside a visit may look, not act.
     */
    public boolean mayChange(long ownerAccountId) {
        return isSystem() || accountId == ownerAccountId;
    }

    /** Refuses staff acting on a customer's things outside a visit. */
    public void requireMayChange(long ownerAccountId) {
        if (!mayChange(ownerAccountId)) {
            throw new ForbiddenException(UserMessage.of("error.account.staff-act-customer-s-server"));
        }
    }

    /** Actions are refused during a read-only impersonation. */
    public void requireMayChange() {
        if (impersonation.map(ImpersonationGrant::readOnly).orElse(false)) {
            throw new ForbiddenException(UserMessage.of("error.account.read-only-support-session-actions"));
        }
    }

    /** The person really at the keyboard. */
    public String realEmail() {
        return impersonation.map(ImpersonationGrant::staffEmail).orElse(email);
    }

    public long realAccountId() {
        return impersonation.map(ImpersonationGrant::staffAccountId).orElse(accountId);
    }
}
