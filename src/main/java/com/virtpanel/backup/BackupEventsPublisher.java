package com.virtpanel.backup;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Turns backup rows into {@link BackupEvents}. */
@Component
class BackupEventsPublisher {

    private final ApplicationEventPublisher events;

    BackupEventsPublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    void requested(Backup b) {
        events.publishEvent(new BackupEvents.BackupRequested(b.getAccountId(), b.getServerId(), b.getId()));
    }

    void progress(Backup b, int percent) {
        events.publishEvent(new BackupEvents.BackupProgress(b.getAccountId(), b.getServerId(), b.getId(), percent));
    }

    void completed(Backup b) {
        events.publishEvent(new BackupEvents.BackupMade(b.getAccountId(), b.getServerId(), b.getId(), b.getKind().apiName(),
                b.info().sizeBytes()));
    }

    void failed(Backup b) {
        events.publishEvent(new BackupEvents.BackupFailed(b.getAccountId(), b.getServerId(), b.getId(), b.info().detail().english()));
    }

    void damaged(Backup b, String problem) {
        events.publishEvent(new BackupEvents.BackupDamaged(b.getAccountId(), b.getServerId(), b.getId(), problem));
    }

    void deleted(Backup b) {
        events.publishEvent(new BackupEvents.BackupDeleted(b.getAccountId(), b.getServerId(), b.getId()));
    }
}
