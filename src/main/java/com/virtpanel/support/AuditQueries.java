package com.virtpanel.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The admin view's filtered search. A criteria query rather than a Specification repository,
 * because JpaSpecificationExecutor would bring a delete method along.
 */
@Component
class AuditQueries {

    private final EntityManager em;

    AuditQueries(EntityManager em) {
        this.em = em;
    }

    List<AuditRecord> search(AuditFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditRecord> query = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> row = query.from(AuditRecord.class);
        List<Predicate> where = new ArrayList<>();
        if (filter.who() != null && !filter.who().isBlank()) {
            String pattern = "%" + escape(filter.who().trim().toLowerCase(Locale.ROOT)) + "%";
            where.add(cb.or(cb.like(cb.lower(row.get("actorEmail")), pattern, '\\'),
                    cb.like(cb.lower(row.get("effectiveEmail")), pattern, '\\'),
                    cb.like(cb.lower(row.get("target")), pattern, '\\')));
        }
        if (filter.serverId() != null) {
            where.add(cb.equal(row.get("serverId"), filter.serverId()));
        }
        if (filter.action() != null) {
            where.add(cb.equal(row.get("action"), filter.action().code()));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(row.get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(row.get("occurredAt"), filter.to()));
        }
        query.select(row).where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(row.get("occurredAt")), cb.desc(row.get("id")));
        int limit = Math.max(1, Math.min(filter.limit(), AuditFilter.MAX_LIMIT));
        return em.createQuery(query).setMaxResults(limit).getResultList();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
