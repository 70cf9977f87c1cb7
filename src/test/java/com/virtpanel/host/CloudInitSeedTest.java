package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The NoCloud seed's files, read back by a YAML parser the way cloud-init reads them. */
class CloudInitSeedTest {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHs2/0jTKfP2GmEwNM9kfVBQCRy4i4WOukx0W9tbvW4D alice@laptop";
    static final GuestNetwork NET = new GuestNetwork("52:54:00:12:34:56", "10.131.0.23/24", "10.131.0.1", List.of("10.131.0.1", "9.9.9.9"));

    @Test
    @SuppressWarnings("unchecked")
    void networkConfigCarriesTheIpv6AddressAndAnOnLinkDefaultRouteAndRefusesRouterAdvertisements() {
        var net = new GuestNetwork("52:54:00:12:34:56", "10.131.0.23/24", "10.131.0.1", List.of("10.131.0.1"),
                "fd76:a83:0:7::1/64", "fd76:a83:0::1");
        var seed = new CloudInitSeed("i-1", "web-1", List.of(KEY), null, net, List.of());
        Map<String, Object> eth0 = (Map<String, Object>) ((Map<String, Object>) yaml(seed.networkConfig()).get("ethernets")).get("eth0");

        assertThat(eth0.get("addresses")).isEqualTo(List.of("10.131.0.23/24", "fd76:a83:0:7::1/64"));
        assertThat((List<Map<String, Object>>) eth0.get("routes")).contains(
                Map.of("to", "::/0", "via", "fd76:a83:0::1", "on-link", true));
        assertThat(eth0).containsEntry("accept-ra", false);
    }

    @Test
    void metaDataNamesTheInstanceAndHost() {
        Map<String, Object> meta = yaml(seed(null, List.of()).metaData());

        assertThat(meta).containsEntry("instance-id", "i-42-3").containsEntry("local-hostname", "web-1");
    }

    @Test
    void userDataIsCloudConfigWithHostnameAndRootKeys() {
        String text = seed(null, List.of()).userData();
        Map<String, Object> user = yaml(text);

        assertThat(text).startsWith("#cloud-config\n");
        assertThat(user).containsEntry("hostname", "web-1").containsEntry("fqdn", "web-1")
                .containsEntry("preserve_hostname", false).containsEntry("disable_root", false)
                .containsEntry("ssh_pwauth", false);
        assertThat(user.get("ssh_authorized_keys")).isEqualTo(List.of(KEY));
        assertThat(user).doesNotContainKey("chpasswd");
    }

    @Test
    void customerUserDataFollowsThePanelsSettingsAsASecondMimePart() throws Exception {
        String script = "#!/bin/sh\necho hello from the customer\n";
        var seed = new CloudInitSeed("i-42-3", "web-1", List.of(KEY), null, NET, List.of(), script);

        // read back by a MIME parser, as cloud-init reads multipart user data
        var message = new jakarta.mail.internet.MimeMessage((jakarta.mail.Session) null,
                new java.io.ByteArrayInputStream(seed.userData().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/cloud-config");
        Map<String, Object> panel = yaml(text(parts.getBodyPart(0)));
        assertThat(panel).containsEntry("hostname", "web-1");
        assertThat(panel.get("ssh_authorized_keys")).isEqualTo(List.of(KEY));
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/x-shellscript");
        assertThat(text(parts.getBodyPart(1)).strip()).isEqualTo(script.strip());
    }

    private static String text(jakarta.mail.BodyPart part) throws Exception {
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void customerCloudConfigIsACloudConfigPartAndNeverInTheSeedsToString() {
        var seed = new CloudInitSeed("i-42-3", "web-1", List.of(KEY), "$6$salt$hash", NET, List.of(),
                "#cloud-config\npackages: [nginx]\n");

        assertThat(seed.userData()).contains("Content-Type: text/cloud-config; charset=\"utf-8\"\nMIME-Version: 1.0\n"
                + "Content-Transfer-Encoding: 8bit\nContent-Disposition: attachment; filename=\"customer\"\n\n#cloud-config\npackages: [nginx]\n");
        assertThat(seed.toString()).doesNotContain("nginx", "$6$");
    }

    @Test
    void aPasswordHashEnablesPasswordLoginForRootWithoutExpiry() {
        String hash = "$6$salt$Vx0aTgZcHhL1cE7h8Xk7Qy/1LgkqZ1.PcUQ2mN9e3TbJ0W1";
        Map<String, Object> user = yaml(seed(hash, List.of()).userData());

        assertThat(user).containsEntry("ssh_pwauth", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> chpasswd = (Map<String, Object>) user.get("chpasswd");
        assertThat(chpasswd).containsEntry("expire", false);
        assertThat(chpasswd.get("users")).isEqualTo(List.of(Map.of("name", "root", "password", hash, "type", "hash")));
    }

    @Test
    void commandsWithQuotesAndYamlSyntaxSurviveTheParser() {
        List<String> commands = List.of("echo \"hostname=$(hostname)\" > /dev/ttyS0", "echo 'a: b # not a comment' \\ done",
                "- [not, a, list]");
        Map<String, Object> user = yaml(seed(null, commands).userData());

        assertThat(user.get("runcmd")).isEqualTo(commands);
    }

    @Test
    void networkConfigIsVersionTwoWithAStaticAddressForTheGuestsMac() {
        Map<String, Object> net = yaml(seed(null, List.of()).networkConfig());

        assertThat(net).containsEntry("version", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> eth0 = (Map<String, Object>) ((Map<String, Object>) net.get("ethernets")).get("eth0");
        assertThat(eth0.get("match")).isEqualTo(Map.of("macaddress", "52:54:00:12:34:56"));
        assertThat(eth0).containsEntry("set-name", "eth0");
        assertThat(eth0.get("addresses")).isEqualTo(List.of("10.131.0.23/24"));
        assertThat(eth0.get("routes")).isEqualTo(List.of(Map.of("to", "0.0.0.0/0", "via", "10.131.0.1")));
        assertThat(eth0.get("nameservers")).isEqualTo(Map.of("addresses", List.of("10.131.0.1", "9.9.9.9")));
    }

    @Test
    void withoutNetworkSettingsThereIsNoNetworkConfig() {
        var seed = new CloudInitSeed("i-1", "web-1", null, null, null, null);

        assertThat(seed.networkConfig()).isNull();
        assertThat(yaml(seed.userData())).doesNotContainKeys("ssh_authorized_keys", "runcmd");
    }

    static CloudInitSeed seed(String passwordHash, List<String> runcmd) {
        return new CloudInitSeed("i-42-3", "web-1", List.of(KEY), passwordHash, NET, runcmd);
    }

    static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }
}
