package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

/**
 * A long-running change to a server, executed step by step by {@link OperationRunner}. Each
 * step is idempotent and the current step is stored, so after a crash the runner simply
 * repeats the step it was in.
 */
enum Operation {
    PROVISION(Step.PREPARE_DISK, Step.WRITE_SEED, Step.DEFINE, Step.START),
    REINSTALL(Step.PREPARE_DISK, Step.WRITE_SEED, Step.STOP, Step.SWAP_DISK, Step.DELETE_OLD_VOLUMES, Step.START),
    DELETE(Step.REMOVE_DOMAIN, Step.DELETE_VOLUMES),
    // Offline changes inside the guest's disk (libguestfs): see GuestChanges.
    RESET_PASSWORD(Step.SHUT_DOWN, Step.WRITE_PASSWORD, Step.UPDATE_SEED, Step.START_AGAIN),
    ADD_SSH_KEY(Step.WRITE_SSH_KEY, Step.UPDATE_SEED),
    CHANGE_PLAN(Step.SHUT_DOWN, Step.APPLY_PLAN, Step.GROW_DISK, Step.START_AGAIN),
    /** Same vCPUs, memory and disk: only limits change, live (the quota module applies them). */
    CHANGE_PLAN_LIVE(Step.APPLY_PLAN),
    /** Attach an ISO and boot once from it (see IsoBoots). */
    BOOT_ISO(Step.BOOT_FROM_ISO),
    EJECT_ISO(Step.EJECT_ISO),
    /** The rescue system with the server's disk as the second disk: see ServerRescue. */
    RESCUE(Step.SHUT_DOWN, Step.WRITE_RESCUE_SEED, Step.DEFINE_RESCUE, Step.START_RESCUE),
    LEAVE_RESCUE(Step.SHUT_DOWN, Step.DEFINE, Step.DELETE_RESCUE_SEED, Step.START_AGAIN),
    /** Like a reinstall, the old disk stays until the restored one is complete: see ServerRestore. */
    RESTORE(Step.RESTORE_DISK, Step.STOP, Step.SWAP_DISK, Step.DELETE_OLD_VOLUMES, Step.START),
    /**
     * Live migration to another host (see MigrationSteps): the target prepares what the guest
     * reads there and migration does not copy, the source hands the running guest over, the
     * target confirms it runs there.
     */
    MIGRATE(Step.PREPARE_TARGET, Step.MIGRATE_GUEST, Step.SETTLE);

    private final Step[] steps;

    Operation(Step... steps) {
        this.steps = steps;
    }

    Step first() {
        return steps[0];
    }

    /** The step after {@code step}, or null when the operation is complete. */
    Step after(Step step) {
        for (int i = 0; i < steps.length - 1; i++) {
            if (steps[i] == step) {
                return steps[i + 1];
            }
        }
        return null;
    }

    /** Progress in percent when {@code step} runs, {@code stepPercent} of it done (null: just begun). */
    int progress(Step step, Integer stepPercent) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == step) {
                int done = stepPercent == null ? 0 : Math.max(0, Math.min(100, stepPercent));
                return (100 * i + done) / steps.length;
            }
        }
        return 100;
    }

    /** An operation's steps; what people read of each is the bundles' {@code server.step.<step>}. */
    enum Step {
        PREPARE_DISK,
        WRITE_SEED,
        DEFINE,
        STOP,
        SWAP_DISK,
        DELETE_OLD_VOLUMES,
        START,
        REMOVE_DOMAIN,
        DELETE_VOLUMES,
        SHUT_DOWN,
        WRITE_PASSWORD,
        WRITE_SSH_KEY,
        UPDATE_SEED,
        APPLY_PLAN,
        GROW_DISK,
        START_AGAIN,
        BOOT_FROM_ISO,
        EJECT_ISO,
        WRITE_RESCUE_SEED,
        DEFINE_RESCUE,
        START_RESCUE,
        DELETE_RESCUE_SEED,
        RESTORE_DISK,
        PREPARE_TARGET,
        MIGRATE_GUEST,
        SETTLE;

        /** Runs on the host the server is moving to (every other step runs on the server's own host). */
        boolean onTarget() {
            return this == PREPARE_TARGET;
        }

        UserMessage message() {
            return UserMessage.of("server.step." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }
}
