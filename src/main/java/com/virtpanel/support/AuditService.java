package com.virtpanel.support;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log: the admin's filtered view and a customer's list of staff visits. */
@Service
@Transactional(readOnly = true)
public class AuditService {

    private final AuditQueries queries;
    private final AuditRepository audit;
    private final CurrentUser currentUser;

    AuditService(AuditQueries queries, AuditRepository audit, CurrentUser currentUser) {
        this.queries = queries;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** Newest first, at most {@link AuditFilter#limit()} rows (capped at {@link AuditFilter#MAX_LIMIT}). */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AuditEntry> search(AuditFilter filter) {
        return queries.search(filter == null ? AuditFilter.any() : filter).stream().map(AuditRecord::entry).toList();
    }

    /**
     * Staff visits to the signed-in account, newest first: who came, when, why, and what they did.
     * Built from the audit rows where someone else acted as this account, each visit opened by an
     * "impersonation started" row and closed by the matching "ended" row.
     */
    public List<StaffVisit> staffVisitsToMe() {
        Actor me = currentUser.require();
        List<AuditEntry> rows = audit.findByEffectiveAccountIdAndActorAccountIdNotOrderByOccurredAtAscIdAsc(
                me.accountId(), me.accountId()).stream().map(AuditRecord::entry).toList();
        return StaffVisits.group(rows);
    }

    /** Groups rows (oldest first) into visits, per staff member, because two may visit at once. */
    static final class StaffVisits {

        private StaffVisits() {
        }

        static List<StaffVisit> group(List<AuditEntry> rows) {
            List<Builder> visits = new ArrayList<>();
            Map<Long, Builder> open = new LinkedHashMap<>();
            for (AuditEntry row : rows) {
                Long staff = row.actorAccountId();
                if (row.is(AuditAction.IMPERSONATION_STARTED)) {
                    Builder visit = new Builder(row);
                    visits.add(visit);
                    open.put(staff, visit);
                } else if (row.is(AuditAction.IMPERSONATION_ENDED)) {
                    Builder visit = open.remove(staff);
                    if (visit != null) {
                        visit.endedAt = row.at();
                    }
                } else {
                    Builder visit = open.computeIfAbsent(staff, s -> {
                        Builder orphan = new Builder(row); // its start row is older than what we read
                        visits.add(orphan);
                        return orphan;
                    });
                    visit.actions.add(row);
                }
            }
            return visits.stream().map(Builder::build).sorted((a, b) -> b.startedAt().compareTo(a.startedAt())).toList();
        }

        private static final class Builder {
            final AuditEntry start;
            final List<AuditEntry> actions = new ArrayList<>();
            java.time.Instant endedAt;

            Builder(AuditEntry start) {
                this.start = start;
            }

            StaffVisit build() {
                return new StaffVisit(start.actorEmail(), start.at(), endedAt, start.reason(), start.readOnly(),
                        List.copyOf(actions));
            }
        }
    }
}
