package com.virtpanel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How audit rows become the visits a customer reads. */
class StaffVisitsTest {

    private static final long CUSTOMER = 7;
    private long id;

    @Test
    void aVisitRunsFromStartToEndAndHoldsWhatWasDoneInBetween() {
        List<StaffVisit> visits = AuditService.StaffVisits.group(List.of(
                row(10, 2, AuditAction.IMPERSONATION_STARTED, "ticket 42"),
                row(11, 2, AuditAction.SERVER_REBOOT, "ticket 42"),
                row(12, 2, AuditAction.IMPERSONATION_ENDED, "ticket 42")));
        assertThat(visits).singleElement().satisfies(v -> {
            assertThat(v.staffEmail()).isEqualTo("staff2@example.com");
            assertThat(v.reason()).isEqualTo("ticket 42");
            assertThat(v.startedAt()).isEqualTo(Instant.ofEpochSecond(10));
            assertThat(v.endedAt()).isEqualTo(Instant.ofEpochSecond(12));
            assertThat(v.actions()).extracting(AuditEntry::action).containsExactly(AuditAction.SERVER_REBOOT.code());
        });
    }

    @Test
    void twoStaffMembersVisitingAtOnceGetAVisitEachNewestFirst() {
        List<StaffVisit> visits = AuditService.StaffVisits.group(List.of(
                row(10, 2, AuditAction.IMPERSONATION_STARTED, "a"),
                row(11, 3, AuditAction.IMPERSONATION_STARTED, "b"),
                row(12, 2, AuditAction.SERVER_START, "a"),
                row(13, 3, AuditAction.SERVER_SHUTDOWN, "b"),
                row(14, 2, AuditAction.IMPERSONATION_ENDED, "a")));
        assertThat(visits).extracting(StaffVisit::reason).containsExactly("b", "a");
        assertThat(visits.get(0).endedAt()).isNull();
        assertThat(visits.get(0).actions()).extracting(AuditEntry::action).containsExactly(AuditAction.SERVER_SHUTDOWN.code());
        assertThat(visits.get(1).actions()).extracting(AuditEntry::action).containsExactly(AuditAction.SERVER_START.code());
    }

    @Test
    void actionsWhoseStartIsMissingStillShowAsAVisit() {
        List<StaffVisit> visits = AuditService.StaffVisits.group(List.of(row(20, 2, AuditAction.SERVER_RESET, "r")));
        assertThat(visits).singleElement().satisfies(v -> assertThat(v.actions()).hasSize(1));
    }

    private AuditEntry row(long second, long staff, AuditAction action, String reason) {
        return new AuditEntry(++id, Instant.ofEpochSecond(second), action.code(), staff, "staff" + staff + "@example.com",
                CUSTOMER, "customer@example.com", reason, false, CUSTOMER, 5L, "web-1", null, "127.0.0.1");
    }
}
