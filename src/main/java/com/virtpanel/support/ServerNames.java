package com.virtpanel.support;

import com.virtpanel.server.ServerDirectory;
import com.virtpanel.server.ServerRef;
import org.springframework.stereotype.Component;

/** The server's name to copy into an audit row, so the log still reads well after the server is gone. */
@Component
class ServerNames {

    private final ServerDirectory directory;

    ServerNames(ServerDirectory directory) {
        this.directory = directory;
    }

    /** The name, or null for a server the panel does not know. */
    String of(long serverId) {
        return directory.find(serverId).map(ServerRef::name).orElse(null);
    }
}
