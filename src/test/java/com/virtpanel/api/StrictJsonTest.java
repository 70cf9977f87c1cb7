package com.virtpanel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The strict reader of request bodies, and the words {@link JsonErrors} finds for its refusals. */
class StrictJsonTest {

    static final ObjectMapper SHARED = Jackson2ObjectMapperBuilder.json().build();
    static final ObjectMapper STRICT = StrictJsonConfig.strict(SHARED);

    static JsonErrors.Finding refusal(String body) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> STRICT.readValue(body, OrderBody.class)).satisfies(t -> caught[0] = t);
        return JsonErrors.describe(caught[0]);
    }

    @Test
    void aWellFormedOrderReadsInSnakeCase() throws Exception {
        OrderBody body = STRICT.readValue("{\"name\":\"web-1\",\"plan\":\"nano\",\"image\":\"demo\",\"ssh_keys\":[\"k\"]}", OrderBody.class);
        assertThat(body.sshKeys()).isEqualTo(List.of("k"));
        assertThat(body.password()).isNull();
    }

    @Test
    void unknownFieldsAreNamed() {
        var finding = refusal("{\"name\":\"web-1\",\"sshKeys\":[]}");
        assertThat(finding.field()).isEqualTo("sshKeys");
        assertThat(finding.detail()).contains("Unknown field \"sshKeys\"").contains("ssh_keys");
    }

    @Test
    void wrongTypesNameTheFieldAndTheExpectedType() {
        assertThat(refusal("{\"name\":5}")).isEqualTo(new JsonErrors.Finding("name", "The field \"name\" must be a string."));
        assertThat(refusal("{\"name\":true}").field()).isEqualTo("name");
        assertThat(refusal("{\"name\":1.5}").field()).isEqualTo("name");
        assertThat(refusal("{\"name\":{\"a\":1}}").field()).isEqualTo("name");
        assertThat(refusal("{\"ssh_keys\":\"ssh-ed25519 AAAA\"}"))
                .isEqualTo(new JsonErrors.Finding("ssh_keys", "The field \"ssh_keys\" must be an array."));
        assertThat(refusal("{\"ssh_keys\":[1]}").field()).isEqualTo("ssh_keys[0]");
        assertThat(refusal("{\"ssh_keys\":[\"a\",[\"b\"]]}").field()).isEqualTo("ssh_keys[1]");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedAsAWhole() {
        assertThat(refusal("[]")).isEqualTo(new JsonErrors.Finding(null, "The body must be a JSON object."));
        assertThat(refusal("\"web-1\"").field()).isNull();
        assertThat(refusal("42").field()).isNull();
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThat(refusal("{\"name\":").detail()).startsWith("The body is not valid JSON");
        assertThat(refusal("{name: 1}").detail()).contains("line 1, column");
        assertThat(refusal("{\"name\":\"a\"} trailing").field()).isNull();
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}"))
                .isEqualTo(new JsonErrors.Finding("name", "The field \"name\" appears more than once."));
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String deep = "{\"ssh_keys\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(refusal(deep).field()).isIn("ssh_keys[0]", null);
    }

    @Test
    void theSharedMapperStaysLenient() throws Exception {
        assertThat(SHARED.readValue("{\"name\":\"web-1\",\"extra\":1}", OrderBody.class).name()).isEqualTo("web-1");
    }

    @Test
    void errorsNeverEchoLongOrControlCharacterNames() {
        var finding = refusal("{\"" + "x".repeat(500) + "\\u0007\":1}");
        assertThat(finding.detail().length()).isLessThan(200 + "Known fields: image, name, password, plan, ssh_keys".length());
        assertThat(finding.detail()).doesNotContain("\u0007");
    }
}
