package com.virtpanel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.Role;
import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.console.ConsoleTickets;
import com.virtpanel.testkit.DemoImage;
import com.virtpanel.testkit.Guests;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Shell;
import com.virtpanel.testkit.Together;
import com.virtpanel.testkit.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Customer B cannot see or touch customer A's server; to B it simply does not exist. */
@IntegrationTest
class ServerAuthorizationIT {

    @Autowired ServerService servers;
    @Autowired ServerOrders serverOrders;
    @Autowired ServerPower serverPower;
    @Autowired ServerChanges serverChanges;
    @Autowired Users users;
    @Autowired Guests guests;
    @Autowired ConsoleTickets consoles;
    @Autowired ApiTokenService tokens;
    @LocalServerPort int port;

    static AccountSummary alice;
    static ServerInfo alicesServer;

    @BeforeAll
    static void aliceHasARunningServer(@Autowired ServerOrders serverOrders, @Autowired Users users, @Autowired Guests guests) {
        DemoImage.require();
        alice = users.newCustomer();
        var ordered = Users.as(alice, () -> serverOrders.order(new OrderRequest("alices-box", "nano", "demo",
                List.of(OrderToRunningIT.KEY), null, null)));
        alicesServer = guests.awaitStatus(alice, ordered.id(), ServerStatus.RUNNING);
    }

    @AfterAll
    static void cleanUp(@Autowired Guests guests) {
        guests.removeAll();
    }

    @Test
    void anotherCustomerCanNeitherSeeNorActOnTheServer() {
        AccountSummary bob = users.newCustomer();
        long id = alicesServer.id();
        Users.as(bob, () -> {
            assertThat(servers.list()).extracting(ServerInfo::id).doesNotContain(id);
            assertThat(servers.ids()).doesNotContain(id);
            assertThatThrownBy(() -> servers.get(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> serverPower.reboot(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> serverPower.shutdown(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> serverPower.powerOff(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> serverPower.reset(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> serverPower.start(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> serverChanges.reinstall(id, "demo", null, null)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> serverChanges.delete(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> servers.allowedActions(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> servers.withActions(id)).isInstanceOf(NotFoundException.class);
        });
        assertThat(Users.as(alice, () -> servers.get(id).status())).isEqualTo(ServerStatus.RUNNING);
        assertThat(Shell.virsh("domstate", alicesServer.domain())).isEqualTo("running");
    }

    @Test
    void aServerThatDoesNotExistLooksExactlyLikeAnotherCustomersServer() {
        AccountSummary bob = users.newCustomer();
        Users.as(bob, () -> {
            var missing = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class, () -> servers.get(987654321L));
            var foreign = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class, () -> servers.get(alicesServer.id()));
            assertThat(foreign.getMessage()).isEqualTo(missing.getMessage());
        });
    }

    @Test
    void theOwnerIsToldWhatTheyMayDoToTheRunningServerAndWhyNot() {
        assertThat(Users.as(alice, () -> servers.ids())).containsExactly(alicesServer.id());
        AllowedActions allowed = Users.as(alice, () -> servers.allowedActions(alicesServer.id()));
        assertThat(Users.as(alice, () -> servers.withActions(alicesServer.id())))
                .isEqualTo(new ServerWithActions(Users.as(alice, () -> servers.get(alicesServer.id())), allowed));
        assertThat(allowed.allowed(ServerAction.REBOOT)).isTrue();
        assertThat(allowed.allowed(ServerAction.RESET_PASSWORD)).isTrue();
        assertThat(allowed.allowed(ServerAction.CONSOLE)).isTrue();
        assertThat(allowed.reason(ServerAction.REBOOT)).isNull();
        assertThat(allowed.allowed(ServerAction.START)).isFalse();
        assertThat(allowed.reason(ServerAction.START).english()).isEqualTo("You cannot start this server now: it is running.");
        assertThat(allowed.reason(ServerAction.ADD_SSH_KEY).english()).isEqualTo("Keys are added to a stopped server: shut it down first.");
        // and the action itself refuses with the same words
        assertThatThrownBy(() -> Users.as(alice, () -> serverPower.start(alicesServer.id())))
                .hasMessage("You cannot start this server now: it is running.");
    }

    @Test
    void staffSeeEveryCustomersServers() {
        AccountSummary support = users.newStaff(Role.SUPPORT);
        assertThat(Users.as(support, () -> servers.list())).extracting(ServerInfo::id).contains(alicesServer.id());
        assertThat(Users.as(support, () -> servers.ids())).contains(alicesServer.id());
        assertThat(Users.as(support, () -> servers.get(alicesServer.id())).name()).isEqualTo("alices-box");
    }

    @Test
    void staffOutsideAVisitMayNotActOnACustomersServer() {
        long id = alicesServer.id();
        for (AccountSummary staff : List.of(users.newStaff(Role.SUPPORT), users.admin())) {
            Users.as(staff, () -> {
                assertThatThrownBy(() -> serverPower.reboot(id)).isInstanceOf(ForbiddenException.class).hasMessageContaining("inside a visit");
                assertThatThrownBy(() -> serverChanges.resetRootPassword(id)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> serverChanges.reinstall(id, "demo", null, null)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> serverChanges.delete(id)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> serverPower.shutdown(id)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> serverPower.powerOff(id)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> serverPower.reset(id)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> serverPower.start(id)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> consoles.forApi(id)).isInstanceOf(ForbiddenException.class);
                assertThatThrownBy(() -> consoles.forSession(id, "a-session")).isInstanceOf(ForbiddenException.class);
                // the page asks first and says why every button is off
                AllowedActions allowed = servers.allowedActions(id);
                assertThat(allowed.actions()).allSatisfy((action, allowance) -> {
                    assertThat(allowance.allowed()).as(action.name()).isFalse();
                    assertThat(allowance.reason().english()).as(action.name()).contains("inside a visit");
                });
            });
        }
        assertThat(Users.as(alice, () -> servers.get(id).status())).isEqualTo(ServerStatus.RUNNING);
    }

    /**
     * The same through the REST API with the staff member's own token, all at once: every action
     * on the customer's server is 403 (looking is allowed), and the server is untouched.
     */
    @Test
    void staffOutsideAVisitAreRefusedEveryActionThroughTheApiToo() throws Exception {
        long id = alicesServer.id();
        String base = "/api/v1/servers/" + id;
        var requests = new LinkedHashMap<String, String>();
        for (String power : List.of("start", "shutdown", "reboot", "poweroff", "reset")) {
            requests.put("POST " + base + "/actions/" + power, null);
        }
        requests.put("POST " + base + "/actions/reinstall", "{\"image\":\"demo\"}");
        requests.put("POST " + base + "/actions/reset_password", null);
        requests.put("POST " + base + "/console", null);
        requests.put("DELETE " + base, null);
        requests.put("GET " + base, null);
        for (AccountSummary staff : List.of(users.newStaff(Role.SUPPORT), users.admin())) {
            String token = tokens.issueSessionToken(staff.id()).token();
            Map<String, Integer> answers = simultaneously(requests, token);
            answers.forEach((request, status) -> assertThat(status).as(staff.role() + " " + request)
                    .isEqualTo(request.startsWith("GET") ? 200 : 403));
        }
        assertThat(Users.as(alice, () -> servers.get(id).status())).isEqualTo(ServerStatus.RUNNING);
        assertThat(Shell.virsh("domstate", alicesServer.domain())).isEqualTo("running");
    }

    private Map<String, Integer> simultaneously(Map<String, String> requests, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> keys = new ArrayList<>(requests.keySet());
        List<Integer> statuses = Together.run(keys.size(), i -> {
            String[] methodAndPath = keys.get(i).split(" ", 2);
            String json = requests.get(keys.get(i));
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + methodAndPath[1]))
                    .header("Authorization", "Bearer " + token)
                    .method(methodAndPath[0], json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                builder.header("Content-Type", "application/json");
            }
            return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        });
        var answers = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < keys.size(); i++) {
            answers.put(keys.get(i), statuses.get(i));
        }
        return answers;
    }
}
