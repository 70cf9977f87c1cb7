package com.virtpanel.host;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.virtpanel.base.PanelException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.libvirt.LibvirtException;
import org.libvirt.jna.virError;
import org.slf4j.LoggerFactory;

/** Each libvirt error we can meet becomes a sentence for customers; libvirt's own words go to the log. */
class LibvirtErrorsTest {

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            5   | no connection driver available for qemu:///system                               | UNAVAILABLE | The host is unreachable right now
            6   | invalid connection pointer in virConnectGetVersion                               | UNAVAILABLE | The host is unreachable right now
            39  | End of file while reading data: Input/output error                               | UNAVAILABLE | The host is unreachable right now
            38  | Failed to connect socket to '/var/run/libvirt/libvirt-sock': Connection refused  | UNAVAILABLE | The host is unreachable right now
            1   | internal error: client socket is closed                                          | UNAVAILABLE | The host is unreachable right now
            38  | Cannot access storage file '/pool/x.qcow2': No such file or directory            | FAILED      | A file the server needs is missing
            38  | unable to open '/pool/x.qcow2': Permission denied                                | FAILED      | refused access to the server's files
            42  | Domain not found: no domain with matching name 'vp-1'                            | NOT_FOUND   | virtual machine does not exist
            50  | Storage volume not found: no storage vol with matching name 'vp-1-disk.qcow2'    | NOT_FOUND   | disk was not found
            49  | Storage pool not found: no storage pool with matching name 'vp'                  | FAILED      | storage is not set up
            43  | Network not found: no network with matching name 'vp'                            | FAILED      | network is not set up
            55  | Requested operation is not valid: domain is already running                      | CONFLICT    | already running
            55  | Requested operation is not valid: domain is not running                          | CONFLICT    | is not running
            55  | Requested operation is not valid: domain is paused                               | CONFLICT    | is paused
            55  | Requested operation is not valid: cannot undefine transient domain               | CONFLICT    | does not allow this right now
            68  | Timed out during operation: cannot acquire state change lock                     | CONFLICT    | busy with other work
            9   | operation failed: domain 'vp-1' already exists with uuid 1234                    | CONFLICT    | already exists
            28  | operation failed: domain 'vp-1' already exists                                   | CONFLICT    | already exists
            45  | authentication failed: access denied                                             | FAILED      | not allowed to manage this host
            67  | unsupported configuration: host doesn't support legacy PCI                       | FAILED      | does not support this server's configuration
            3   | this function is not supported by the connection driver: virDomainSetBlockIoTune | FAILED      | does not support this server's configuration
            27  | XML error: Invalid value for attribute 'type'                                    | FAILED      | could not read
            8   | invalid argument: disk 'vdz' not found                                           | FAILED      | could not read
            2   | cannot allocate memory                                                            | CAPACITY    | out of memory
            1   | internal error: qemu unexpectedly closed the monitor: cannot set up guest memory 'pc.ram': Cannot allocate memory | CAPACITY | out of memory
            38  | cannot write to '/pool/x.qcow2': No space left on device                         | CAPACITY    | storage is full
            86  | Guest agent is not responding: QEMU guest agent is not connected                 | FAILED      | guest agent does not answer
            87  | Device or resource busy                                                           | CONFLICT    | busy with other work
            88  | access denied: 'vp' does not allow 'write'                                       | FAILED      | not allowed to manage this host
            78  | operation aborted: job 'migration' canceled by client                            | FAILED      | cancelled on the host
            74  | argument unsupported: unsupported flags (0x8)                                    | FAILED      | does not support this server's configuration
            79  | authentication cancelled                                                          | FAILED      | not allowed to manage this host
            1   | internal error: process exited while connecting to monitor                       | CONFLICT    | The host is busy with other work
            1   | internal error: pool 'virtpanel' has asynchronous jobs running.                  | CONFLICT    | busy with other work
            1   | internal error: volume 'vp-1-disk-1.qcow2' is still being allocated.             | CONFLICT    | busy with other work
            """)
    void libvirtErrorsAreTranslated(int code, String original, Kind kind, String words) {
        HostException translated = LibvirtErrors.translate("start server", error(code, original));

        assertThat(translated.kind()).isEqualTo(kind);
        assertThat(translated.getMessage()).contains(words);
        assertThat(translated.getMessage()).doesNotContain(original);
        assertThat(translated.detail()).contains(original);
    }

    @Test
    void theOriginalTextIsLoggedWithTheOperation() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(LibvirtErrors.class);
        logger.addAppender(appender);
        try {
            LibvirtErrors.translate("reboot server", error(55, "Requested operation is not valid: domain is not running"));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains("reboot server").contains("VIR_ERR_OPERATION_INVALID")
                .contains("Requested operation is not valid: domain is not running"));
    }

    @ParameterizedTest(name = "{0} \"{1}\" lost the connection: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            5   | no connection driver available                      | true
            6   | invalid connection pointer                          | true
            39  | End of file while reading data                      | true
            38  | Cannot recv data: Connection reset by peer          | true
            1   | internal error: client socket is closed             | true
            1   | internal error: connection closed due to keepalive timeout | true
            38  | Cannot access storage file '/x': Permission denied  | false
            42  | Domain not found                                    | false
            55  | Requested operation is not valid: domain is not running | false
            """)
    void onlyErrorsThatMeanTheDaemonIsGoneDropTheConnection(int code, String original, boolean lost) {
        assertThat(LibvirtErrors.isConnectionLost(error(code, original))).isEqualTo(lost);
    }

    @Test
    void codesAfterTheNwfilterOnesAreReadAsLibvirtMeantThem() {
        HostException timeout = LibvirtErrors.translate("start server", error(68, "Timed out during operation"));

        assertThat(timeout.kind()).isEqualTo(Kind.CONFLICT);
        assertThat(timeout.detail()).startsWith("VIR_ERR_OPERATION_TIMEOUT");
    }

    @ParameterizedTest(name = "{0} \"{1}\" is worth repeating: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | internal error: pool 'virtpanel' has asynchronous jobs running.   | true
            68  | Timed out during operation: cannot acquire state change lock      | true
            87  | Device or resource busy                                            | true
            39  | End of file while reading data: Input/output error                | true
            42  | Domain not found: no domain with matching name 'vp-1'              | false
            55  | Requested operation is not valid: domain is already running       | false
            38  | cannot write to '/pool/x.qcow2': No space left on device           | false
            1   | internal error: process exited while connecting to monitor        | true
            1   | internal error: qemu unexpectedly closed the monitor               | true
            1   | internal error: process exited while connecting to monitor: qemu-system-x86_64: -blockdev {"driver":"file"}: Could not open '/pool/x.qcow2': Permission denied | false
            1   | internal error: qemu unexpectedly closed the monitor: qemu-system-x86_64: -vnc 127.0.0.1:0,audiodev=audio1: Failed to find an available port: Address already in use | true
            1   | internal error: Failed to apply firewall rules /usr/sbin/ebtables --concurrent -t nat -A P-vnet233-ipv6 -j ACCEPT: ebtables v1.8.9 (nf_tables):  RULE_DELETE failed (No such file or directory): rule in chain P-vnet233-ipv6 | true
            """)
    void onlyErrorsOfABusyOrUnreachableHostAreTransient(int code, String original, boolean worthRepeating) {
        assertThat(LibvirtErrors.translate("create disk", error(code, original)).isTransient()).isEqualTo(worthRepeating);
    }

    static LibvirtException error(int code, String message) {
        var e = new virError();
        e.code = code;
        e.level = 2;
        e.message = message;
        return LibvirtNative.exception(e);
    }
}
