package com.virtpanel.base.security;

import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;

/**
 * Spring's database store of remember-me logins, able to forget one browser's login: Spring's
 * own can only forget all of a user's, which made signing out on one device (or a revoked session's
 * next request) sign out every other remembered browser as well.
 */
class RememberMeTokens extends JdbcTokenRepositoryImpl {

    void removeSeries(String series) {
        getJdbcTemplate().update("DELETE FROM persistent_logins WHERE series = ?", series);
    }
}
