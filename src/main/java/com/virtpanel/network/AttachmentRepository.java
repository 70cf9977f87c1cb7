package com.virtpanel.network;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Attachment.Key> {

    List<Attachment> findByFirewallId(long firewallId);

    List<Attachment> findByServerId(long serverId);

    long countByServerId(long serverId);
}
