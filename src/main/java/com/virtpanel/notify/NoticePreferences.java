package com.virtpanel.notify;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.InvalidInputException;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which optional notices an account gets: all of them unless the customer turned some off. */
@Service
@Transactional
public class NoticePreferences {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;

    NoticePreferences(JdbcTemplate jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The signed-in user's choice for every optional notice. */
    @Transactional(readOnly = true)
    public Map<Notice, Boolean> mine() {
        long accountId = currentUser.require().accountId();
        Map<Notice, Boolean> choices = new EnumMap<>(Notice.class);
        for (Notice notice : Notice.values()) {
            if (notice.optional()) {
                choices.put(notice, wants(accountId, notice));
            }
        }
        return choices;
    }

    /** The account's owner turns an optional notice on or off (not support during a visit). */
    public void set(Notice notice, boolean enabled) {
        Actor actor = currentUser.requireMayChange();
        if (actor.isImpersonated()) {
            throw new ForbiddenException(UserMessage.of("error.notify.support-cannot-change-customer-s"));
        }
        if (notice == null || !notice.optional()) {
            throw new InvalidInputException("notice", UserMessage.of("error.notify.notice-always-sent"));
        }
        String name = notice.name();
        if (jdbc.update("UPDATE notice_preference SET enabled = ? WHERE account_id = ? AND notice = ?", enabled,
                actor.accountId(), name) == 0) {
            try {
                jdbc.update("INSERT INTO notice_preference (account_id, notice, enabled) VALUES (?, ?, ?)", actor.accountId(), name,
                        enabled);
            } catch (DuplicateKeyException raced) {
                jdbc.update("UPDATE notice_preference SET enabled = ? WHERE account_id = ? AND notice = ?", enabled,
                        actor.accountId(), name);
            }
        }
    }

    @Transactional(readOnly = true)
    boolean wants(long accountId, Notice notice) {
        if (!notice.optional()) {
            return true;
        }
        var rows = jdbc.queryForList("SELECT enabled FROM notice_preference WHERE account_id = ? AND notice = ?", Boolean.class,
                accountId, notice.name());
        return rows.isEmpty() || Boolean.TRUE.equals(rows.get(0));
    }
}
