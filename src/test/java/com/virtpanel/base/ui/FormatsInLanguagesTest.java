package com.virtpanel.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.virtpanel.base.Bytes;
import com.virtpanel.base.Messages;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.support.AuditAction;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sizes, numbers, dates, plan sizes and prices and audit labels as a Russian reader sees them, and
 * unchanged for an English one (the default).
 */
class FormatsInLanguagesTest {

    static final PlanInfo PLAN = new PlanInfo(1, "small", "Small", 2, 1536, 20, 200, 1024, 1000, 100, 500, 100, 1000,
            10, null, 550, "EUR", true);

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void aRussianReaderGetsDecimalCommasRussianUnitsAndDayFirstDates() {
        readerSpeaks(Messages.RUSSIAN);
        assertThat(Formats.bytes(3 * Bytes.GIB / 2)).isEqualTo("1,5 ГиБ");
        assertThat(Formats.mib(512)).isEqualTo("512 МиБ");
        assertThat(plain(Formats.number(1_234_567))).isEqualTo("1 234 567");
        assertThat(Formats.date(Instant.parse("2026-12-03T12:00:00Z"))).isEqualTo("03.12.2026");
        assertThat(plain(Texts.get(PLAN.summaryMessage()))).isEqualTo("2 vCPU · 1 536 МиБ ОЗУ · диск 20 ГиБ");
        assertThat(Texts.get(PLAN.priceMessage())).isEqualTo("EUR 5,50 / мес.");
        assertThat(Texts.get(AuditAction.STAFF_CREATED.message())).isEqualTo("Создан аккаунт сотрудника");
    }

    @Test
    void anEnglishReaderSeesTheSameTextsAsBefore() {
        readerSpeaks(Messages.ENGLISH);
        assertThat(Formats.bytes(3 * Bytes.GIB / 2)).isEqualTo("1.5 GiB");
        assertThat(Formats.number(1_234_567)).isEqualTo("1,234,567");
        assertThat(Texts.get(PLAN.summaryMessage())).isEqualTo("2 vCPU · 1,536 MiB RAM · 20 GiB disk");
        assertThat(PLAN.price()).isEqualTo("EUR 5.50 / month");
        assertThat(AuditAction.STAFF_CREATED.label()).isEqualTo("Staff account created");
        assertThat(AuditAction.labelOf("some.old-code")).isEqualTo("some.old-code");
    }

    /** Vaadin keeps the current UI only weakly: the test holds it, or a GC mid-test makes the reader English. */
    private UI reader;

    private void readerSpeaks(Locale language) {
        reader = new UI();
        reader.setLocale(language);
        UI.setCurrent(reader);
    }

    /** Java writes Russian thousands with a no-break space; the reader sees a space. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
