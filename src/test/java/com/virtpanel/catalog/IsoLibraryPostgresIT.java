package com.virtpanel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.PanelException;
import com.virtpanel.testkit.PostgresIntegrationTest;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ISO library on PostgreSQL (the V85 schema): ten admins registering the same ISO at the same
 * moment leave one entry and one file; a removed ISO takes its file with it; both are audited;
 * a plan's "own ISOs" option is stored.
 */
@PostgresIntegrationTest
class IsoLibraryPostgresIT {

    @TempDir Path work;
    @Autowired IsoLibrary library;
    @Autowired CatalogService catalog;
    @Autowired Users users;
    @Autowired JdbcTemplate db;

    @Test
    void tenSimultaneousRegistrationsOfOneIsoLeaveOneAndRemovingItRemovesItsFile() throws Exception {
        byte[] bytes = new byte[64 * 1024];
        System.arraycopy("CD001".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0x8001, 5);
        Path source = work.resolve("tiny.iso");
        Files.write(source, bytes);
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        String name = "pg-tiny-" + System.nanoTime();
        AccountSummary admin = users.admin();

        List<String> results = Together.run(10, i -> {
            try {
                return "ok " + Users.as(admin, () -> library.register(name, source.toString(), sha)).id();
            } catch (ConflictException e) {
                return "conflict";
            }
        });
        assertThat(results.stream().filter(r -> r.startsWith("ok")).count()).as(results.toString()).isEqualTo(1);
        assertThat(results).filteredOn(r -> !r.startsWith("ok")).containsOnly("conflict");

        IsoInfo iso = Users.as(admin, () -> library.library()).stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
        assertThat(iso.sha256()).isEqualTo(sha);
        assertThat(iso.sizeBytes()).isEqualTo(bytes.length);
        assertThat(Files.readAllBytes(Path.of(iso.path()))).isEqualTo(bytes);
        assertThat(library.visibleTo(users.newCustomer().id())).extracting(IsoInfo::id).contains(iso.id());

        Users.as(admin, () -> library.removeFromLibrary(iso.id()));
        assertThat(Path.of(iso.path())).doesNotExist();
        assertThat(Users.as(admin, () -> library.library())).extracting(IsoInfo::name).doesNotContain(name);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM audit_event WHERE target = ? AND action IN "
                + "('catalog.iso-registered', 'catalog.iso-removed')", Integer.class, name)).isEqualTo(2);
        try {
            Users.as(admin, () -> library.removeFromLibrary(iso.id()));
            throw new AssertionError("a second removal must be refused");
        } catch (PanelException e) {
            assertThat(e.userMessage()).contains("no ISO");
        }
    }

    @Test
    void aPlansOwnIsoOptionIsStored() {
        PlanInfo plan = Users.as(users.admin(), () -> catalog.allPlans()).get(0);
        assertThat(catalog.allowsCustomerIso(plan.id())).isFalse();
        Users.as(users.admin(), () -> catalog.setCustomerIso(plan.id(), true));
        assertThat(catalog.allowsCustomerIso(plan.id())).isTrue();
        Users.as(users.admin(), () -> catalog.setCustomerIso(plan.id(), false));
        assertThat(catalog.allowsCustomerIso(plan.id())).isFalse();
    }
}
