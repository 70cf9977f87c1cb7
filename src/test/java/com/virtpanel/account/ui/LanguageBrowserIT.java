package com.virtpanel.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.Role;
import com.virtpanel.testkit.Browser;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer switches the panel to Russian on the account page, in a real headless Chromium
 * (which asks for English): the servers list, the order wizard and its field errors speak
 * Russian at once, the choice is saved on the account (so its mail follows) and holds at the
 * next sign-in. An admin reading Russian sees the audit log's actions and the plans' sizes and
 * prices in Russian.
 */
@IntegrationTest
class LanguageBrowserIT {

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCustomerSwitchesToRussianAndThePanelSpeaksRussianFromThenOn() {
        AccountSummary customer = users.newCustomer();
        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(customer.email(), Users.PASSWORD);
                browser.go("/servers");
                assertThat(browser.text("order-server")).isEqualTo("Order a server");

                browser.go("/account");
                assertThat(browser.text("language-ru")).isEqualTo("Русский");
                browser.click("language-ru");
                browser.waitFor(d -> d.findElement(By.tagName("body")).getText().contains("Язык панели и писем"));
                assertThat(jdbc.queryForObject("SELECT language FROM account WHERE id = ?", String.class, customer.id()))
                        .isEqualTo("ru");

                browser.go("/servers");
                assertThat(browser.text("order-server")).isEqualTo("Заказать сервер");
                assertThat(bodyText(browser)).contains("Мои серверы", "У вас пока нет серверов");

                browser.go("/order");
                assertThat(browser.allText("order-steps")).contains("1. Тариф", "2. Образ", "3. Имя хоста");
                assertThat(browser.text("next")).isEqualTo("Далее");
                assertThat(bodyText(browser)).contains("Выберите тариф");
                browser.click("plan-nano");
                browser.click("next");
                browser.click("image-demo");
                browser.click("next");
                browser.type("hostname", "a..b");
                browser.click("next");
                browser.waitFor(d -> !browser.text("order-error").isBlank());
                assertThat(browser.text("order-error"))
                        .isEqualTo("Имя хоста не может содержать две точки подряд или начинаться с точки.");

                browser.click("logout");
                browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
                browser.signIn(customer.email(), Users.PASSWORD);
                browser.go("/servers");
                assertThat(browser.text("order-server")).isEqualTo("Заказать сервер");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("language-switch");
                throw e;
            }
        }
    }

    @Test
    void anAdminReadingRussianSeesAuditActionsAndPlanSizesAndPricesInRussian() {
        AccountSummary admin = users.newStaff(Role.ADMIN);
        jdbc.update("UPDATE account SET language = 'ru' WHERE id = ?", admin.id());
        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(admin.email(), Users.PASSWORD);
                browser.go("/admin/audit");
                browser.type("audit-who", admin.email());
                browser.click("audit-filter");
                // the sign-in just made, and the account's creation by the seeded admin
                browser.waitFor(d -> browser.text("audit-grid").contains("Вход"));
                assertThat(browser.text("audit-grid")).contains("Создан аккаунт сотрудника").doesNotContain("Signed in");

                browser.go("/admin/plans");
                assertThat(browser.text("plans-grid")).contains("ОЗУ", "диск", "/ мес.").doesNotContain("RAM", "/ month");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("language-admin");
                throw e;
            }
        }
    }

    private static String bodyText(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
