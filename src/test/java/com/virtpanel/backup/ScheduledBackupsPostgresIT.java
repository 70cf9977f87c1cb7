package com.virtpanel.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL, ten simultaneous schedule passes make one backup of a server for a window (the
 * unique key decides). The server has no guest here: its backup then fails, which is still the
 * one backup of that window.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = {"panel.backup.schedule.enabled=true", "panel.backup.schedule.check-interval=1d"})
class ScheduledBackupsPostgresIT {

    @Autowired ScheduledBackups schedule;
    @Autowired BackupProperties properties;
    @Autowired Users users;
    @Autowired JdbcTemplate db;

    @Test
    void tenSimultaneousPassesMakeOneBackupOfTheWindow() {
        long accountId = users.newCustomer().id();
        String domain = "vp-sched-pg-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.update("insert into server (account_id, name, active_name, plan_id, image_id, status, domain_name, mac, disk_volume, "
                + "status_changed_at, created_at, updated_at) values (?, 'pg-sched', ?, (select id from plan where name = 'nano'), "
                + "(select min(id) from image), 'STOPPED', ?, '52:54:00:00:00:05', ?, ?, ?, ?)",
                accountId, domain, domain, domain + "-disk.qcow2", now, now, now);
        long id = db.queryForObject("select id from server where domain_name = ?", Long.class, domain);
        BackupSchedule window = properties.schedule().window();
        LocalDate day = LocalDate.now(window.zone()).minusDays(3);

        List<Integer> started = Together.run(10, i -> schedule.pass(window.startOf(id, day).plusSeconds(1)));

        assertThat(started.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from backup where server_id = ? and scheduled_for = ?", Integer.class,
                id, java.sql.Date.valueOf(day))).isEqualTo(1);
    }
}
