package com.virtpanel.testkit;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.PanelUser;
import com.virtpanel.account.Role;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Creates accounts and runs code as one of them, the way a signed-in request would. */
@Component
public class Users {

    public static final String PASSWORD = "Correct-horse-42";

    private final AccountService accounts;
    private final JdbcTemplate jdbc;

    Users(AccountService accounts, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** A customer who has confirmed their email address (so they may order). */
    public AccountSummary newCustomer() {
        AccountSummary customer = newUnverifiedCustomer();
        VerifiedEmails.verify(jdbc, customer.email());
        return customer;
    }

    /** A customer fresh from sign-up: the confirmation link is mailed, not yet opened. */
    public AccountSummary newUnverifiedCustomer() {
        return accounts.signUp("customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", PASSWORD);
    }

    public AccountSummary newStaff(Role role) {
        return as(admin(), () -> accounts.createStaff(
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", PASSWORD, role));
    }

    public AccountSummary admin() {
        return accounts.findByEmail("admin@virtpanel.test").orElseThrow();
    }

    public static <T> T as(AccountSummary account, Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        var user = new PanelUser(account.id(), account.email(), "", account.role(), true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void as(AccountSummary account, Runnable work) {
        as(account, () -> {
            work.run();
            return null;
        });
    }

    public static Role role(String name) {
        return Role.valueOf(name);
    }
}
