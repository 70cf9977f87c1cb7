package com.virtpanel.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Calls the API in-process through the whole filter chain (MockMvc on the running context).
 * Each call comes from a client IP of its own unless one is given, so the per-IP limits of
 * sign-up and login only bite where a test means them to.
 */
final class MockApi {

    static final String JSON = "application/json";
    private static final AtomicInteger IPS = new AtomicInteger();
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final MockMvc mvc;

    MockApi(WebApplicationContext context) {
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    record Reply(int status, String contentType, String body, Map<String, String> headers) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    static String freshIp() {
        int n = IPS.incrementAndGet();
        return "10.250." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    Reply get(String path, String token) {
        return call(HttpMethod.GET, path, token, null, null, freshIp(), Map.of());
    }

    Reply post(String path, String token, String json) {
        return call(HttpMethod.POST, path, token, json == null ? null : JSON, json == null ? null : bytes(json), freshIp(), Map.of());
    }

    Reply call(HttpMethod method, String path, String token, String contentType, byte[] body, String ip, Map<String, String> headers) {
        try {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, URI.create(path)).with(r -> {
                r.setRemoteAddr(ip);
                return r;
            });
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            if (contentType != null) {
                request.contentType(contentType);
            }
            if (body != null) {
                request.content(body);
            }
            headers.forEach(request::header);
            var response = mvc.perform(request).andReturn().getResponse();
            Map<String, String> replyHeaders = new HashMap<>();
            for (String name : response.getHeaderNames()) {
                replyHeaders.put(name.toLowerCase(), response.getHeader(name));
            }
            return new Reply(response.getStatus(), response.getContentType(), response.getContentAsString(StandardCharsets.UTF_8),
                    replyHeaders);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " threw instead of answering", e);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
