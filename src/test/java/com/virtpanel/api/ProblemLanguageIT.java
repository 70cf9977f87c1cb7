package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Problem responses speak the language of the request's Accept-Language (Russian or English,
 * English for anything else), while their type and status stay what the contract says.
 */
@IntegrationTest
class ProblemLanguageIT {

    static final String ORDER = "{\"name\":\"a..b\",\"plan\":\"nano\",\"image\":\"demo\",\"password\":\"Correct-horse-42-root\"}";
    static final String ENGLISH_DETAIL = "A hostname cannot have two dots in a row or start with a dot.";
    static final String RUSSIAN_DETAIL = "Имя хоста не может содержать две точки подряд или начинаться с точки.";

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired ApiTokenService tokens;

    @Test
    void anInvalidHostnameIsExplainedInRussianWhenTheClientAsksForRussian() {
        String token = tokenOfNewCustomer();
        MockApi.Reply reply = order(token, "ru-RU,ru;q=0.9,en;q=0.5");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:virtpanel:problem:invalid-input");
        assertThat(reply.json().path("title").asText()).isEqualTo("Неверные данные");
        assertThat(reply.json().path("detail").asText()).isEqualTo(RUSSIAN_DETAIL);
        assertThat(reply.json().path("field").asText()).isEqualTo("name");
    }

    @Test
    void withoutAcceptLanguageOrWithAnotherLanguageTheProblemIsInEnglish() {
        String token = tokenOfNewCustomer();
        for (String language : new String[] {null, "de-DE,de;q=0.9", "not a language tag ;;"}) {
            MockApi.Reply reply = order(token, language);
            assertThat(reply.status()).as(language).isEqualTo(400);
            assertThat(reply.json().path("title").asText()).isEqualTo("Invalid input");
            assertThat(reply.json().path("detail").asText()).isEqualTo(ENGLISH_DETAIL);
        }
    }

    @Test
    void wrongCredentialsAreRefusedInRussianToo() {
        var api = new HttpApi(port);
        MockApi.Reply reply = api.send("POST", "/api/v1/auth/token", null,
                HttpRequest.BodyPublishers.ofString("{\"email\":\"nobody-lang@example.com\",\"password\":\"Wrong-password-1\"}"),
                Map.of("Accept-Language", "ru"));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:virtpanel:problem:bad-credentials");
        assertThat(reply.json().path("detail").asText()).isEqualTo("Неверный адрес электронной почты или пароль.");
    }

    @Test
    void tenSimultaneousRequestsInMixedLanguagesEachGetTheirOwnLanguage() {
        String token = tokenOfNewCustomer();
        List<CompletableFuture<MockApi.Reply>> replies = IntStream.range(0, 10)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> order(token, i % 2 == 0 ? "ru" : "en"))).toList();
        for (int i = 0; i < replies.size(); i++) {
            MockApi.Reply reply = replies.get(i).join();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.json().path("detail").asText()).isEqualTo(i % 2 == 0 ? RUSSIAN_DETAIL : ENGLISH_DETAIL);
        }
    }

    @Test
    void aServiceFieldErrorIsExplainedInRussianAndKeepsItsField() {
        String token = tokenOfNewCustomer();
        MockApi.Reply russian = get("/api/v1/servers/999999/metrics?type=gpu", token, "ru");
        assertThat(russian.status()).isEqualTo(400);
        assertThat(russian.json().path("field").asText()).isEqualTo("type");
        assertThat(russian.json().path("detail").asText()).isEqualTo("Неизвестный тип метрики «gpu»: используйте cpu, disk или network.");
        MockApi.Reply english = get("/api/v1/servers/999999/metrics?type=gpu", token, null);
        assertThat(english.json().path("detail").asText()).isEqualTo("Unknown metric type \"gpu\": use cpu, disk or network.");
    }

    @Test
    void problemsRaisedBeforeTheControllersSpeakRussianToo() {
        MockApi.Reply noToken = get("/api/v1/servers", null, "ru");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().path("type").asText()).isEqualTo("urn:virtpanel:problem:unauthenticated");
        assertThat(noToken.json().path("title").asText()).isEqualTo("Требуется авторизация");
        assertThat(noToken.json().path("detail").asText()).startsWith("Передайте токен в заголовке");

        MockApi.Reply badToken = get("/api/v1/servers", "vp_not-a-real-token-0000", "ru");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.json().path("detail").asText()).isEqualTo("Токен недействителен.");

        String token = tokenOfNewCustomer();
        MockApi.Reply unknown = get("/api/v1/nothing-here", token, "ru");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("title").asText()).isEqualTo("Не найдено");
        assertThat(unknown.json().path("detail").asText()).startsWith("Такой точки API нет.");

        MockApi.Reply wrongType = new HttpApi(port).send("POST", "/api/v1/servers", token,
                HttpRequest.BodyPublishers.ofString("{\"name\":5}"), Map.of("Accept-Language", "ru"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("field").asText()).isEqualTo("name");
        assertThat(wrongType.json().path("detail").asText()).isEqualTo("Поле «name» должно быть строкой.");

        MockApi.Reply plainText = textBody(token, "ru");
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(plainText.json().path("detail").asText()).isEqualTo("Отправляйте тело запроса как application/json.");
        assertThat(textBody(token, "en").json().path("detail").asText()).contains("text/plain");
    }

    /** An order sent as text/plain: Spring MVC's own refusal (415). */
    private MockApi.Reply textBody(String token, String language) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/servers")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/plain").header("Accept-Language", language)
                    .POST(HttpRequest.BodyPublishers.ofString(ORDER)).build(), HttpResponse.BodyHandlers.ofString());
            return new MockApi.Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body(), Map.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void tenSimultaneousRequestsWithoutATokenInMixedLanguagesEachGetTheirOwnLanguage() {
        List<CompletableFuture<MockApi.Reply>> replies = IntStream.range(0, 10)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> get("/api/v1/servers", null, i % 2 == 0 ? "ru" : "en")))
                .toList();
        for (int i = 0; i < replies.size(); i++) {
            MockApi.Reply reply = replies.get(i).join();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.json().path("title").asText()).isEqualTo(i % 2 == 0 ? "Требуется авторизация" : "Unauthorized");
            assertThat(reply.json().path("detail").asText()).startsWith(i % 2 == 0 ? "Передайте токен" : "Send a token");
        }
    }

    private MockApi.Reply get(String path, String token, String acceptLanguage) {
        return new HttpApi(port).send("GET", path, token, null,
                acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage));
    }

    private String tokenOfNewCustomer() {
        AccountSummary customer = users.newCustomer();
        return Users.as(customer, () -> tokens.createPersonal("language", null)).token();
    }

    private MockApi.Reply order(String token, String acceptLanguage) {
        return new HttpApi(port).send("POST", "/api/v1/servers", token, HttpRequest.BodyPublishers.ofString(ORDER),
                acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage));
    }
}
